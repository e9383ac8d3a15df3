import { moduleEdit } from './module-edit';

/**
 * A list filter's chip formats a date with `Intl` in the browser's time zone, whatever the filter's own
 * input: a Jalali filter (content-manager/list-filters.tsx) read in another zone, or Gregorian in the
 * English interface. A filter option may now carry `formatValue(value)`, which the chip uses instead.
 */
export const filterChipFormatValue = () =>
  moduleEdit({
    name: 'filter-chip-format-value',
    modules: /\/@strapi\/admin\/dist\/admin\/admin\/src\/components\/Filters\.mjs$/,
    edit: (code) =>
      code.replace(
        '    // Handle custom input\n    if (input && options) {',
        "    if (typeof filter.formatValue === 'function') formattedValue = filter.formatValue(value);\n    // Handle custom input\n    if (input && options) {"
      ),
    cannot: "the filter chip changed; cannot show a filter's own formatting of its value",
  });
