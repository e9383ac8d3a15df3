import { padPersian, toPersianDigits } from '@pishkhan/persian-text-rules';
import { JALALI_MAX_YEAR, JALALI_MIN_YEAR } from './calendar';
import { Instant, instantToMs } from './instant';
import {
  JALALI_MONTH_NAMES,
  JALALI_WEEKDAY_NAMES,
  JalaliMonthName,
  JalaliWeekdayName,
} from './names';
import { readTehranClock, TehranClockReading } from './tehran-time';

/** A date field as the REST API returns it: numbers and `iso` in Latin digits, display strings in Persian. */
export interface JalaliFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: JalaliWeekdayName;
  readonly monthName: JalaliMonthName;
  /** ۱۳۹۶/۰۸/۰۹ */
  readonly date: string;
  /** ۱۹:۲۳ */
  readonly time: string;
  /** سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ */
  readonly long: string;
  /** 1396-08-09T19:23:00+03:30: the Jalali wall clock with the Tehran offset in force at that instant. */
  readonly iso: string;
}

// Tables built once from the shared digit rules: this runs for every date field of every row.
const PERSIAN_PADDED = Array.from({ length: 60 }, (_, n) => padPersian(n));
const PERSIAN_UNPADDED = Array.from({ length: 32 }, (_, n) => toPersianDigits(n));
const LATIN_PADDED = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const PERSIAN_YEARS = Array.from({ length: JALALI_MAX_YEAR - JALALI_MIN_YEAR + 1 }, (_, n) =>
  toPersianDigits(JALALI_MIN_YEAR + n)
);
const persianYear = (year: number): string => PERSIAN_YEARS[year - JALALI_MIN_YEAR];

const dateOf = (clock: TehranClockReading): string =>
  `${persianYear(clock.year)}/${PERSIAN_PADDED[clock.month]}/${PERSIAN_PADDED[clock.day]}`;

const timeOf = (clock: TehranClockReading): string =>
  `${PERSIAN_PADDED[clock.hour]}:${PERSIAN_PADDED[clock.minute]}`;

const longOf = (clock: TehranClockReading, time: string): string =>
  `${JALALI_WEEKDAY_NAMES[clock.weekday]} ${PERSIAN_UNPADDED[clock.day]} ` +
  `${JALALI_MONTH_NAMES[clock.month - 1]} ${persianYear(clock.year)} ساعت ${time}`;

/** ±HH:mm, with :ss only for Tehran mean time (+03:25:44, before 1935). */
const offsetOf = (offsetSeconds: number): string => {
  const magnitude = Math.abs(offsetSeconds);
  const seconds = magnitude % 60;
  return (
    `${offsetSeconds < 0 ? '-' : '+'}${LATIN_PADDED[Math.floor(magnitude / 3600)]}:` +
    `${LATIN_PADDED[Math.floor(magnitude / 60) % 60]}${seconds === 0 ? '' : `:${LATIN_PADDED[seconds]}`}`
  );
};

const isoOf = (clock: TehranClockReading): string =>
  `${clock.year}-${LATIN_PADDED[clock.month]}-${LATIN_PADDED[clock.day]}T` +
  `${LATIN_PADDED[clock.hour]}:${LATIN_PADDED[clock.minute]}:${LATIN_PADDED[clock.second]}` +
  offsetOf(clock.offsetSeconds);

const clockAt = (instant: Instant): TehranClockReading => readTehranClock(instantToMs(instant));

/** سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ (Tehran time). */
export const formatJalaliLong = (instant: Instant): string => {
  const clock = clockAt(instant);
  return longOf(clock, timeOf(clock));
};

/** ۱۳۹۶/۰۸/۰۹ (Tehran date). */
export const formatJalaliDate = (instant: Instant): string => dateOf(clockAt(instant));

/** ۱۹:۲۳ (Tehran time, 24-hour). */
export const formatJalaliTime = (instant: Instant): string => timeOf(clockAt(instant));

export const toJalaliFields = (instant: Instant): JalaliFields => {
  const clock = clockAt(instant);
  const time = timeOf(clock);
  return {
    year: clock.year,
    month: clock.month,
    day: clock.day,
    hour: clock.hour,
    minute: clock.minute,
    weekday: JALALI_WEEKDAY_NAMES[clock.weekday],
    monthName: JALALI_MONTH_NAMES[clock.month - 1],
    date: dateOf(clock),
    time,
    long: longOf(clock, time),
    iso: isoOf(clock),
  };
};
