import { ZWNJ } from '@pishkhan/persian-text-rules';

/** Month names as Persian newsrooms print them, index 0 = Farvardin. */
export const JALALI_MONTH_NAMES = [
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
] as const;

/** Latin transliterations for English messages (logs, API clients). */
export const JALALI_MONTH_NAMES_LATIN = [
  'Farvardin',
  'Ordibehesht',
  'Khordad',
  'Tir',
  'Mordad',
  'Shahrivar',
  'Mehr',
  'Aban',
  'Azar',
  'Dey',
  'Bahman',
  'Esfand',
] as const;

/**
 * Weekday names, index 0 = Saturday (the first day of the Iranian week). The compound names take a
 * ZWNJ, as standard Persian spelling writes them: یک‌شنبه، سه‌شنبه، پنج‌شنبه.
 */
export const JALALI_WEEKDAY_NAMES = [
  'شنبه',
  `یک${ZWNJ}شنبه`,
  'دوشنبه',
  `سه${ZWNJ}شنبه`,
  'چهارشنبه',
  `پنج${ZWNJ}شنبه`,
  'جمعه',
] as const;

export const JALALI_WEEKDAY_NAMES_LATIN = [
  'Saturday',
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
] as const;

export type JalaliMonthName = (typeof JALALI_MONTH_NAMES)[number];
export type JalaliWeekdayName = (typeof JALALI_WEEKDAY_NAMES)[number];
