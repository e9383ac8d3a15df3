/**
 * The field's value is an ISO UTC instant (or null); editors see and type Jalali dates in Tehran time.
 * Everything here is the project's pure core: the same rules as the server and the REST API.
 */
import {
  formatJalaliDate,
  formatJalaliTime,
  JalaliDateError,
  parseJalali,
  tehranToUtc,
  TEHRAN_TIME_ZONE,
  utcToTehran,
} from '@pishkhan/jalali-core';
import { toLatinDigits } from '@pishkhan/persian-text-rules';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The instant as a Tehran wall clock, or null when there is no (readable) value. */
export const wallClockOf = (value: unknown): WallClock | null => {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const { year, month, day, hour, minute } = utcToTehran(value);
    return { year, month, day, hour, minute };
  } catch {
    return null;
  }
};

/** ۱۳۹۶/۰۸/۰۹ ۱۹:۲۳, the form the input shows and reads back. */
export const displayText = (value: unknown): string => {
  if (typeof value !== 'string' || value === '') return '';
  try {
    return `${formatJalaliDate(value)} ${formatJalaliTime(value)}`;
  } catch {
    return '';
  }
};

export const toIso = (clock: WallClock): string => tehranToUtc(clock).toISOString();

export type Reading =
  | { kind: 'empty' }
  | { kind: 'instant'; iso: string }
  | { kind: 'error'; messageFa: string; message: string };

/**
 * Reads what the editor typed. A date without a time keeps the time already set (or midnight), so
 * retyping the day does not lose the hour.
 */
export const readTyped = (text: string, current: unknown): Reading => {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    const parts = parseJalali(text);
    const kept = wallClockOf(current);
    const hour = parts.hour ?? kept?.hour ?? 0;
    const minute = parts.minute ?? kept?.minute ?? 0;
    return {
      kind: 'instant',
      iso: toIso({ year: parts.year, month: parts.month, day: parts.day, hour, minute }),
    };
  } catch (error) {
    if (error instanceof JalaliDateError)
      return { kind: 'error', messageFa: error.messageFa, message: error.message };
    throw error;
  }
};

/** 18:30, ۱۸:۳۰ or 8:05 → { hour, minute }; null for anything else. */
export const readTime = (text: string): { hour: number; minute: number } | null => {
  const match = /^\s*(\d{1,2})\s*[:٫.]\s*(\d{2})\s*$/.exec(toLatinDigits(text));
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
};

/** The Gregorian date and time in Tehran, in the interface language (Persian digits in Persian). */
export const gregorianText = (iso: string, uiLocale: string): string => {
  const persian = uiLocale.startsWith('fa');
  return new Intl.DateTimeFormat(persian ? 'fa-IR-u-ca-gregory-nu-arabext' : 'en-GB-u-ca-gregory', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TEHRAN_TIME_ZONE,
  }).format(new Date(iso));
};

/** 2017-10-31T15:53Z: the stored instant, short. */
export const utcText = (iso: string): string =>
  iso.replace(/:00\.000Z$/, 'Z').replace(/\.000Z$/, 'Z');

export const nowInTehran = (): WallClock => {
  const { year, month, day, hour, minute } = utcToTehran(new Date());
  return { year, month, day, hour, minute };
};
