import { JalaliDateError, toGregorian } from '../../../src/jalali';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The UTC instant of a Tehran wall-clock time read with a given offset (an expectation, not our code). */
export const utcMsAt = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  offsetMinutes: number
): number => {
  const g = toGregorian(year, month, day);
  return Date.UTC(g.year, g.month - 1, g.day, hour, minute) - offsetMinutes * MINUTE_MS;
};

/** Runs `run`, expects a JalaliDateError (also a RangeError) with `code`, and returns it. */
export const expectJalaliDateError = (run: () => unknown, code: string): JalaliDateError => {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(JalaliDateError);
  expect(thrown).toBeInstanceOf(RangeError);
  expect((thrown as JalaliDateError).code).toBe(code);
  return thrown as JalaliDateError;
};
