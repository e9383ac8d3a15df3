import { jalaliMonthLength, tehranToUtc, utcToTehran } from '../../../src/jalali';
import { expectJalaliDateError, HOUR_MS, MINUTE_MS, utcMsAt } from './helpers';

const SEED = new Date('2017-10-31T15:53:00Z');

/** A reading without the weekday, for compact expectations. */
const clockAt = (ms: number) => {
  const { year, month, day, hour, minute, second, offsetMinutes } = utcToTehran(new Date(ms));
  return [year, month, day, hour, minute, second, offsetMinutes];
};

/*
 * Iran's daylight-saving law as observed in 2008–2022 (Jalali 1387–1401): clocks went forward at 24:00
 * of 1 Farvardin (so 00:00–00:59 of 2 Farvardin never happened) and back at 24:00 of 30 Shahrivar (so
 * 23:00–23:59 of 30 Shahrivar happened twice). 1385–1386 (2006–2007) and 1402 onwards had none.
 */
const DST_YEARS = Array.from({ length: 15 }, (_, n) => 1387 + n);
const NO_DST_YEARS = [1385, 1386, ...Array.from({ length: 19 }, (_, n) => 1402 + n)];

describe('the seed instant', () => {
  it('is 19:23 on Tuesday 9 Aban 1396 in Tehran, and back', () => {
    expect(utcToTehran(SEED)).toEqual({
      year: 1396,
      month: 8,
      day: 9,
      hour: 19,
      minute: 23,
      second: 0,
      weekday: 3,
      offsetMinutes: 210,
    });
    expect(tehranToUtc({ year: 1396, month: 8, day: 9, hour: 19, minute: 23 })).toEqual(SEED);
  });
});

describe.each(DST_YEARS)('daylight saving in %i', (year) => {
  const springForward = utcMsAt(year, 1, 2, 0, 0, 210);
  const fallBack = utcMsAt(year, 6, 31, 0, 0, 270);

  it('starts at 24:00 of 1 Farvardin: 23:59 +03:30 is followed by 01:00 +04:30', () => {
    expect(clockAt(springForward - MINUTE_MS)).toEqual([year, 1, 1, 23, 59, 0, 210]);
    expect(clockAt(springForward)).toEqual([year, 1, 2, 1, 0, 0, 270]);
    expect(clockAt(springForward + MINUTE_MS)).toEqual([year, 1, 2, 1, 1, 0, 270]);
  });

  it('ends at 24:00 of 30 Shahrivar: 23:59 +04:30 is followed by 23:00 +03:30', () => {
    expect(clockAt(fallBack - MINUTE_MS)).toEqual([year, 6, 30, 23, 59, 0, 270]);
    expect(clockAt(fallBack)).toEqual([year, 6, 30, 23, 0, 0, 210]);
    expect(clockAt(fallBack + MINUTE_MS)).toEqual([year, 6, 30, 23, 1, 0, 210]);
    expect(clockAt(fallBack + HOUR_MS)).toEqual([year, 6, 31, 0, 0, 0, 210]);
  });

  it('moves a skipped time forward by the gap: 00:30 becomes 01:30 +04:30', () => {
    expect(tehranToUtc({ year, month: 1, day: 2 }).getTime()).toBe(springForward);
    expect(tehranToUtc({ year, month: 1, day: 2, hour: 0, minute: 30 }).getTime()).toBe(
      springForward + 30 * MINUTE_MS
    );
    expect(clockAt(springForward + 30 * MINUTE_MS)).toEqual([year, 1, 2, 1, 30, 0, 270]);
    expect(tehranToUtc({ year, month: 1, day: 2, hour: 0, minute: 59 }).getTime()).toBe(
      springForward + 59 * MINUTE_MS
    );
    expect(tehranToUtc({ year, month: 1, day: 2, hour: 1, minute: 0 }).getTime()).toBe(
      springForward
    );
  });

  it('gives a repeated time its earlier instant, the one at +04:30', () => {
    const earlier = fallBack - 30 * MINUTE_MS;
    const later = fallBack + 30 * MINUTE_MS;
    expect(clockAt(earlier)).toEqual([year, 6, 30, 23, 30, 0, 270]);
    expect(clockAt(later)).toEqual([year, 6, 30, 23, 30, 0, 210]);
    expect(tehranToUtc({ year, month: 6, day: 30, hour: 23, minute: 30 }).getTime()).toBe(earlier);
    expect(tehranToUtc({ year, month: 6, day: 30, hour: 23 }).getTime()).toBe(fallBack - HOUR_MS);
    expect(tehranToUtc({ year, month: 6, day: 31 }).getTime()).toBe(fallBack + HOUR_MS);
  });
});

describe('the offset on every day, at Tehran noon', () => {
  const offsetsAtNoon = (
    year: number,
    offsetFor: (month: number, day: number) => number
  ): string[] => {
    const wrong: string[] = [];
    for (let month = 1; month <= 12; month += 1) {
      for (let day = 1; day <= jalaliMonthLength(year, month); day += 1) {
        const expected = offsetFor(month, day);
        const noon = utcMsAt(year, month, day, 12, 0, expected);
        const [, , , hour, minute, , offset] = clockAt(noon);
        if (hour !== 12 || minute !== 0 || offset !== expected)
          wrong.push(`${year}/${month}/${day}: ${offset}`);
        if (tehranToUtc({ year, month, day, hour: 12 }).getTime() !== noon)
          wrong.push(`${year}/${month}/${day} back`);
      }
    }
    return wrong;
  };

  it('is +04:30 from 2 Farvardin to 30 Shahrivar and +03:30 otherwise in 1387–1401 (2008–2022)', () => {
    const daylightSaving = (month: number, day: number) =>
      (month === 1 && day >= 2) || (month > 1 && month < 6) || (month === 6 && day <= 30);
    expect(
      DST_YEARS.flatMap((year) => offsetsAtNoon(year, (m, d) => (daylightSaving(m, d) ? 270 : 210)))
    ).toEqual([]);
  });

  it('is +03:30 all year in 1385–1386 (2006–2007) and from 1402 (2023) on', () => {
    expect(NO_DST_YEARS.flatMap((year) => offsetsAtNoon(year, () => 210))).toEqual([]);
  });

  it('has no gap and no repeated hour any more: 1402 and 1403 at the old transition times', () => {
    const iso = (local: Parameters<typeof tehranToUtc>[0]) => tehranToUtc(local).toISOString();
    expect(iso({ year: 1402, month: 1, day: 2, hour: 0, minute: 30 })).toBe(
      '2023-03-21T21:00:00.000Z'
    );
    expect(clockAt(Date.UTC(2023, 2, 21, 21, 0))).toEqual([1402, 1, 2, 0, 30, 0, 210]);
    expect(iso({ year: 1403, month: 6, day: 30, hour: 23, minute: 30 })).toBe(
      '2024-09-20T20:00:00.000Z'
    );
    expect(clockAt(Date.UTC(2024, 8, 20, 19, 59))).toEqual([1403, 6, 30, 23, 29, 0, 210]);
  });
});

describe('midnight and Nowruz', () => {
  it('turns 30 Esfand 1395 (a leap year) into 1 Farvardin 1396 at 20:30 UTC', () => {
    const nowruz = Date.UTC(2017, 2, 20, 20, 30);
    expect(utcToTehran(new Date(nowruz - 1000))).toMatchObject({
      year: 1395,
      month: 12,
      day: 30,
      hour: 23,
      minute: 59,
      second: 59,
      weekday: 2,
    });
    expect(utcToTehran(new Date(nowruz))).toMatchObject({
      year: 1396,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      weekday: 3,
    });
    expect(tehranToUtc({ year: 1396, month: 1, day: 1 }).getTime()).toBe(nowruz);
  });

  it('turns 29 Esfand 1402 into 1 Farvardin 1403 and 30 Esfand 1403 into 1 Farvardin 1404', () => {
    expect(clockAt(Date.UTC(2024, 2, 19, 20, 29))).toEqual([1402, 12, 29, 23, 59, 0, 210]);
    expect(clockAt(Date.UTC(2024, 2, 19, 20, 30))).toEqual([1403, 1, 1, 0, 0, 0, 210]);
    expect(clockAt(Date.UTC(2025, 2, 20, 20, 29))).toEqual([1403, 12, 30, 23, 59, 0, 210]);
    expect(clockAt(Date.UTC(2025, 2, 20, 20, 30))).toEqual([1404, 1, 1, 0, 0, 0, 210]);
  });

  it('changes the date at Tehran midnight, not UTC midnight, in summer too', () => {
    expect(clockAt(Date.UTC(2015, 5, 30, 19, 29))).toEqual([1394, 4, 9, 23, 59, 0, 270]);
    expect(clockAt(Date.UTC(2015, 5, 30, 19, 30))).toEqual([1394, 4, 10, 0, 0, 0, 270]);
    expect(clockAt(Date.UTC(2015, 5, 30, 23, 59))).toEqual([1394, 4, 10, 4, 29, 0, 270]);
    expect(clockAt(Date.UTC(2017, 9, 31, 20, 29))).toEqual([1396, 8, 9, 23, 59, 0, 210]);
    expect(clockAt(Date.UTC(2017, 9, 31, 20, 30))).toEqual([1396, 8, 10, 0, 0, 0, 210]);
  });

  it('never depends on the host time zone', () => {
    // The Date is built from UTC fields; the reading is the same whatever TZ the process runs in.
    expect(clockAt(Date.UTC(2017, 9, 31, 0, 0))).toEqual([1396, 8, 9, 3, 30, 0, 210]);
  });
});

describe('before 1979, as the time zone database records it', () => {
  it('reports +05:00 daylight time in the summer of 1978 (1357)', () => {
    expect(clockAt(Date.UTC(1978, 6, 1, 0, 0))).toEqual([1357, 4, 10, 5, 0, 0, 300]);
  });

  it('gives the repeated hour of 5 August 1978 its earlier instant', () => {
    const instant = tehranToUtc({ year: 1357, month: 5, day: 14, hour: 0, minute: 30 });
    expect(instant.toISOString()).toBe('1978-08-04T19:30:00.000Z');
  });

  it('reports Tehran mean time, +03:25:44, before 13 June 1935', () => {
    const reading = utcToTehran(new Date(Date.UTC(1921, 5, 1)));
    expect(reading).toMatchObject({
      year: 1300,
      month: 3,
      day: 11,
      hour: 3,
      minute: 25,
      second: 44,
    });
    expect(reading.offsetMinutes * 60).toBeCloseTo(3 * 3600 + 25 * 60 + 44, 6);
    expect(tehranToUtc(reading).getTime()).toBe(Date.UTC(1921, 5, 1));
  });
});

describe('the supported range and bad input', () => {
  it('reaches from Tehran midnight of 1 Farvardin 1206 to the last second of 1500', () => {
    const first = tehranToUtc({ year: 1206, month: 1, day: 1 });
    expect(utcToTehran(first)).toMatchObject({
      year: 1206,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
    });
    expectJalaliDateError(() => utcToTehran(new Date(first.getTime() - 1000)), 'YEAR_OUT_OF_RANGE');
    const last = tehranToUtc({ year: 1500, month: 12, day: 29, hour: 23, minute: 59, second: 59 });
    expect(utcToTehran(last)).toMatchObject({
      year: 1500,
      month: 12,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
    });
    expectJalaliDateError(() => utcToTehran(new Date(last.getTime() + 1000)), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(() => utcToTehran(new Date(8.64e15)), 'YEAR_OUT_OF_RANGE');
    expectJalaliDateError(() => utcToTehran(new Date(-8.64e15)), 'YEAR_OUT_OF_RANGE');
  });

  it('refuses an invalid Date and timestamps without an offset', () => {
    expectJalaliDateError(() => utcToTehran(new Date(NaN)), 'INVALID_INSTANT');
    expectJalaliDateError(() => utcToTehran('2017-10-31T15:53:00'), 'INVALID_INSTANT');
    expectJalaliDateError(() => utcToTehran('2017-10-31'), 'INVALID_INSTANT');
    expectJalaliDateError(() => utcToTehran('2017-02-30T00:00:00Z'), 'INVALID_INSTANT');
    expectJalaliDateError(() => utcToTehran('2017-10-31T24:00:00Z'), 'INVALID_INSTANT');
    expectJalaliDateError(() => utcToTehran('yesterday'), 'INVALID_INSTANT');
    expectJalaliDateError(() => utcToTehran(1509465180000 as unknown as Date), 'INVALID_INSTANT');
  });

  it('reads ISO timestamps with Z or an offset, fractions included', () => {
    expect(utcToTehran('2017-10-31T15:53:00.000Z')).toEqual(utcToTehran(SEED));
    expect(utcToTehran('2017-10-31T19:23+03:30')).toEqual(utcToTehran(SEED));
    expect(utcToTehran('2017-10-31T10:53:00.999999-05:00')).toMatchObject({
      hour: 19,
      minute: 23,
      second: 0,
    });
  });

  it('refuses impossible local dates and times', () => {
    expectJalaliDateError(
      () => tehranToUtc({ year: 1402, month: 12, day: 30 }),
      'DAY_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => tehranToUtc({ year: 1396, month: 13, day: 1 }),
      'MONTH_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => tehranToUtc({ year: 1205, month: 12, day: 29 }),
      'YEAR_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => tehranToUtc({ year: 1396, month: 8, day: 9, hour: 24 }),
      'HOUR_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => tehranToUtc({ year: 1396, month: 8, day: 9, minute: 60 }),
      'MINUTE_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => tehranToUtc({ year: 1396, month: 8, day: 9, second: 60 }),
      'SECOND_OUT_OF_RANGE'
    );
    expectJalaliDateError(
      () => tehranToUtc({ year: 1396, month: 8, day: 9, hour: 1.5 }),
      'HOUR_OUT_OF_RANGE'
    );
  });

  it('does not change the object it is given', () => {
    const local = Object.freeze({ year: 1396, month: 8, day: 9, hour: 19, minute: 23 });
    expect(tehranToUtc(local)).toEqual(SEED);
    expect(local).toEqual({ year: 1396, month: 8, day: 9, hour: 19, minute: 23 });
  });
});
