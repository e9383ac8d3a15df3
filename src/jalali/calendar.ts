import * as jalaali from 'jalaali-js';
import {
  dayOutOfRange,
  hourOutOfRange,
  invalidGregorianDate,
  minuteOutOfRange,
  monthOutOfRange,
  secondOutOfRange,
  yearOutOfRange,
} from './errors';
import { JALALI_MAX_YEAR, JALALI_MIN_YEAR } from './supported-range';

export { JALALI_MAX_YEAR, JALALI_MIN_YEAR };

export interface JalaliDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface GregorianDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const isIntegerIn = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

/** `input` is the text the numbers were read from, quoted in the error message. */
export const assertJalaliYear = (year: number, input?: string): void => {
  if (!isIntegerIn(year, JALALI_MIN_YEAR, JALALI_MAX_YEAR)) throw yearOutOfRange(year, input);
};

export const assertJalaliDate = (
  year: number,
  month: number,
  day: number,
  input?: string
): void => {
  assertJalaliYear(year, input);
  if (!isIntegerIn(month, 1, 12)) throw monthOutOfRange(month, input);
  const length = jalaali.jalaaliMonthLength(year, month);
  if (!isIntegerIn(day, 1, length)) throw dayOutOfRange(year, month, day, length, input);
};

export const assertClockTime = (
  hour: number,
  minute: number,
  second: number,
  input?: string
): void => {
  if (!isIntegerIn(hour, 0, 23)) throw hourOutOfRange(hour, input);
  if (!isIntegerIn(minute, 0, 59)) throw minuteOutOfRange(minute, input);
  if (!isIntegerIn(second, 0, 59)) throw secondOutOfRange(second);
};

export const isLeapJalaliYear = (year: number): boolean => {
  assertJalaliYear(year);
  return jalaali.isLeapJalaaliYear(year);
};

/** 31 days in months 1–6, 30 in 7–11; Esfand has 30 in leap years and 29 otherwise. */
export const jalaliMonthLength = (year: number, month: number): number => {
  assertJalaliYear(year);
  if (!isIntegerIn(month, 1, 12)) throw monthOutOfRange(month);
  return jalaali.jalaaliMonthLength(year, month);
};

/** False, never an error, for anything outside the supported years or not a calendar date. */
export const isValidJalaliDate = (year: number, month: number, day: number): boolean =>
  isIntegerIn(year, JALALI_MIN_YEAR, JALALI_MAX_YEAR) &&
  isIntegerIn(month, 1, 12) &&
  isIntegerIn(day, 1, jalaali.jalaaliMonthLength(year, month));

export const toGregorian = (year: number, month: number, day: number): GregorianDate => {
  assertJalaliDate(year, month, day);
  const { gy, gm, gd } = jalaali.toGregorian(year, month, day);
  return { year: gy, month: gm, day: gd };
};

const GREGORIAN_MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** jalaali-js and Date both roll invalid Gregorian dates over (Feb 30 → Mar 2); callers refuse them. */
export const isValidGregorianDate = (year: number, month: number, day: number): boolean => {
  if (!Number.isInteger(year) || !isIntegerIn(month, 1, 12)) return false;
  const leapFebruary = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return isIntegerIn(day, 1, leapFebruary ? 29 : GREGORIAN_MONTH_LENGTHS[month - 1]);
};

export const toJalali = (year: number, month: number, day: number): JalaliDate => {
  if (!isValidGregorianDate(year, month, day)) throw invalidGregorianDate(year, month, day);
  const { jy, jm, jd } = jalaali.toJalaali(year, month, day);
  assertJalaliYear(jy, `${year}-${month}-${day}`);
  return { year: jy, month: jm, day: jd };
};

/*
 * Epoch days (days since 1970-01-01) let the other modules treat a Tehran wall clock as a plain number
 * of milliseconds, with no Date object and no host time zone involved. These helpers do not validate.
 */
const JULIAN_DAY_OF_UNIX_EPOCH = 2440588;

export const jalaliToEpochDay = (year: number, month: number, day: number): number =>
  jalaali.j2d(year, month, day) - JULIAN_DAY_OF_UNIX_EPOCH;

/** Through Julian day numbers rather than Date.UTC, which maps years 0–99 to 1900–1999. */
export const gregorianToEpochDay = (year: number, month: number, day: number): number =>
  jalaali.g2d(year, month, day) - JULIAN_DAY_OF_UNIX_EPOCH;

export const epochDayToJalali = (epochDay: number): JalaliDate => {
  const { jy, jm, jd } = jalaali.d2j(epochDay + JULIAN_DAY_OF_UNIX_EPOCH);
  return { year: jy, month: jm, day: jd };
};

/** 0 = Saturday … 6 = Friday. 1970-01-01 was a Thursday, 5 in that count. */
export const weekdayOfEpochDay = (epochDay: number): number => (((epochDay + 5) % 7) + 7) % 7;

export const FIRST_EPOCH_DAY = jalaliToEpochDay(JALALI_MIN_YEAR, 1, 1);
export const LAST_EPOCH_DAY = jalaliToEpochDay(JALALI_MAX_YEAR + 1, 1, 1) - 1;

/** 0 = Saturday … 6 = Friday, the Iranian week. */
export const jalaliWeekday = (year: number, month: number, day: number): number => {
  assertJalaliDate(year, month, day);
  return weekdayOfEpochDay(jalaliToEpochDay(year, month, day));
};
