import * as React from 'react';
import { JalaliDateTimeInput } from '../../plugins/jalali-date/admin/src/components/JalaliDateTimeInput';
import { displayText } from '../../plugins/jalali-date/admin/src/components/jalali-value';
import { UID_BY_DISPLAY_NAME } from '../translations/content-types';

/**
 * The list view's filters, through the content manager's own `inject-in-filters` hook rather than an edit
 * of its code: each field is named by the message its column uses (`content-manager.content-types.<uid>.
 * <field>`, «زمان انتشار» instead of `publishedOn`), and every date-time field (publishedOn, createdAt,
 * updatedAt) gets the editor's Jalali input, Tehran time, instead of Strapi's Gregorian DatePicker, whose
 * typed and picked days were read as Gregorian under Jalali month names. `formatValue` is read by the
 * filter chip (a build-time edit, vite/filter-chip-value.ts), so a filter, also one from a URL, shows
 * its Jalali date and Tehran time.
 */
/** What the content manager passes a filter's `input`; only these two are read here. */
interface FilterInputProps {
  name: string;
  'aria-label'?: string;
  [key: string]: unknown;
}

interface Filter {
  name: string;
  label: unknown;
  type?: string;
  mainField?: { type?: string };
  input?: React.ComponentType<FilterInputProps>;
  [key: string]: unknown;
}

interface FiltersHookArgs {
  displayedFilters: Filter[];
  layout: { settings?: { displayName?: string } };
}

const JalaliFilterInput = ({ name, 'aria-label': label }: FilterInputProps) => (
  <JalaliDateTimeInput name={name} label={label ?? ''} />
);

export const jalaliListFilters = (args: FiltersHookArgs): FiltersHookArgs => {
  const uid = UID_BY_DISPLAY_NAME[args.layout?.settings?.displayName ?? ''];
  if (!uid) return args;
  return {
    ...args,
    displayedFilters: args.displayedFilters.map((filter) => {
      // `__status` and filters plugins add come already labelled.
      const named =
        filter.name.startsWith('__') || typeof filter.label !== 'string'
          ? filter
          : {
              ...filter,
              label: {
                id: `content-manager.content-types.${uid}.${filter.name}`,
                defaultMessage: filter.label || filter.name,
              },
            };
      const dateTime = (filter.mainField?.type ?? filter.type) === 'datetime' && !filter.input;
      return dateTime ? { ...named, input: JalaliFilterInput, formatValue: displayText } : named;
    }),
  };
};
