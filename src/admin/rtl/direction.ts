/**
 * The interface language decides the page direction: Persian (and the other right-to-left languages
 * Strapi ships) lay the admin out right to left. Strapi sets `<html lang>` whenever the language
 * changes (its `setLocale` reducer) but never `dir`, so we follow `lang`.
 */
export const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
export const DEFAULT_ADMIN_LANGUAGE = 'fa';

const RTL_LANGUAGES = new Set(['fa', 'ar', 'he']);

export const directionOf = (language: string | null | undefined): 'rtl' | 'ltr' =>
  RTL_LANGUAGES.has(String(language ?? '').split('-')[0]) ? 'rtl' : 'ltr';

const storedLanguage = (): string | null => {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
};

/**
 * Persian for anyone who has not chosen: runs before the admin reads the stored language at its first
 * render. A user whose profile names a language (`preferedLanguage`) still gets it after logging in.
 */
export const makePersianTheDefault = (): void => {
  try {
    if (!storedLanguage())
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, DEFAULT_ADMIN_LANGUAGE);
  } catch {
    /* private mode: the admin falls back to English */
  }
};

const apply = (language: string): void => {
  const root = document.documentElement;
  const dir = directionOf(language);
  if (root.getAttribute('dir') !== dir) root.setAttribute('dir', dir);
  if (root.getAttribute('lang') !== language) root.setAttribute('lang', language);
};

let watching = false;

/** Sets `dir`/`lang` now and again whenever the admin changes the interface language. */
export const followInterfaceDirection = (): void => {
  apply(storedLanguage() || 'en');
  if (watching) return;
  watching = true;
  new MutationObserver(() => {
    const language = document.documentElement.getAttribute('lang') || storedLanguage() || 'en';
    const dir = directionOf(language);
    if (document.documentElement.getAttribute('dir') !== dir)
      document.documentElement.setAttribute('dir', dir);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
};

/**
 * Strapi's guided tour teaches developers to build schemas and deploy to Strapi Cloud, in English: not
 * for editors. It starts switched off (the tour's own stored state, which the profile page can reset).
 */
export const quietDeveloperTour = (): void => {
  try {
    if (!window.localStorage.getItem('STRAPI_GUIDED_TOUR')) {
      window.localStorage.setItem(
        'STRAPI_GUIDED_TOUR',
        JSON.stringify({ enabled: false, hidden: false, completedActions: [] })
      );
    }
  } catch {
    /* private mode */
  }
};
