/** The framework-free core of the jalali-date plugin: Jalali calendar, Tehran time, formatting, parsing. */
export {
  JALALI_MAX_YEAR,
  JALALI_MIN_YEAR,
  isLeapJalaliYear,
  isValidJalaliDate,
  jalaliMonthLength,
  jalaliWeekday,
  toGregorian,
  toJalali,
} from './calendar';
export type { GregorianDate, JalaliDate } from './calendar';
export { JalaliDateError, JALALI_DATE_ERROR_CODES } from './errors';
export type { JalaliDateErrorCode } from './errors';
export { formatJalaliDate, formatJalaliLong, formatJalaliTime, toJalaliFields } from './format';
export type { JalaliFields } from './format';
export type { Instant } from './instant';
export {
  JALALI_MONTH_NAMES,
  JALALI_MONTH_NAMES_LATIN,
  JALALI_WEEKDAY_NAMES,
  JALALI_WEEKDAY_NAMES_LATIN,
} from './names';
export type { JalaliMonthName, JalaliWeekdayName } from './names';
export { parseJalali, parseJalaliToUtc } from './parse';
export type { JalaliDateTimeParts } from './parse';
export { jalaliPeriodToUtcRange } from './range';
export type { JalaliPeriod, UtcRange } from './range';
export { TEHRAN_TIME_ZONE, tehranToUtc, utcToTehran } from './tehran-time';
export type { TehranDateTime, TehranLocalDateTime } from './tehran-time';
