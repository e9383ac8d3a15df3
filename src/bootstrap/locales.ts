import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = 'fa';

/** i18n creates `en` on first boot; the newsroom writes Persian, so `fa` exists and is the default. */
export const ensureDefaultLocale = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode(DEFAULT_LOCALE))) {
    await locales.create({ code: DEFAULT_LOCALE, name: 'Persian (fa)' });
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
};
