import {
  HORIZONTAL_SPACE,
  stripBidiControls,
  stripInvisibleJoiners,
  toLatinDigits,
  unifyKeyboardLetters,
  ZWNJ,
} from '@pishkhan/persian-text-rules';
import { assertClockTime, assertJalaliDate, jalaliWeekday } from './calendar';
import { invalidFormat, unknownMonthName, weekdayMismatch } from './errors';
import { JALALI_MONTH_NAMES } from './names';
import { tehranToUtc } from './tehran-time';

/** A Jalali date as written, with the time when one was written. */
export interface JalaliDateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
}

/** Far longer than any date line; refusing more keeps error messages and regex work small. */
const MAX_INPUT_LENGTH = 100;

/** Month names with spaces and ZWNJ removed; also the older امرداد and names typed without the madda. */
const MONTH_BY_NAME = new Map<string, number>([
  ...JALALI_MONTH_NAMES.map((name, index): [string, number] => [name, index + 1]),
  ['امرداد', 5],
  ['ابان', 8],
  ['اذر', 9],
]);

/** The part before شنبه; جمعه stands alone. Index = weekday, 0 = Saturday. */
const WEEKDAY_PREFIXES = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج'];
const FRIDAY = 'جمعه';

/*
 * After normalisation: Latin digits, single spaces, and ZWNJ only inside words. The weekday's parts may
 * be joined by a ZWNJ, a space or nothing (سه‌شنبه، سه شنبه، سهشنبه). The date is year/month/day with one
 * separator, or day, month name (optionally followed by ماه) and year. The time (seconds optional, as
 * archives keep them) may follow a space, a comma or a dash, with or without ساعت.
 */
const DATE_TIME = new RegExp(
  '^' +
    `(?:(?<weekday>(?:(?<prefix>${WEEKDAY_PREFIXES.slice(1).join('|')})[ ${ZWNJ}]?)?شنبه|${FRIDAY}) ?[،,]? ?)?` +
    '(?:(?<year>\\d{4})(?<separator>[/-])(?<month>\\d{1,2})\\k<separator>(?<day>\\d{1,2})' +
    '|(?<namedDay>\\d{1,2}) ?(?<monthName>\\D+?) ?(?<namedYear>\\d{4}))' +
    '(?:(?: ?[،,-] ?| )(?:ساعت ?)?(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?)?' +
    '$'
);

const normalize = (text: string): string =>
  toLatinDigits(unifyKeyboardLetters(stripInvisibleJoiners(stripBidiControls(text))))
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/[\r\n]/g, ' ')
    // A run of spaces and stray ZWNJs is one space; a ZWNJ between letters stays, once.
    .replace(/[ \u200C]* [ \u200C]*/g, ' ')
    .replace(/\u200C+/g, ZWNJ)
    .replace(/^[ \u200C]+/, '')
    // Archives end date lines with a dash: «سه شنبه ۰۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ -».
    .replace(/[ \u200C\-\u2010-\u2015\u2212]+$/, '');

const monthFromName = (written: string, input: string): number => {
  const key = written.replace(/[ \u200C]/g, '').replace(/ماه$/, '');
  const month = MONTH_BY_NAME.get(key);
  if (month === undefined) throw unknownMonthName(written, input);
  return month;
};

/**
 * Reads a Jalali date as editors type it and archives hold it: Persian, Arabic-Indic or Latin digits;
 * 1396/8/9, ۱۳۹۶-۰۸-۰۹ or ۹ آبان ۱۳۹۶; an optional leading weekday, which must agree with the date;
 * an optional time (ساعت ۱۹:۲۳, or ۰۸:۱۵:۳۰ with seconds). Anything impossible throws a JalaliDateError saying what is wrong:
 * dates never roll over.
 */
export const parseJalali = (text: string): JalaliDateTimeParts => {
  if (typeof text !== 'string' || text.length > MAX_INPUT_LENGTH) throw invalidFormat(String(text));
  const match = DATE_TIME.exec(normalize(text));
  if (match === null) throw invalidFormat(text);
  // Unmatched groups are undefined at run time, whatever the type of `groups` says.
  const groups = match.groups ?? {};
  const year = Number(groups.year ?? groups.namedYear);
  const month =
    groups.month === undefined ? monthFromName(groups.monthName, text) : Number(groups.month);
  const day = Number(groups.day ?? groups.namedDay);
  assertJalaliDate(year, month, day, text);

  const time =
    groups.hour === undefined
      ? undefined
      : { hour: Number(groups.hour), minute: Number(groups.minute) };
  const second = groups.second === undefined ? undefined : Number(groups.second);
  if (time !== undefined) assertClockTime(time.hour, time.minute, second ?? 0, text);

  if (groups.weekday !== undefined) {
    const written = groups.weekday === FRIDAY ? 6 : WEEKDAY_PREFIXES.indexOf(groups.prefix ?? '');
    const actual = jalaliWeekday(year, month, day);
    if (written !== actual) throw weekdayMismatch(written, actual, { year, month, day }, text);
  }
  if (time === undefined) return { year, month, day };
  return second === undefined
    ? { year, month, day, ...time }
    : { year, month, day, ...time, second };
};

/** The instant a Jalali date (and time) names in Tehran; a date alone means Tehran midnight at its start. */
export const parseJalaliToUtc = (text: string): Date => tehranToUtc(parseJalali(text));
