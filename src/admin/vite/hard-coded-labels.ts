import { moduleEdit } from './module-edit';

/**
 * Labels Strapi writes in English (or as `[object Object]`) whatever the interface language, each put
 * through a message that translations/fa/* translates.
 */
const EDITS = [
  {
    // A document's status badge is read out by its raw status ("draft", "published").
    module:
      /\/@strapi\/content-manager\/dist\/admin\/pages\/EditView\/components\/DocumentStatus\.mjs$/,
    from: '"aria-label": status,',
    to: '"aria-label": formatMessage({ id: `content-manager.containers.List.${status}`, defaultMessage: capitalise(status) }),',
  },
  {
    // The locale picker's options show each locale's status as the raw, capitalised word ("Draft").
    module: /\/@strapi\/i18n\/dist\/admin\/components\/CMHeaderActions\.mjs$/,
    from: 'children: capitalize(status)',
    to: 'children: formatMessage({ id: `content-manager.containers.List.${status}`, defaultMessage: capitalize(status) })',
  },
  {
    // The globe marking a localized field has the message descriptor itself as its title.
    module: /\/@strapi\/i18n\/dist\/admin\/contentManagerHooks\/editView\.mjs$/,
    from: 'tag: "span",\n        title: title,',
    to: 'tag: "span",\n        title: formatMessage(title),',
  },
];

export const translatedHardCodedLabels = () =>
  EDITS.map(({ module, from, to }, n) =>
    moduleEdit({
      name: `translated-hard-coded-label-${n + 1}`,
      modules: module,
      edit: (code) => code.replace(from, to),
      cannot: `changed; cannot translate the label at \`${from}\``,
    })
  );
