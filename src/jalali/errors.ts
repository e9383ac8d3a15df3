import { toPersianDigits } from '@pishkhan/persian-text-rules';
import {
  JALALI_MONTH_NAMES,
  JALALI_MONTH_NAMES_LATIN,
  JALALI_WEEKDAY_NAMES,
  JALALI_WEEKDAY_NAMES_LATIN,
} from './names';
import { JALALI_MAX_YEAR, JALALI_MIN_YEAR } from './supported-range';

/** Every code of a JalaliDateError; the API answers them as `details.code` (docs/openapi.json lists them). */
export const JALALI_DATE_ERROR_CODES = [
  'INVALID_FORMAT',
  'INVALID_INSTANT',
  'INVALID_GREGORIAN_DATE',
  'YEAR_OUT_OF_RANGE',
  'MONTH_OUT_OF_RANGE',
  'DAY_OUT_OF_RANGE',
  'HOUR_OUT_OF_RANGE',
  'MINUTE_OUT_OF_RANGE',
  'SECOND_OUT_OF_RANGE',
  'WEEKDAY_MISMATCH',
] as const;
export type JalaliDateErrorCode = (typeof JALALI_DATE_ERROR_CODES)[number];

/**
 * A date, time or instant this plugin cannot accept. A RangeError, like the errors of jalaali-js and
 * Date: the input has the right type but no meaning. `message` is English for logs and API clients;
 * `messageFa` is shown to the editor.
 */
export class JalaliDateError extends RangeError {
  readonly code: JalaliDateErrorCode;

  readonly messageFa: string;

  constructor(code: JalaliDateErrorCode, message: string, messageFa: string) {
    super(message);
    this.name = 'JalaliDateError';
    this.code = code;
    this.messageFa = messageFa;
  }
}

const fa = toPersianDigits;

/** The input quoted for a message, short enough for a log line and never cutting a surrogate pair. */
const quote = (text: string): string => {
  const codePoints = Array.from(text);
  return JSON.stringify(codePoints.length > 60 ? `${codePoints.slice(0, 60).join('')}…` : text);
};

/** Appended to a message when the numbers came from text, so the editor's words appear in the log. */
const from = (input: string | undefined): string =>
  input === undefined ? '' : `: ${quote(input)}`;

export const yearOutOfRange = (year: number, input?: string): JalaliDateError =>
  new JalaliDateError(
    'YEAR_OUT_OF_RANGE',
    `Year ${year} is out of range (supported Jalali years are ${JALALI_MIN_YEAR}–${JALALI_MAX_YEAR})${from(input)}`,
    `سال ${fa(year)} پشتیبانی نمی‌شود؛ سال باید عددی صحیح از ${fa(JALALI_MIN_YEAR)} تا ${fa(JALALI_MAX_YEAR)} باشد.`
  );

export const monthOutOfRange = (month: number, input?: string): JalaliDateError =>
  new JalaliDateError(
    'MONTH_OUT_OF_RANGE',
    `Month ${month} is out of range (months are 1–12)${from(input)}`,
    `ماه ${fa(month)} وجود ندارد؛ ماه باید عددی صحیح از ۱ تا ۱۲ باشد.`
  );

/** `monthLength` tells the reader why: for Esfand it is the leap status of the year. */
export const dayOutOfRange = (
  year: number,
  month: number,
  day: number,
  monthLength: number,
  input?: string
): JalaliDateError => {
  const name = JALALI_MONTH_NAMES_LATIN[month - 1];
  const leapNote =
    month === 12 ? `${year} is ${monthLength === 30 ? 'a' : 'not a'} leap year; ` : '';
  return new JalaliDateError(
    'DAY_OUT_OF_RANGE',
    `Day ${day} is out of range for ${name} ${year} (${leapNote}${name} has ${monthLength} days)${from(input)}`,
    `${JALALI_MONTH_NAMES[month - 1]} ${fa(year)} ${fa(monthLength)} روز دارد؛ روز ${fa(day)} وجود ندارد.`
  );
};

export const hourOutOfRange = (hour: number, input?: string): JalaliDateError =>
  new JalaliDateError(
    'HOUR_OUT_OF_RANGE',
    `Hour ${hour} is out of range (hours are 0–23)${from(input)}`,
    `ساعت ${fa(hour)} وجود ندارد؛ ساعت باید عددی صحیح از ۰ تا ۲۳ باشد.`
  );

export const minuteOutOfRange = (minute: number, input?: string): JalaliDateError =>
  new JalaliDateError(
    'MINUTE_OUT_OF_RANGE',
    `Minute ${minute} is out of range (minutes are 0–59)${from(input)}`,
    `دقیقهٔ ${fa(minute)} وجود ندارد؛ دقیقه باید عددی صحیح از ۰ تا ۵۹ باشد.`
  );

export const secondOutOfRange = (second: number): JalaliDateError =>
  new JalaliDateError(
    'SECOND_OUT_OF_RANGE',
    `Second ${second} is out of range (seconds are 0–59)`,
    `ثانیهٔ ${fa(second)} وجود ندارد؛ ثانیه باید عددی صحیح از ۰ تا ۵۹ باشد.`
  );

export const weekdayMismatch = (
  written: number,
  actual: number,
  date: { year: number; month: number; day: number },
  input: string
): JalaliDateError =>
  new JalaliDateError(
    'WEEKDAY_MISMATCH',
    `Weekday ${JALALI_WEEKDAY_NAMES_LATIN[written]} does not match ` +
      `${date.day} ${JALALI_MONTH_NAMES_LATIN[date.month - 1]} ${date.year}, ` +
      `which is a ${JALALI_WEEKDAY_NAMES_LATIN[actual]}${from(input)}`,
    `${fa(date.day)} ${JALALI_MONTH_NAMES[date.month - 1]} ${fa(date.year)} ` +
      `${JALALI_WEEKDAY_NAMES[actual]} است، نه ${JALALI_WEEKDAY_NAMES[written]}.`
  );

export const invalidFormat = (input: string): JalaliDateError =>
  new JalaliDateError(
    'INVALID_FORMAT',
    `Not a Jalali date${from(input)}; expected e.g. 1396/08/09, 1396-8-9 or ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳`,
    'این نوشته تاریخ شمسی خوانایی نیست؛ مثلاً بنویسید ۱۳۹۶/۰۸/۰۹ یا ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳.'
  );

export const unknownMonthName = (name: string, input: string): JalaliDateError =>
  new JalaliDateError(
    'INVALID_FORMAT',
    `Unknown Jalali month name ${quote(name)}${from(input)}`,
    `«${name}» نام هیچ ماه شمسی نیست.`
  );

export const dayWithoutMonth = (day: number): JalaliDateError =>
  new JalaliDateError(
    'INVALID_FORMAT',
    `Day ${day} was given without a month; a period is a year, a month of a year or a day of a month`,
    'روز بدون ماه معنا ندارد؛ سال، ماه یا روز را کامل بنویسید.'
  );

export const invalidInstant = (value: unknown): JalaliDateError =>
  new JalaliDateError(
    'INVALID_INSTANT',
    `Not an instant: ${typeof value === 'string' ? quote(value) : String(value)}; expected a valid Date ` +
      'or an ISO 8601 timestamp with Z or an offset, e.g. 2017-10-31T15:53:00.000Z',
    'این مقدار زمان معتبری نیست.'
  );

export const instantOutOfRange = (utcMs: number): JalaliDateError =>
  new JalaliDateError(
    'YEAR_OUT_OF_RANGE',
    `${new Date(utcMs).toISOString()} is out of range: its Tehran date is not in the supported ` +
      `Jalali years ${JALALI_MIN_YEAR}–${JALALI_MAX_YEAR}`,
    `این زمان بیرون از سال‌های پشتیبانی‌شده (${fa(JALALI_MIN_YEAR)} تا ${fa(JALALI_MAX_YEAR)}) است.`
  );

export const invalidGregorianDate = (year: number, month: number, day: number): JalaliDateError =>
  new JalaliDateError(
    'INVALID_GREGORIAN_DATE',
    `${year}-${month}-${day} is not a Gregorian date`,
    `تاریخ میلادی ${fa(year)}-${fa(month)}-${fa(day)} وجود ندارد.`
  );
