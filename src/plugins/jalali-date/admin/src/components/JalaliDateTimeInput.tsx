import * as React from 'react';
import { Box, Field, Flex, Popover, TextInput, Typography } from '@strapi/design-system';
import { Calendar } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';
import { JalaliCalendar } from './JalaliCalendar';
import { displayText, gregorianText, readTyped, toIso, utcText, wallClockOf } from './jalali-value';

export interface JalaliDateTimeInputProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
}

/**
 * A date-time field in the Jalali calendar and Tehran time. The editor types a date (۱۴۰۳/۱۲/۳۰ ۱۸:۳۰,
 * ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳, Latin digits too) or picks one in the calendar; the field stores the instant as
 * an ISO UTC string and shows its Gregorian equivalent underneath. An impossible date is refused with
 * the core's Persian message and the stored value is left as it was.
 */
export const JalaliDateTimeInput = React.forwardRef<HTMLInputElement, JalaliDateTimeInputProps>(
  ({ name, label, hint, labelAction, required, disabled, placeholder }, ref) => {
    const { formatMessage, locale } = useIntl();
    const field = useField<string | null>(name);
    const value = typeof field.value === 'string' && field.value !== '' ? field.value : null;
    const [text, setText] = React.useState(() => displayText(value));
    const [editing, setEditing] = React.useState(false);
    const [problem, setProblem] = React.useState<string | null>(null);
    const [open, setOpen] = React.useState(false);

    // Follow the stored value (calendar picks, a reset form, another locale) unless the editor is typing.
    React.useEffect(() => {
      if (!editing) setText(displayText(value));
    }, [value, editing]);

    const setValue = (iso: string | null) => {
      setProblem(null);
      if (iso !== value) field.onChange(name, iso);
    };

    const commit = (typed: string) => {
      const reading = readTyped(typed, value);
      if (reading.kind === 'error') {
        setProblem(reading.messageFa);
        return;
      }
      setValue(reading.kind === 'instant' ? reading.iso : null);
      setText(reading.kind === 'instant' ? displayText(reading.iso) : '');
    };

    // While typing, show what the text means (or nothing), without nagging before the editor is done.
    const live = editing ? readTyped(text, value) : null;
    const shown = live ? (live.kind === 'instant' ? live.iso : null) : value;
    const error = problem
      ? formatMessage(
          { id: t('input.invalid'), defaultMessage: 'This is not a date: {message}' },
          { message: problem }
        )
      : field.error;

    return (
      <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Popover.Root open={open} onOpenChange={setOpen}>
          <Popover.Anchor>
            <TextInput
              ref={ref}
              dir="rtl"
              lang="fa"
              data-pishkhan-own-dir=""
              data-testid="jalali-input"
              data-value={value ?? ''}
              disabled={disabled}
              value={text}
              placeholder={
                placeholder ||
                formatMessage({
                  id: t('input.placeholder'),
                  defaultMessage: 'e.g. 1403/12/30 18:30',
                })
              }
              onFocus={() => setEditing(true)}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                setText(event.target.value);
                setProblem(null);
              }}
              onBlur={() => {
                setEditing(false);
                commit(text);
              }}
              onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  commit(text);
                }
              }}
              endAction={
                <Popover.Trigger>
                  <Field.Action
                    label={formatMessage({
                      id: t('input.open-calendar'),
                      defaultMessage: 'Open the Jalali calendar',
                    })}
                    data-testid="jalali-open"
                    disabled={disabled}
                  >
                    <Calendar />
                  </Field.Action>
                </Popover.Trigger>
              }
            />
          </Popover.Anchor>
          <Popover.Content side="bottom" align="start" sideOffset={4}>
            <JalaliCalendar
              selected={wallClockOf(value)}
              onChange={(clock) => setValue(clock ? toIso(clock) : null)}
              onDone={() => setOpen(false)}
            />
          </Popover.Content>
        </Popover.Root>
        <Box
          paddingTop={1}
          dir={locale.startsWith('fa') ? 'rtl' : 'ltr'}
          data-testid="jalali-gregorian"
        >
          {shown ? (
            <Flex direction="column" alignItems="flex-start">
              <Typography variant="pi" textColor="neutral600" data-testid="jalali-gregorian-date">
                {formatMessage(
                  { id: t('input.gregorian'), defaultMessage: 'Gregorian: {date} (Tehran time)' },
                  { date: gregorianText(shown, locale) }
                )}
              </Typography>
              <Typography variant="pi" textColor="neutral500">
                {formatMessage({ id: t('input.utc'), defaultMessage: 'UTC: {iso}' }, { iso: '' })}
                <bdi dir="ltr" data-testid="jalali-utc">
                  {utcText(shown)}
                </bdi>
              </Typography>
            </Flex>
          ) : problem ? null : (
            <Typography variant="pi" textColor="neutral500">
              {formatMessage({ id: t('input.empty'), defaultMessage: 'No date.' })}
            </Typography>
          )}
        </Box>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

JalaliDateTimeInput.displayName = 'JalaliDateTimeInput';
