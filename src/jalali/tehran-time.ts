import {
  assertClockTime,
  assertJalaliDate,
  epochDayToJalali,
  FIRST_EPOCH_DAY,
  jalaliToEpochDay,
  LAST_EPOCH_DAY,
  weekdayOfEpochDay,
} from './calendar';
import { instantOutOfRange } from './errors';
import { Instant, instantToMs } from './instant';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time-units';

export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

/** A Tehran wall-clock reading: Jalali date, 24-hour time, weekday 0 = Saturday … 6 = Friday. */
export interface TehranDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
  /**
   * Tehran's UTC offset at that instant as the IANA time zone database records it: 210 (+03:30) or
   * 270 (+04:30, daylight saving) since 1979; 240/300 in 1977–1979; before 1935-06-13 Tehran mean
   * time, +03:25:44, which is not a whole number of minutes.
   */
  readonly offsetMinutes: number;
}

export interface TehranLocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
}

/** Created once: building an Intl formatter costs far more than using it. */
const tehranWallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN_TIME_ZONE,
  calendar: 'gregory',
  numberingSystem: 'latn',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Seconds, not minutes: Tehran mean time (until 1935) was +03:25:44. */
const offsetSecondsFromIntl = (utcMs: number): number => {
  const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of tehranWallClock.formatToParts(utcMs)) {
    if (type in wall) wall[type as keyof typeof wall] = Number(value);
  }
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return (wallMs - Math.floor(utcMs / SECOND_MS) * SECOND_MS) / SECOND_MS;
};

/*
 * Offsets cached by UTC day, so the hot path asks Intl about twice per distinct day and then only does
 * arithmetic. Equal offsets at both ends of a day mean no transition inside it (Tehran never had two
 * transitions within a day); a day holding a transition is stored as NaN and always asked of Intl.
 */
const offsetByUtcDay = new Map<number, number>();
const OFFSET_CACHE_DAYS = 50_000;

const tehranOffsetSeconds = (utcMs: number): number => {
  const utcDay = Math.floor(utcMs / DAY_MS);
  let offset = offsetByUtcDay.get(utcDay);
  if (offset === undefined) {
    const atStart = offsetSecondsFromIntl(utcDay * DAY_MS);
    offset = offsetSecondsFromIntl((utcDay + 1) * DAY_MS - SECOND_MS) === atStart ? atStart : NaN;
    if (offsetByUtcDay.size >= OFFSET_CACHE_DAYS) offsetByUtcDay.clear();
    offsetByUtcDay.set(utcDay, offset);
  }
  return Number.isNaN(offset) ? offsetSecondsFromIntl(utcMs) : offset;
};

/** What formatting needs: the wall clock plus the offset in exact seconds. */
export interface TehranClockReading extends Omit<TehranDateTime, 'offsetMinutes'> {
  readonly offsetSeconds: number;
}

export const readTehranClock = (utcMs: number): TehranClockReading => {
  // A coarse bound first, so Intl and jalaali-js never see instants millennia away.
  if (!(utcMs >= (FIRST_EPOCH_DAY - 1) * DAY_MS && utcMs < (LAST_EPOCH_DAY + 2) * DAY_MS)) {
    throw instantOutOfRange(utcMs);
  }
  const offsetSeconds = tehranOffsetSeconds(utcMs);
  const wallMs = utcMs + offsetSeconds * SECOND_MS;
  const epochDay = Math.floor(wallMs / DAY_MS);
  if (epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) throw instantOutOfRange(utcMs);
  const { year, month, day } = epochDayToJalali(epochDay);
  const secondOfDay = Math.floor((wallMs - epochDay * DAY_MS) / SECOND_MS);
  return {
    year,
    month,
    day,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor(secondOfDay / 60) % 60,
    second: secondOfDay % 60,
    weekday: weekdayOfEpochDay(epochDay),
    offsetSeconds,
  };
};

export const utcToTehran = (instant: Instant): TehranDateTime => {
  const { offsetSeconds, ...wallClock } = readTehranClock(instantToMs(instant));
  return { ...wallClock, offsetMinutes: offsetSeconds / 60 };
};

/**
 * The instant a Tehran wall-clock time names; `wallMs` is that wall clock read as if it were UTC.
 *
 * A local time that never happened (the hour skipped when daylight saving began, 00:00–00:59 on
 * 2 Farvardin in 2008–2022) is moved forward by the length of the gap, as Temporal's 'compatible'
 * disambiguation does: 00:30 becomes 01:30 +04:30. A local time that happened twice (23:00–23:59 on
 * 30 Shahrivar, when the clocks went back) takes the earlier instant, the one at +04:30.
 *
 * The offsets one day before and after are the only candidates: Tehran's transitions are months apart.
 */
const wallClockToUtcMs = (wallMs: number): number => {
  const before = tehranOffsetSeconds(wallMs - DAY_MS) * SECOND_MS;
  const after = tehranOffsetSeconds(wallMs + DAY_MS) * SECOND_MS;
  const larger = Math.max(before, after); // the earlier instant, which wins when both are valid
  if (tehranOffsetSeconds(wallMs - larger) * SECOND_MS === larger) return wallMs - larger;
  const smaller = Math.min(before, after);
  if (tehranOffsetSeconds(wallMs - smaller) * SECOND_MS === smaller) return wallMs - smaller;
  // In a gap: read the wall clock with the offset in force before it, which lands after the gap.
  return wallMs - before;
};

export const tehranMidnightToUtcMs = (epochDay: number): number =>
  wallClockToUtcMs(epochDay * DAY_MS);

/** A Tehran date and time to its instant; the time defaults to midnight. See wallClockToUtcMs for gaps and overlaps. */
export const tehranToUtc = (local: TehranLocalDateTime): Date => {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = local;
  assertJalaliDate(year, month, day);
  assertClockTime(hour, minute, second);
  const wallMs =
    jalaliToEpochDay(year, month, day) * DAY_MS +
    hour * HOUR_MS +
    minute * MINUTE_MS +
    second * SECOND_MS;
  return new Date(wallClockToUtcMs(wallMs));
};
