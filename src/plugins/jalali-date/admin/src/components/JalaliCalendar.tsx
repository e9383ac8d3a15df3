import * as React from 'react';
import { Box, Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import {
  JALALI_MAX_YEAR,
  JALALI_MIN_YEAR,
  JALALI_MONTH_NAMES,
  JALALI_WEEKDAY_NAMES,
  jalaliMonthLength,
  jalaliWeekday,
} from '@pishkhan/jalali-core';
import { padPersian, toPersianDigits } from '@pishkhan/persian-text-rules';
import { t } from '../pluginId';
import { nowInTehran, readTime, WallClock } from './jalali-value';

/** Saturday first, as the Iranian week runs: ش ی د س چ پ ج. */
const WEEKDAY_INITIALS = ['ش', 'ی', 'د', 'س', 'چ', 'پ', 'ج'];

export interface JalaliCalendarProps {
  selected: WallClock | null;
  onChange(clock: WallClock | null): void;
  onDone(): void;
}

interface MonthView {
  year: number;
  month: number;
}

const shiftMonth = ({ year, month }: MonthView, by: number): MonthView => {
  const index = year * 12 + (month - 1) + by;
  const next = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  if (next.year < JALALI_MIN_YEAR) return { year: JALALI_MIN_YEAR, month: 1 };
  if (next.year > JALALI_MAX_YEAR) return { year: JALALI_MAX_YEAR, month: 12 };
  return next;
};

const Grid = styled.div`
  display: grid;
  grid-template-columns: repeat(7, 3.6rem);
  gap: 0.2rem;
  direction: rtl;
`;

const Day = styled.button<{ $selected: boolean; $today: boolean }>`
  height: 3.2rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  font-size: 1.4rem;
  cursor: pointer;
  color: ${({ theme, $selected }) => ($selected ? theme.colors.neutral0 : theme.colors.neutral800)};
  background: ${({ theme, $selected }) => ($selected ? theme.colors.primary600 : 'transparent')};
  border: 1px solid
    ${({ theme, $today, $selected }) =>
      $today && !$selected ? theme.colors.primary600 : 'transparent'};
  &:hover {
    background: ${({ theme, $selected }) =>
      $selected ? theme.colors.primary700 : theme.colors.primary100};
  }
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 1px;
  }
`;

/** Two chevrons as one icon (IconButton takes a single child): a year's step. */
const DoubleChevron = styled.span`
  display: inline-flex;
  & > svg + svg {
    margin-inline-start: -0.8rem;
  }
`;

const Weekday = styled.abbr`
  text-align: center;
  text-decoration: none;
  font-size: 1.2rem;
  color: ${({ theme }) => theme.colors.neutral600};
  line-height: 2.4rem;
`;

/**
 * A Jalali month grid in Persian: weeks start on Saturday, digits are Persian, months and years are
 * stepped with the arrows (the previous month on the right, as time runs right to left: the icons are
 * the logical left/right ones, mirrored in right-to-left pages), and the time is typed in Tehran time.
 */
export const JalaliCalendar = ({ selected, onChange, onDone }: JalaliCalendarProps) => {
  const { formatMessage } = useIntl();
  const today = React.useMemo(() => nowInTehran(), []);
  const [view, setView] = React.useState<MonthView>(() => ({
    year: selected?.year ?? today.year,
    month: selected?.month ?? today.month,
  }));
  const time = selected ? `${padPersian(selected.hour)}:${padPersian(selected.minute)}` : '';
  const [timeText, setTimeText] = React.useState(time);
  const [timeInvalid, setTimeInvalid] = React.useState(false);
  React.useEffect(() => setTimeText(time), [time]);

  const length = jalaliMonthLength(view.year, view.month);
  const lead = jalaliWeekday(view.year, view.month, 1);
  const cells: Array<number | null> = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length }, (_, i) => i + 1),
  ];

  const pickDay = (day: number) => {
    const keep = selected ?? { hour: today.hour, minute: today.minute };
    onChange({ year: view.year, month: view.month, day, hour: keep.hour, minute: keep.minute });
  };

  const commitTime = (text: string) => {
    const read = readTime(text);
    setTimeInvalid(read === null && text.trim() !== '');
    if (!read) return;
    const base = selected ?? {
      year: view.year,
      month: view.month,
      day: Math.min(today.day, length),
    };
    onChange({ year: base.year, month: base.month, day: base.day, ...read });
  };

  const label = (key: string, fallback: string) =>
    formatMessage({ id: t(key), defaultMessage: fallback });
  const monthTitle = `${JALALI_MONTH_NAMES[view.month - 1]} ${toPersianDigits(view.year)}`;

  return (
    <Box
      padding={3}
      dir="rtl"
      lang="fa"
      data-testid="jalali-calendar"
      data-year={view.year}
      data-month={view.month}
    >
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={2} gap={1}>
        <Flex gap={1}>
          <IconButton
            variant="ghost"
            label={label('calendar.previous-year', 'Previous year')}
            data-testid="jalali-previous-year"
            onClick={() => setView((current) => shiftMonth(current, -12))}
          >
            <DoubleChevron>
              <ChevronLeft />
              <ChevronLeft />
            </DoubleChevron>
          </IconButton>
          <IconButton
            variant="ghost"
            label={label('calendar.previous-month', 'Previous month')}
            data-testid="jalali-previous-month"
            onClick={() => setView((current) => shiftMonth(current, -1))}
          >
            <ChevronLeft />
          </IconButton>
        </Flex>
        <Typography fontWeight="bold" data-testid="jalali-month-title" aria-live="polite">
          {monthTitle}
        </Typography>
        <Flex gap={1}>
          <IconButton
            variant="ghost"
            label={label('calendar.next-month', 'Next month')}
            data-testid="jalali-next-month"
            onClick={() => setView((current) => shiftMonth(current, 1))}
          >
            <ChevronRight />
          </IconButton>
          <IconButton
            variant="ghost"
            label={label('calendar.next-year', 'Next year')}
            data-testid="jalali-next-year"
            onClick={() => setView((current) => shiftMonth(current, 12))}
          >
            <DoubleChevron>
              <ChevronRight />
              <ChevronRight />
            </DoubleChevron>
          </IconButton>
        </Flex>
      </Flex>
      <Grid role="grid" aria-label={monthTitle}>
        {WEEKDAY_INITIALS.map((initial, index) => (
          <Weekday key={initial} title={JALALI_WEEKDAY_NAMES[index]} role="columnheader">
            {initial}
          </Weekday>
        ))}
        {cells.map((day, index) =>
          day === null ? (
            <span key={`blank-${index}`} />
          ) : (
            <Day
              key={day}
              type="button"
              role="gridcell"
              data-testid={`jalali-day-${day}`}
              aria-label={`${JALALI_WEEKDAY_NAMES[jalaliWeekday(view.year, view.month, day)]} ${toPersianDigits(day)} ${JALALI_MONTH_NAMES[view.month - 1]} ${toPersianDigits(view.year)}`}
              aria-pressed={
                selected?.year === view.year &&
                selected.month === view.month &&
                selected.day === day
              }
              $selected={
                selected?.year === view.year &&
                selected.month === view.month &&
                selected.day === day
              }
              $today={today.year === view.year && today.month === view.month && today.day === day}
              onClick={() => pickDay(day)}
            >
              {toPersianDigits(day)}
            </Day>
          )
        )}
      </Grid>
      <Box paddingTop={3}>
        <Field.Root
          name="jalali-time"
          error={
            timeInvalid
              ? label('calendar.time-invalid', 'Write the time as hours:minutes, e.g. 18:30.')
              : undefined
          }
        >
          <Field.Label>{label('calendar.time', 'Time (Tehran)')}</Field.Label>
          <TextInput
            dir="ltr"
            inputMode="numeric"
            data-testid="jalali-time"
            placeholder="۱۸:۳۰"
            value={timeText}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              setTimeText(event.target.value);
              if (readTime(event.target.value)) commitTime(event.target.value);
            }}
            onBlur={() => commitTime(timeText)}
            style={{ textAlign: 'right' }}
          />
          <Field.Error />
        </Field.Root>
      </Box>
      <Flex gap={2} paddingTop={3} justifyContent="space-between">
        <Flex gap={2}>
          <Button
            variant="secondary"
            size="S"
            data-testid="jalali-now"
            onClick={() => {
              const now = nowInTehran();
              setView({ year: now.year, month: now.month });
              onChange(now);
            }}
          >
            {label('calendar.now', 'Now')}
          </Button>
          <Button
            variant="tertiary"
            size="S"
            data-testid="jalali-clear"
            onClick={() => onChange(null)}
          >
            {label('calendar.clear', 'Clear')}
          </Button>
        </Flex>
        <Button size="S" data-testid="jalali-done" onClick={onDone}>
          {label('calendar.close', 'Done')}
        </Button>
      </Flex>
    </Box>
  );
};
