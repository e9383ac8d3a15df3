import { readFileSync } from 'fs';
import {
  isLeapJalaliYear,
  isValidJalaliDate,
  JALALI_MAX_YEAR,
  JALALI_MIN_YEAR,
  jalaliMonthLength,
  jalaliWeekday,
  toGregorian,
  toJalali,
} from '../../../src/jalali';
import { OFFICIAL_LEAP_TABLE_PATH } from '../../fixtures/paths';
import { DAY_MS, expectJalaliDateError } from './helpers';

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utcDayOf = ({ year, month, day }: { year: number; month: number; day: number }): number =>
  Date.UTC(year, month - 1, day);

interface OfficialYear {
  year: number;
  leap: boolean;
  firstOfFarvardin: string;
}

/** Truth 1: the leap table of the Iranian calendar authority (University of Tehran), 1206–1498. */
const officialYears: OfficialYear[] = readFileSync(OFFICIAL_LEAP_TABLE_PATH, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const match = /^(\d{4})(\*{0,2}) (\d{4}-\d{2}-\d{2})$/.exec(line.trim());
    if (match === null) throw new Error(`Unexpected line in the official table: ${line}`);
    return { year: Number(match[1]), leap: match[2] !== '', firstOfFarvardin: match[3] };
  });

/** Truth 2: the 33-year arithmetic rule, which ICU's Persian calendar is built on. */
const leapBy33YearRule = (year: number): boolean => (((25 * year + 11) % 33) + 33) % 33 < 8;

describe('the official leap table 1206–1498', () => {
  it('is the whole table, one line per year', () => {
    expect(officialYears).toHaveLength(1498 - 1206 + 1);
    officialYears.forEach(({ year }, index) => expect(year).toBe(1206 + index));
  });

  it('agrees with every year: leap status, Esfand length and the Gregorian date of 1 Farvardin', () => {
    const disagreements = officialYears.filter(
      ({ year, leap, firstOfFarvardin }) =>
        isLeapJalaliYear(year) !== leap ||
        jalaliMonthLength(year, 12) !== (leap ? 30 : 29) ||
        isoDay(utcDayOf(toGregorian(year, 1, 1))) !== firstOfFarvardin
    );
    expect(disagreements).toEqual([]);
  });

  it('converts each 1 Farvardin back from Gregorian', () => {
    for (const { year, firstOfFarvardin } of officialYears) {
      const [gy, gm, gd] = firstOfFarvardin.split('-').map(Number);
      expect(toJalali(gy, gm, gd)).toEqual({ year, month: 1, day: 1 });
    }
  });

  it('makes consecutive years meet: the day after the last of Esfand is the next 1 Farvardin', () => {
    for (const { year } of officialYears.slice(0, -1)) {
      const lastOfEsfand = utcDayOf(toGregorian(year, 12, jalaliMonthLength(year, 12)));
      const next = officialYears[year - 1206 + 1].firstOfFarvardin;
      expect(isoDay(lastOfEsfand + DAY_MS)).toBe(next);
    }
  });
});

describe('the 33-year arithmetic rule', () => {
  it('gives the same leap years over the whole supported range', () => {
    const years = Array.from(
      { length: JALALI_MAX_YEAR - JALALI_MIN_YEAR + 1 },
      (_, n) => JALALI_MIN_YEAR + n
    );
    expect(years.filter((year) => isLeapJalaliYear(year) !== leapBy33YearRule(year))).toEqual([]);
  });
});

describe("ICU's Persian calendar, day by day", () => {
  const icu = new Intl.DateTimeFormat('en-u-ca-persian', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const icuDate = (ms: number) => {
    const parts: Record<string, number> = {};
    for (const { type, value } of icu.formatToParts(ms)) parts[type] = Number(value);
    return { year: parts.year, month: parts.month, day: parts.day };
  };

  /*
   * Where ICU disagrees with jalaali-js, listed here rather than skipped. Over 1206–1500 there are none.
   * (Outside the range ICU does part from the 33-year rule: it makes 1502 a common year.)
   */
  const EXPECTED_DISAGREEMENTS: string[] = [];

  it('agrees on every day of 1206–1500, and the Gregorian weekday matches ours', () => {
    // 1 Farvardin 1206 from the official table; 1 Farvardin 1501 by the 33-year rule (1500 is common).
    const first = Date.UTC(1827, 2, 22);
    const afterLast = Date.UTC(2122, 2, 21);
    const disagreements: string[] = [];
    const weekdayErrors: string[] = [];
    let compared = 0;
    let comparedIn1300To1500 = 0;
    for (let ms = first; ms < afterLast; ms += DAY_MS) {
      const day = new Date(ms);
      const ours = toJalali(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
      const theirs = icuDate(ms);
      if (ours.year !== theirs.year || ours.month !== theirs.month || ours.day !== theirs.day) {
        disagreements.push(
          `${isoDay(ms)}: ours ${JSON.stringify(ours)}, ICU ${JSON.stringify(theirs)}`
        );
      }
      // Date counts from Sunday = 0; the Iranian week from Saturday = 0.
      if (jalaliWeekday(ours.year, ours.month, ours.day) !== (day.getUTCDay() + 1) % 7)
        weekdayErrors.push(isoDay(ms));
      compared += 1;
      if (theirs.year >= 1300) comparedIn1300To1500 += 1;
    }
    expect(disagreements).toEqual(EXPECTED_DISAGREEMENTS);
    expect(weekdayErrors).toEqual([]);
    expect(compared).toBe((afterLast - first) / DAY_MS);
    expect(compared).toBe(107_746);
    // 201 years of 365 days plus one day per leap year, counted by the 33-year rule.
    const leapYears1300To1500 = Array.from({ length: 201 }, (_, n) => 1300 + n).filter(
      leapBy33YearRule
    ).length;
    expect(comparedIn1300To1500).toBe(201 * 365 + leapYears1300To1500);
    expect(comparedIn1300To1500).toBe(73_414);
  });
});

describe('month lengths and validity', () => {
  it('gives 31 days to months 1–6, 30 to 7–11, and 29 or 30 to Esfand', () => {
    for (const year of [1396, 1399, 1402, 1403, 1404]) {
      expect(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((month) => jalaliMonthLength(year, month))
      ).toEqual([31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30]);
    }
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(jalaliMonthLength(1402, 12)).toBe(29);
  });

  it('knows 30 Esfand 1403 (2025-03-20) and refuses 30 Esfand 1402 and 1404', () => {
    expect(toGregorian(1403, 12, 30)).toEqual({ year: 2025, month: 3, day: 20 });
    expect(toJalali(2025, 3, 21)).toEqual({ year: 1404, month: 1, day: 1 });
    expect(isValidJalaliDate(1403, 12, 30)).toBe(true);
    expect(isValidJalaliDate(1402, 12, 30)).toBe(false);
    expect(isValidJalaliDate(1404, 12, 30)).toBe(false);
  });

  it.each([
    [1396, 7, 31],
    [1396, 13, 1],
    [1396, 0, 1],
    [1396, 8, 0],
    [1396, 1, 32],
    [1396.5, 1, 1],
    [1396, 1.5, 1],
    [1396, 1, 1.5],
    [NaN, 1, 1],
    [JALALI_MIN_YEAR - 1, 12, 29],
    [JALALI_MAX_YEAR + 1, 1, 1],
  ])('isValidJalaliDate(%p, %p, %p) is false, without throwing', (year, month, day) => {
    expect(isValidJalaliDate(year, month, day)).toBe(false);
  });

  it('accepts both ends of the supported range', () => {
    expect(isValidJalaliDate(JALALI_MIN_YEAR, 1, 1)).toBe(true);
    expect(isValidJalaliDate(JALALI_MAX_YEAR, 12, 29)).toBe(true);
    expect(toGregorian(JALALI_MAX_YEAR, 12, 29)).toEqual({ year: 2122, month: 3, day: 20 });
  });
});

describe('weekdays', () => {
  it('numbers the week from Saturday: 9 Aban 1396 is a Tuesday (3)', () => {
    expect(jalaliWeekday(1396, 8, 9)).toBe(3);
    expect(jalaliWeekday(1396, 8, 6)).toBe(0);
    expect(jalaliWeekday(1396, 8, 12)).toBe(6);
    expect(jalaliWeekday(1403, 1, 1)).toBe(4); // 2024-03-20, a Wednesday
  });
});

describe('errors on bad input', () => {
  it('explains an impossible day, naming the leap status for Esfand', () => {
    const error = expectJalaliDateError(() => toGregorian(1402, 12, 30), 'DAY_OUT_OF_RANGE');
    expect(error.message).toBe(
      'Day 30 is out of range for Esfand 1402 (1402 is not a leap year; Esfand has 29 days)'
    );
    expect(error.messageFa).toBe('اسفند ۱۴۰۲ ۲۹ روز دارد؛ روز ۳۰ وجود ندارد.');
    expect(error.name).toBe('JalaliDateError');
  });

  it('explains a 31st day of a 30-day month', () => {
    const error = expectJalaliDateError(() => jalaliWeekday(1396, 7, 31), 'DAY_OUT_OF_RANGE');
    expect(error.message).toBe('Day 31 is out of range for Mehr 1396 (Mehr has 30 days)');
    expect(error.messageFa).toBe('مهر ۱۳۹۶ ۳۰ روز دارد؛ روز ۳۱ وجود ندارد.');
  });

  it('refuses years outside the supported range and months outside 1–12', () => {
    expectJalaliDateError(() => isLeapJalaliYear(JALALI_MIN_YEAR - 1), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(() => isLeapJalaliYear(JALALI_MAX_YEAR + 1), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(() => isLeapJalaliYear(1403.5), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(() => jalaliMonthLength(1396, 13), 'MONTH_OUT_OF_RANGE');
    expectJalaliDateError(() => jalaliMonthLength(1396, 0), 'MONTH_OUT_OF_RANGE');
    expectJalaliDateError(() => toGregorian(1396, 1, 0), 'DAY_OUT_OF_RANGE');
  });

  it('refuses impossible Gregorian dates instead of rolling them over like jalaali-js', () => {
    expectJalaliDateError(() => toJalali(2023, 2, 29), 'INVALID_GREGORIAN_DATE');
    expectJalaliDateError(() => toJalali(2024, 13, 1), 'INVALID_GREGORIAN_DATE');
    expectJalaliDateError(() => toJalali(2100, 2, 29), 'INVALID_GREGORIAN_DATE');
    expect(toJalali(2000, 2, 29)).toEqual({ year: 1378, month: 12, day: 10 });
  });

  it('refuses Gregorian dates whose Jalali year is out of range', () => {
    expectJalaliDateError(() => toJalali(1827, 3, 21), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(() => toJalali(2122, 3, 21), 'YEAR_OUT_OF_RANGE');
    expect(toJalali(1827, 3, 22)).toEqual({ year: 1206, month: 1, day: 1 });
  });
});
