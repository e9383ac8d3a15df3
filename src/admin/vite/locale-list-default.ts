import { moduleEdit } from './module-edit';

/**
 * The articles list's «موجود در» column writes the default locale as `<name> (default)`, in English
 * whatever the interface language (Strapi hard-codes the suffix). It is made a message,
 * `i18n.CMListView.locale.default`, translated in translations/fa/i18n.ts.
 */
export const translatedDefaultLocaleSuffix = () =>
  moduleEdit({
    name: 'translated-default-locale-suffix',
    modules: /\/@strapi\/i18n\/dist\/admin\/components\/LocaleListCell\.mjs$/,
    edit: (code) =>
      code.replace(
        /`\$\{locale\.name\} \(default\)`/,
        "formatMessage({ id: getTranslation('CMListView.locale.default'), defaultMessage: '{name} (default)' }, { name: locale.name })"
      ),
    cannot: 'the locale list cell changed; cannot translate its "(default)"',
  });
