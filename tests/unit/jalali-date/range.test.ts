import {
  JalaliPeriod,
  jalaliMonthLength,
  jalaliPeriodToUtcRange,
  parseJalali,
} from '../../../src/jalali';
import { DAY_MS, expectJalaliDateError, HOUR_MS } from './helpers';

const iso = (period: JalaliPeriod) => {
  const { start, end } = jalaliPeriodToUtcRange(period);
  return [start.toISOString(), end.toISOString()];
};

const lengthMs = (period: JalaliPeriod) => {
  const { start, end } = jalaliPeriodToUtcRange(period);
  return end.getTime() - start.getTime();
};

describe('jalaliPeriodToUtcRange', () => {
  it('covers a day from Tehran midnight to the next Tehran midnight', () => {
    expect(iso({ year: 1396, month: 8, day: 9 })).toEqual([
      '2017-10-30T20:30:00.000Z',
      '2017-10-31T20:30:00.000Z',
    ]);
    expect(iso({ year: 1394, month: 4, day: 10 })).toEqual([
      '2015-06-30T19:30:00.000Z',
      '2015-07-01T19:30:00.000Z',
    ]);
  });

  it('covers a month, all its days included', () => {
    expect(iso({ year: 1396, month: 8 })).toEqual([
      '2017-10-22T20:30:00.000Z',
      '2017-11-21T20:30:00.000Z',
    ]);
    // Shahrivar 1396 begins in daylight saving (+04:30) and ends after it (+03:30).
    expect(iso({ year: 1396, month: 6 })).toEqual([
      '2017-08-22T19:30:00.000Z',
      '2017-09-22T20:30:00.000Z',
    ]);
    expect(lengthMs({ year: 1396, month: 6 })).toBe(31 * DAY_MS + HOUR_MS);
  });

  it('gives Esfand 30 days in a leap year and 29 otherwise', () => {
    expect(iso({ year: 1403, month: 12 })).toEqual([
      '2025-02-18T20:30:00.000Z',
      '2025-03-20T20:30:00.000Z',
    ]);
    expect(lengthMs({ year: 1403, month: 12 })).toBe(30 * DAY_MS);
    expect(lengthMs({ year: 1402, month: 12 })).toBe(29 * DAY_MS);
    expect(iso({ year: 1403, month: 12, day: 30 })).toEqual([
      '2025-03-19T20:30:00.000Z',
      '2025-03-20T20:30:00.000Z',
    ]);
  });

  it('covers a year from Nowruz to Nowruz', () => {
    expect(iso({ year: 1396 })).toEqual(['2017-03-20T20:30:00.000Z', '2018-03-20T20:30:00.000Z']);
    expect(iso({ year: 1403 })).toEqual(['2024-03-19T20:30:00.000Z', '2025-03-20T20:30:00.000Z']);
    expect(lengthMs({ year: 1403 })).toBe(366 * DAY_MS);
  });

  it('reaches the last supported year, whose end lies just outside the range', () => {
    expect(iso({ year: 1500 })).toEqual(['2121-03-20T20:30:00.000Z', '2122-03-20T20:30:00.000Z']);
    expect(iso({ year: 1206, month: 1, day: 1 })[0]).toBe(
      jalaliPeriodToUtcRange({ year: 1206 }).start.toISOString()
    );
  });

  it('makes the daylight-saving days 23 and 25 hours long, and Nowruz 24', () => {
    expect(lengthMs({ year: 1396, month: 1, day: 1 })).toBe(24 * HOUR_MS);
    expect(lengthMs({ year: 1396, month: 1, day: 2 })).toBe(23 * HOUR_MS);
    expect(lengthMs({ year: 1396, month: 6, day: 30 })).toBe(25 * HOUR_MS);
    expect(lengthMs({ year: 1402, month: 1, day: 2 })).toBe(24 * HOUR_MS);
    expect(lengthMs({ year: 1402, month: 6, day: 30 })).toBe(24 * HOUR_MS);
  });

  it.each([1387, 1396, 1401, 1402, 1403])(
    'tiles year %i with its months and days, without gaps or overlaps',
    (year) => {
      const yearRange = jalaliPeriodToUtcRange({ year });
      let cursor = yearRange.start.getTime();
      for (let month = 1; month <= 12; month += 1) {
        const monthRange = jalaliPeriodToUtcRange({ year, month });
        expect(monthRange.start.getTime()).toBe(cursor);
        for (let day = 1; day <= jalaliMonthLength(year, month); day += 1) {
          const dayRange = jalaliPeriodToUtcRange({ year, month, day });
          expect(dayRange.start.getTime()).toBe(cursor);
          cursor = dayRange.end.getTime();
        }
        expect(monthRange.end.getTime()).toBe(cursor);
      }
      expect(yearRange.end.getTime()).toBe(cursor);
    }
  );

  it('turns a filter value such as $gte=1396/08/01 into the instant the day begins', () => {
    expect(jalaliPeriodToUtcRange(parseJalali('1396/08/01')).start.toISOString()).toBe(
      '2017-10-22T20:30:00.000Z'
    );
  });

  it('validates with JalaliDateError', () => {
    expectJalaliDateError(() => jalaliPeriodToUtcRange({ year: 1205 }), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(
      () => jalaliPeriodToUtcRange({ year: 1501, month: 1 }),
      'YEAR_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => jalaliPeriodToUtcRange({ year: 1396, month: 13 }),
      'MONTH_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => jalaliPeriodToUtcRange({ year: 1402, month: 12, day: 30 }),
      'DAY_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => jalaliPeriodToUtcRange({ year: 1396, month: 7, day: 31 }),
      'DAY_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => jalaliPeriodToUtcRange({ year: 1396, day: 5 } as unknown as JalaliPeriod),
      'INVALID_FORMAT'
    );
  });
});
