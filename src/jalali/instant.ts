import { gregorianToEpochDay, isValidGregorianDate } from './calendar';
import { invalidInstant } from './errors';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time-units';

/** A point in time: a Date, or a timestamp string as the database and the REST API carry it. */
export type Instant = Date | string;

/**
 * The ECMAScript date-time format with an explicit `Z` or offset. A timestamp without one would be read
 * in the host's time zone, and a date alone is a calendar day rather than an instant: both are refused.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Tested by tag, not `instanceof`, so Dates from another realm (vm, worker) are accepted too. */
const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

/** Read by hand because Date.parse rolls 2017-02-30 over to March 2 instead of refusing it. */
const isoToMs = (text: string): number => {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const milliseconds = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, '0'));
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  if (!isValidGregorianDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
    return NaN;
  if (offsetHours > 23 || offsetMinutes > 59) return NaN;
  const offsetMs =
    (match[8] === '-' ? -1 : 1) * (offsetHours * HOUR_MS + offsetMinutes * MINUTE_MS);
  return (
    gregorianToEpochDay(year, month, day) * DAY_MS +
    hour * HOUR_MS +
    minute * MINUTE_MS +
    second * SECOND_MS +
    milliseconds -
    offsetMs
  );
};

export const instantToMs = (instant: Instant): number => {
  let ms = NaN;
  if (typeof instant === 'string') ms = isoToMs(instant);
  else if (isDate(instant)) ms = instant.getTime();
  if (Number.isNaN(ms)) throw invalidInstant(instant);
  return ms;
};
