import * as React from 'react';
import { Field, TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { toPersianDigits } from '@pishkhan/persian-text-rules';
import { t } from '../pluginId';

export interface NewsCodeInputProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
}

/** The news code is given by the server on first save and never edited: shown, not typed. */
export const NewsCodeInput = React.forwardRef<HTMLInputElement, NewsCodeInputProps>(
  ({ name, label, hint, labelAction }, ref) => {
    const { formatMessage, locale } = useIntl();
    const { value, error } = useField<number | null>(name);
    const assigned = typeof value === 'number' || (typeof value === 'string' && value !== '');
    const shown = assigned
      ? locale.startsWith('fa')
        ? toPersianDigits(String(value))
        : String(value)
      : '';
    return (
      <Field.Root name={name} id={name} error={error} hint={hint}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <TextInput
          ref={ref}
          readOnly
          disabled
          data-testid="news-code"
          data-value={assigned ? String(value) : ''}
          aria-description={formatMessage({
            id: t('news-code.read-only'),
            defaultMessage: 'Read only',
          })}
          value={shown}
          placeholder={formatMessage({
            id: t('news-code.pending'),
            defaultMessage: 'Given when the story is first saved',
          })}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

NewsCodeInput.displayName = 'NewsCodeInput';
