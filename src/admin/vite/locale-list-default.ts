import type { Plugin } from 'vite';

/**
 * The articles list's «موجود در» column writes the default locale as `<name> (default)`, in English
 * whatever the interface language (Strapi hard-codes the suffix). It is made a message,
 * `i18n.CMListView.locale.default`, translated in translations/fa/i18n.ts. The build fails if the
 * module changed shape.
 */
export const translatedDefaultLocaleSuffix = (): Plugin => ({
  name: 'pishkhan:translated-default-locale-suffix',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/@strapi\/i18n\/dist\/admin\/components\/LocaleListCell\.mjs$/.test(id.split('?')[0].replace(/\\/g, '/'))) return null;
    const patched = code.replace(
      /`\$\{locale\.name\} \(default\)`/,
      "formatMessage({ id: getTranslation('CMListView.locale.default'), defaultMessage: '{name} (default)' }, { name: locale.name })",
    );
    if (patched === code) this.error(`${id}: the locale list cell changed; cannot translate its "(default)"`);
    return { code: patched, map: null };
  },
});
