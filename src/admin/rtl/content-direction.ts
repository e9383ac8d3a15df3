/**
 * Persian entries are written right to left whatever the interface language, and English entries left
 * to right even in the Persian interface. The content manager's edit view carries the edited locale in
 * `?plugins[i18n][locale]=…` (absent means the default locale, Persian here); this marks the page with
 * `data-content-dir` for the stylesheet and sets `dir` on the text fields, rich-text (CodeMirror) and
 * blocks editors of the form. Fields that always hold Latin text (links) stay left to right.
 */
import { getFetchClient } from '@strapi/strapi/admin';
import { directionOf } from './direction';

const EDIT_VIEW = /\/content-manager\/(collection-types|single-types)\/[^/]+(\/[^/]+)?\/?$/;
const ALWAYS_LTR_FIELDS = /(^|\.)(sourceUrl|url|email|link)$/i;

let defaultLocale = 'fa';
let asked = false;

const askDefaultLocale = (): void => {
  if (asked) return;
  asked = true;
  getFetchClient()
    .get<Array<{ code: string; isDefault: boolean }>>('/i18n/locales')
    .then(({ data }) => {
      const found = Array.isArray(data) ? data.find((locale) => locale.isDefault) : undefined;
      if (found && found.code !== defaultLocale) {
        defaultLocale = found.code;
        schedule();
      }
    })
    .catch(() => {
      asked = false;
    });
};

/** The locale of the entry being edited, or null outside the content manager's edit view. */
export const editedLocale = (): string | null => {
  if (!EDIT_VIEW.test(window.location.pathname)) return null;
  const params = new URLSearchParams(window.location.search);
  askDefaultLocale();
  return params.get('plugins[i18n][locale]') || defaultLocale;
};

type CodeMirrorHost = HTMLElement & {
  CodeMirror?: { getOption(name: string): unknown; setOption(name: string, value: unknown): void };
};

const setDir = (element: Element, dir: string): void => {
  if (element.getAttribute('dir') !== dir) element.setAttribute('dir', dir);
};

const fieldDir = (element: Element, contentDir: 'rtl' | 'ltr'): 'rtl' | 'ltr' => {
  const name = element.getAttribute('name') ?? '';
  return ALWAYS_LTR_FIELDS.test(name) ? 'ltr' : contentDir;
};

const update = (): void => {
  const root = document.documentElement;
  // JSON fields (CodeMirror 6) hold code: left to right in every page and entry.
  document.querySelectorAll('.cm-editor').forEach((editor) => setDir(editor, 'ltr'));
  const locale = editedLocale();
  if (!locale) {
    if (root.hasAttribute('data-content-dir')) root.removeAttribute('data-content-dir');
    return;
  }
  const contentDir = directionOf(locale);
  if (root.getAttribute('data-content-dir') !== contentDir)
    root.setAttribute('data-content-dir', contentDir);
  const forms = document.querySelectorAll(
    'main form, [role="dialog"] form, main [data-pishkhan-form]'
  );
  forms.forEach((form) => {
    form
      .querySelectorAll(
        'input[name]:not([type]), input[name][type="text"], input[name][type="search"]:not([role="combobox"]), textarea[name]'
      )
      .forEach((input) => {
        if (input.closest('[data-pishkhan-own-dir]')) return;
        setDir(input, fieldDir(input, contentDir));
      });
    form
      .querySelectorAll('[contenteditable="true"]')
      .forEach((editor) => setDir(editor, contentDir));
    form.querySelectorAll<CodeMirrorHost>('.CodeMirror').forEach((host) => {
      const editor = host.CodeMirror;
      if (editor && editor.getOption('direction') !== contentDir)
        editor.setOption('direction', contentDir);
      setDir(host, contentDir);
    });
  });
};

let pending = false;
const schedule = (): void => {
  if (pending) return;
  pending = true;
  window.requestAnimationFrame(() => {
    pending = false;
    update();
  });
};

let started = false;

export const followContentDirection = (): void => {
  if (started) return;
  started = true;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = window.history[method];
    window.history[method] = function patched(
      this: History,
      ...args: Parameters<History['pushState']>
    ) {
      const result = original.apply(this, args);
      schedule();
      return result;
    };
  }
  window.addEventListener('popstate', schedule);
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  schedule();
};
