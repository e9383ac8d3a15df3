import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = 'fa';

/** Shown in the admin's locale picker and list: the newsroom's own language by its own name. */
const LOCALE_NAME = 'فارسی';
/** The English name this app gave `fa` at first; such databases are renamed on boot. */
const FIRST_NAME = 'Persian (fa)';

/** i18n creates `en` on first boot; the newsroom writes Persian, so `fa` exists and is the default. */
export const ensureDefaultLocale = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  const persian = await locales.findByCode(DEFAULT_LOCALE);
  if (!persian) {
    await locales.create({ code: DEFAULT_LOCALE, name: LOCALE_NAME });
  } else if (persian.name === FIRST_NAME) {
    await locales.update({ code: DEFAULT_LOCALE }, { name: LOCALE_NAME });
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
};
