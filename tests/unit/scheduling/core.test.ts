import { toJalaliFields } from '../../../src/jalali';
import {
  isFuture,
  latenessMs,
  momentOf,
  parseScheduleTime,
  readScheduleInput,
  ScheduleInputError,
  wasMissed,
} from '../../../src/scheduling/core';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

describe('schedule times', () => {
  it('reads ISO instants and Jalali date-times in Tehran time', () => {
    expect(parseScheduleTime('2027-03-20T08:00:00Z', 'publishAt')).toBe(
      Date.UTC(2027, 2, 20, 8, 0)
    );
    // After 2022 Tehran keeps +03:30 all year.
    expect(parseScheduleTime('۱۴۰۵/۱۲/۲۹ ۱۱:۳۰', 'publishAt')).toBe(Date.UTC(2027, 2, 20, 8, 0));
  });

  it('converts across Iran’s old daylight saving (1390: +04:30 in summer, +03:30 in winter)', () => {
    const summer = parseScheduleTime('1390/05/01 12:00', 'publishAt');
    expect(summer).toBe(Date.UTC(2011, 6, 23, 7, 30));
    expect(toJalaliFields(new Date(summer)).iso).toBe('1390-05-01T12:00:00+04:30');
    const winter = parseScheduleTime('1390/10/01 12:00', 'publishAt');
    expect(winter).toBe(Date.UTC(2011, 11, 22, 8, 30));
    expect(toJalaliFields(new Date(winter)).iso).toBe('1390-10-01T12:00:00+03:30');
    // The last summer-time minute of 1390 and the first after the change back (30 Shahrivar, 24:00 → 23:00).
    expect(parseScheduleTime('1390/06/30 22:59', 'publishAt')).toBe(Date.UTC(2011, 8, 21, 18, 29));
    expect(parseScheduleTime('1390/06/31 00:30', 'publishAt')).toBe(Date.UTC(2011, 8, 21, 21, 0));
  });

  it('refuses what is not a date-time, naming the field in English and Persian', () => {
    for (const bad of ['', 'tomorrow', '1402/12/30 10:00', '2027-03-20 08:00', 42]) {
      let error: unknown;
      try {
        parseScheduleTime(bad, 'publishAt');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ScheduleInputError);
      expect((error as ScheduleInputError).message).toContain('publishAt');
      expect((error as ScheduleInputError).messageFa).toMatch(/[آ-ی]/);
    }
  });
});

describe('schedule input', () => {
  it('takes a future publish time and an expiry after it', () => {
    expect(
      readScheduleInput(
        { publishAt: '2027-01-01T00:00:00Z', unpublishAt: '2027-01-02T00:00:00Z' },
        NOW,
        null
      )
    ).toEqual({
      publishAt: Date.UTC(2027, 0, 1),
      unpublishAt: Date.UTC(2027, 0, 2),
    });
    expect(readScheduleInput({ data: { unpublishAt: null } }, NOW, null)).toEqual({
      unpublishAt: null,
    });
  });

  it.each([
    ['nothing', {}],
    ['a past publish time', { publishAt: '2020-01-01T00:00:00Z' }],
    [
      'an expiry before the publish time',
      { publishAt: '2027-01-02T00:00:00Z', unpublishAt: '2027-01-01T00:00:00Z' },
    ],
  ])('refuses %s', (_name, body) => {
    expect(() => readScheduleInput(body, NOW, null)).toThrow(ScheduleInputError);
  });

  it('checks an expiry against a publish already scheduled', () => {
    expect(() =>
      readScheduleInput({ unpublishAt: '2027-01-01T00:00:00Z' }, NOW, Date.UTC(2027, 0, 2))
    ).toThrow(/after publishAt/);
  });
});

describe('due and late', () => {
  it('counts only a later publishedOn as future', () => {
    expect(isFuture(new Date(NOW + 1), NOW)).toBe(true);
    expect(isFuture(new Date(NOW).toISOString(), NOW)).toBe(false);
    expect(isFuture(null, NOW)).toBe(false);
    expect(isFuture('not a date', NOW)).toBe(false);
    expect(momentOf('2027-03-20T08:00:00.000Z')).toBe(Date.UTC(2027, 2, 20, 8));
  });

  it('tells a schedule missed while no instance ran from one just due, and never reports negative lateness', () => {
    expect(wasMissed(NOW - 60_000, NOW)).toBe(true);
    expect(wasMissed(NOW - 1_000, NOW)).toBe(false);
    expect(latenessMs(NOW, NOW + 250)).toBe(250);
    expect(latenessMs(NOW, NOW - 5)).toBe(0);
  });
});
