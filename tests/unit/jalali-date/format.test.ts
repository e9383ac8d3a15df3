import {
  formatJalaliDate,
  formatJalaliLong,
  formatJalaliTime,
  JALALI_MONTH_NAMES,
  JALALI_WEEKDAY_NAMES,
  toJalaliFields,
} from '../../../src/jalali';
import { DAY_MS, expectJalaliDateError, HOUR_MS } from './helpers';

const SEED = '2017-10-31T15:53:00Z';

/** Written out by code point so the test does not trust how an editor rendered the invisible ZWNJ. */
const ZWNJ = '\u200C';
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;
const NON_PERSIAN_DIGITS = /[0-9\u0660-\u0669]/;

describe('names', () => {
  it('spells the months as Iranian newsrooms do', () => {
    expect(JALALI_MONTH_NAMES).toEqual([
      'فروردین',
      'اردیبهشت',
      'خرداد',
      'تیر',
      'مرداد',
      'شهریور',
      'مهر',
      'آبان',
      'آذر',
      'دی',
      'بهمن',
      'اسفند',
    ]);
  });

  it('spells the weekdays from Saturday, with a ZWNJ in یک‌شنبه، سه‌شنبه، پنج‌شنبه', () => {
    expect(JALALI_WEEKDAY_NAMES).toEqual([
      '\u0634\u0646\u0628\u0647',
      `\u06CC\u06A9${ZWNJ}\u0634\u0646\u0628\u0647`,
      '\u062F\u0648\u0634\u0646\u0628\u0647',
      `\u0633\u0647${ZWNJ}\u0634\u0646\u0628\u0647`,
      '\u0686\u0647\u0627\u0631\u0634\u0646\u0628\u0647',
      `\u067E\u0646\u062C${ZWNJ}\u0634\u0646\u0628\u0647`,
      '\u062C\u0645\u0639\u0647',
    ]);
  });
});

describe('the seed instant', () => {
  it('gives exactly the REST fields', () => {
    const expected = {
      year: 1396,
      month: 8,
      day: 9,
      hour: 19,
      minute: 23,
      weekday: 'سه‌شنبه',
      monthName: 'آبان',
      date: '۱۳۹۶/۰۸/۰۹',
      time: '۱۹:۲۳',
      long: 'سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳',
      iso: '1396-08-09T19:23:00+03:30',
    };
    expect(toJalaliFields(new Date(SEED))).toStrictEqual(expected);
    expect(toJalaliFields(SEED)).toStrictEqual(expected);
    expect(JSON.stringify(toJalaliFields('2017-10-31T15:53:00.000Z'))).toBe(
      '{"year":1396,"month":8,"day":9,"hour":19,"minute":23,"weekday":"سه‌شنبه","monthName":"آبان",' +
        '"date":"۱۳۹۶/۰۸/۰۹","time":"۱۹:۲۳","long":"سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳","iso":"1396-08-09T19:23:00+03:30"}'
    );
    expect(toJalaliFields(SEED).weekday).toBe(`\u0633\u0647${ZWNJ}\u0634\u0646\u0628\u0647`);
  });

  it('formats the long form, the date and the time', () => {
    expect(formatJalaliLong(new Date(SEED))).toBe('سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳');
    expect(formatJalaliDate(new Date(SEED))).toBe('۱۳۹۶/۰۸/۰۹');
    expect(formatJalaliTime(new Date(SEED))).toBe('۱۹:۲۳');
  });
});

describe('exact strings', () => {
  it.each([
    [
      '2015-07-01T10:00:00Z',
      'چهارشنبه ۱۰ تیر ۱۳۹۴ ساعت ۱۴:۳۰',
      '۱۳۹۴/۰۴/۱۰',
      '1394-04-10T14:30:00+04:30',
    ],
    [
      '2017-03-20T20:30:00Z',
      'سه‌شنبه ۱ فروردین ۱۳۹۶ ساعت ۰۰:۰۰',
      '۱۳۹۶/۰۱/۰۱',
      '1396-01-01T00:00:00+03:30',
    ],
    [
      '2017-03-21T20:30:00Z',
      'چهارشنبه ۲ فروردین ۱۳۹۶ ساعت ۰۱:۰۰',
      '۱۳۹۶/۰۱/۰۲',
      '1396-01-02T01:00:00+04:30',
    ],
    [
      '2017-09-21T19:30:00Z',
      'پنج‌شنبه ۳۰ شهریور ۱۳۹۶ ساعت ۲۳:۰۰',
      '۱۳۹۶/۰۶/۳۰',
      '1396-06-30T23:00:00+03:30',
    ],
    [
      '2025-03-20T12:00:00Z',
      'پنج‌شنبه ۳۰ اسفند ۱۴۰۳ ساعت ۱۵:۳۰',
      '۱۴۰۳/۱۲/۳۰',
      '1403-12-30T15:30:00+03:30',
    ],
    [
      '2024-06-30T08:05:09Z',
      'یک‌شنبه ۱۰ تیر ۱۴۰۳ ساعت ۱۱:۳۵',
      '۱۴۰۳/۰۴/۱۰',
      '1403-04-10T11:35:09+03:30',
    ],
    [
      '2018-01-05T20:29:00Z',
      'جمعه ۱۵ دی ۱۳۹۶ ساعت ۲۳:۵۹',
      '۱۳۹۶/۱۰/۱۵',
      '1396-10-15T23:59:00+03:30',
    ],
    [
      '1978-07-01T00:00:00Z',
      'شنبه ۱۰ تیر ۱۳۵۷ ساعت ۰۵:۰۰',
      '۱۳۵۷/۰۴/۱۰',
      '1357-04-10T05:00:00+05:00',
    ],
    [
      '1921-06-01T00:00:00Z',
      'چهارشنبه ۱۱ خرداد ۱۳۰۰ ساعت ۰۳:۲۵',
      '۱۳۰۰/۰۳/۱۱',
      '1300-03-11T03:25:44+03:25:44',
    ],
  ])('%s → %s', (instant, long, date, iso) => {
    expect(formatJalaliLong(instant)).toBe(long);
    expect(formatJalaliDate(instant)).toBe(date);
    const fields = toJalaliFields(instant);
    expect(fields.long).toBe(long);
    expect(fields.date).toBe(date);
    expect(fields.iso).toBe(iso);
  });

  it('names all seven weekdays on seven consecutive days', () => {
    const saturday = Date.UTC(2017, 9, 28, 12);
    const names = Array.from(
      { length: 7 },
      (_, n) => toJalaliFields(new Date(saturday + n * DAY_MS)).weekday
    );
    expect(names).toEqual(JALALI_WEEKDAY_NAMES);
    expect(names.filter((name) => name.includes(ZWNJ))).toEqual([
      `\u06CC\u06A9${ZWNJ}\u0634\u0646\u0628\u0647`,
      `\u0633\u0647${ZWNJ}\u0634\u0646\u0628\u0647`,
      `\u067E\u0646\u062C${ZWNJ}\u0634\u0646\u0628\u0647`,
    ]);
  });

  it('uses the offset in force at that instant in iso', () => {
    expect(toJalaliFields('2015-07-01T10:00:00Z').iso.endsWith('+04:30')).toBe(true);
    expect(toJalaliFields('2015-12-01T10:00:00Z').iso.endsWith('+03:30')).toBe(true);
    expect(toJalaliFields('2023-07-01T10:00:00Z').iso.endsWith('+03:30')).toBe(true);
    // The iso string names the same instant: read as Gregorian with its offset, it is the input again.
    expect(formatJalaliTime('2017-10-31T19:23:00+03:30')).toBe('۱۹:۲۳');
  });
});

describe('every display string, hour by hour over two years', () => {
  const start = Date.UTC(2017, 0, 1);
  const instants = Array.from(
    { length: 2 * 366 * 24 },
    (_, n) => new Date(start + n * HOUR_MS + 7 * 60_000)
  );
  const displays = instants.flatMap((instant) => {
    const { date, time, long, weekday, monthName } = toJalaliFields(instant);
    const formatted = [
      formatJalaliLong(instant),
      formatJalaliDate(instant),
      formatJalaliTime(instant),
    ];
    return [date, time, long, weekday, monthName, ...formatted];
  });

  it('uses Persian digits U+06F0–U+06F9 only', () => {
    expect(displays.filter((text) => NON_PERSIAN_DIGITS.test(text))).toEqual([]);
    expect(displays.join('').match(/[\u06F0-\u06F9]/g)?.length).toBeGreaterThan(100_000);
  });

  it('holds no bidi control characters, and a ZWNJ only inside a weekday name', () => {
    expect(displays.filter((text) => BIDI_CONTROLS.test(text))).toEqual([]);
    // Longest first, so شنبه is not cut out of سه‌شنبه before سه‌شنبه itself is removed.
    const longestFirst = [...JALALI_WEEKDAY_NAMES].sort((a, b) => b.length - a.length);
    const withoutWeekdays = displays.map((text) =>
      longestFirst.reduce((rest, name) => rest.split(name).join(''), text)
    );
    expect(withoutWeekdays.filter((text) => text.includes(ZWNJ))).toEqual([]);
  });

  it('keeps numbers and iso in Latin digits', () => {
    const fields = toJalaliFields(instants[5000]);
    expect(fields.iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(
      [fields.year, fields.month, fields.day, fields.hour, fields.minute].every(Number.isInteger)
    ).toBe(true);
  });
});

describe('bad instants', () => {
  it('refuses what is not an instant and what lies outside the supported years', () => {
    expectJalaliDateError(() => toJalaliFields('not a date'), 'INVALID_INSTANT');
    expectJalaliDateError(() => formatJalaliLong(new Date('invalid')), 'INVALID_INSTANT');
    expectJalaliDateError(() => formatJalaliDate('2017-10-31'), 'INVALID_INSTANT');
    expectJalaliDateError(() => formatJalaliTime(null as unknown as Date), 'INVALID_INSTANT');
    expectJalaliDateError(() => toJalaliFields('1700-01-01T00:00:00Z'), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(() => toJalaliFields('2200-01-01T00:00:00Z'), 'YEAR_OUT_OF_RANGE');
  });

  it('does not change the Date it is given', () => {
    const instant = new Date(SEED);
    toJalaliFields(instant);
    formatJalaliLong(instant);
    expect(instant.toISOString()).toBe('2017-10-31T15:53:00.000Z');
  });
});
