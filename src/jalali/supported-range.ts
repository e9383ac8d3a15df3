/**
 * The Jalali years this plugin accepts, in every function. 1206–1500 (1827-03-22 to 2122-03-20) is where
 * the calendar is checked against independent truth: the official leap table of the Iranian calendar
 * authority covers 1206–1498, and ICU's Persian calendar agrees with jalaali-js day by day over the whole
 * range. That spans every archive a newsroom holds and a century ahead; anything outside is a typo.
 */
export const JALALI_MIN_YEAR = 1206;
export const JALALI_MAX_YEAR = 1500;
