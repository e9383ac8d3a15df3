import {
  assertJalaliDate,
  assertJalaliYear,
  jalaliMonthLength,
  jalaliToEpochDay,
} from './calendar';
import { dayWithoutMonth } from './errors';
import { tehranMidnightToUtcMs } from './tehran-time';

/** A Jalali year, a month of it, or a day of that month. */
export type JalaliPeriod =
  | { readonly year: number; readonly month?: undefined; readonly day?: undefined }
  | { readonly year: number; readonly month: number; readonly day?: number };

/** `end` is exclusive: the first instant after the period. */
export interface UtcRange {
  readonly start: Date;
  readonly end: Date;
}

const tehranDaysToUtcRange = (firstEpochDay: number, epochDayAfter: number): UtcRange => ({
  start: new Date(tehranMidnightToUtcMs(firstEpochDay)),
  end: new Date(tehranMidnightToUtcMs(epochDayAfter)),
});

/**
 * From Tehran midnight at the start of the period to Tehran midnight after its last day, for archive
 * queries and filters such as `$gte=1396/08/01`. A day is 23 hours on 2 Farvardin and 25 hours on
 * 30 Shahrivar in the years Iran kept daylight saving; midnight always exists, because the skipped hour
 * starts at midnight and the gap rule lands on the instant the day begins.
 */
export const jalaliPeriodToUtcRange = (period: JalaliPeriod): UtcRange => {
  const { year, month, day } = period;
  if (month === undefined) {
    if (day !== undefined) throw dayWithoutMonth(day);
    assertJalaliYear(year);
    return tehranDaysToUtcRange(jalaliToEpochDay(year, 1, 1), jalaliToEpochDay(year + 1, 1, 1));
  }
  if (day === undefined) {
    const first = jalaliToEpochDay(year, month, 1);
    return tehranDaysToUtcRange(first, first + jalaliMonthLength(year, month));
  }
  assertJalaliDate(year, month, day);
  const epochDay = jalaliToEpochDay(year, month, day);
  return tehranDaysToUtcRange(epochDay, epochDay + 1);
};
