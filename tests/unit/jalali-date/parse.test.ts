import { JalaliDateTimeParts, parseJalali, parseJalaliToUtc } from '../../../src/jalali';
import { expectJalaliDateError } from './helpers';

const ZWNJ = '\u200C';
const SEED_DATE = { year: 1396, month: 8, day: 9 };
const SEED_DATE_TIME = { ...SEED_DATE, hour: 19, minute: 23 };

const ACCEPTED: Array<[string, JalaliDateTimeParts]> = [
  // The date line of the seed article, exactly as the old site printed it.
  ['سه شنبه ۰۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ -', SEED_DATE_TIME],
  // Our own long form.
  [`سه${ZWNJ}شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳`, SEED_DATE_TIME],
  ['سهشنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳', SEED_DATE_TIME],
  ['1396/08/09', SEED_DATE],
  ['1396/8/9', SEED_DATE],
  ['۱۳۹۶/۰۸/۰۹', SEED_DATE],
  ['۱۳۹۶-۰۸-۰۹', SEED_DATE],
  ['1396-8-9', SEED_DATE],
  ['١٣٩٦/٠٨/٠٩', SEED_DATE],
  ['۱۳۹6/8/۰۹', SEED_DATE],
  ['۹ آبان ۱۳۹۶', SEED_DATE],
  ['۰۹ آبان ۱۳۹۶', SEED_DATE],
  ['9 آبان 1396', SEED_DATE],
  ['۹ آبان‌ماه ۱۳۹۶', SEED_DATE],
  ['۹ آبان ماه ۱۳۹۶', SEED_DATE],
  ['۹ ابان ۱۳۹۶', SEED_DATE],
  ['۹ آبـــان ۱۳۹۶', SEED_DATE],
  [`سه${ZWNJ}شنبه، ۹ آبان ۱۳۹۶`, SEED_DATE],
  [`سه${ZWNJ}شنبه ۱۳۹۶/۰۸/۰۹`, SEED_DATE],
  ['۱۳۹۶/۰۸/۰۹ ساعت ۱۹:۲۳', SEED_DATE_TIME],
  ['۱۳۹۶/۰۸/۰۹ - ۱۹:۲۳', SEED_DATE_TIME],
  ['۱۳۹۶/۰۸/۰۹، ساعت ۱۹:۲۳', SEED_DATE_TIME],
  ['1396/08/09 19:23', SEED_DATE_TIME],
  // Archives that kept seconds.
  ['۱۴۰۲/۰۱/۰۵ ۰۸:۱۵:۳۰', { year: 1402, month: 1, day: 5, hour: 8, minute: 15, second: 30 }],
  ['1402-01-05 08:15:30', { year: 1402, month: 1, day: 5, hour: 8, minute: 15, second: 30 }],
  [
    '۵ فروردین ۱۴۰۲ ساعت ۰۸:۱۵:۰۰',
    { year: 1402, month: 1, day: 5, hour: 8, minute: 15, second: 0 },
  ],
  ['  ۱۳۹۶/۰۸/۰۹  ', SEED_DATE],
  ['\u200F۱۳۹۶/۰۸/۰۹\u200F', SEED_DATE],
  ['۹\u00A0آبان\u00A0۱۳۹۶', SEED_DATE],
  ['سه  شنبه   ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ --', SEED_DATE_TIME],
  ['۱۳۹۶/۰۸/۰۹ ساعت ۷:۰۵', { ...SEED_DATE, hour: 7, minute: 5 }],
  ['۱ فروردین ۱۴۰۲ ساعت ۰:۰۰', { year: 1402, month: 1, day: 1, hour: 0, minute: 0 }],
  ['شنبه ۶ آبان ۱۳۹۶', { year: 1396, month: 8, day: 6 }],
  ['يکشنبه ۷ آبان ۱۳۹۶', { year: 1396, month: 8, day: 7 }],
  ['یكشنبه ۷ آبان ۱۳۹۶', { year: 1396, month: 8, day: 7 }],
  ['دوشنبه ۸ آبان ۱۳۹۶', { year: 1396, month: 8, day: 8 }],
  ['چهار شنبه ۱۰ آبان ۱۳۹۶', { year: 1396, month: 8, day: 10 }],
  ['پنجشنبه ۱۱ آبان ۱۳۹۶', { year: 1396, month: 8, day: 11 }],
  ['جمعه ۱۲ آبان ۱۳۹۶', { year: 1396, month: 8, day: 12 }],
  ['۳۰ اسفند ۱۴۰۳', { year: 1403, month: 12, day: 30 }],
  ['1403/12/30', { year: 1403, month: 12, day: 30 }],
  ['۳۱ شهریور ۱۳۹۶', { year: 1396, month: 6, day: 31 }],
  ['۳۱ امرداد ۱۳۹۶', { year: 1396, month: 5, day: 31 }],
  ['۱۲ اردی‌بهشت ۱۳۹۷', { year: 1397, month: 2, day: 12 }],
  ['۱ دی‌ماه ۱۳۹۹', { year: 1399, month: 10, day: 1 }],
  ['1206/01/01', { year: 1206, month: 1, day: 1 }],
  ['1500/12/29', { year: 1500, month: 12, day: 29 }],
];

const REJECTED: Array<[string, string]> = [
  ['1402/12/30', 'DAY_OUT_OF_RANGE'],
  ['۳۰ اسفند ۱۴۰۴', 'DAY_OUT_OF_RANGE'],
  ['1396/07/31', 'DAY_OUT_OF_RANGE'],
  ['1396/08/00', 'DAY_OUT_OF_RANGE'],
  ['۳۲ فروردین ۱۴۰۰', 'DAY_OUT_OF_RANGE'],
  ['1396/13/01', 'MONTH_OUT_OF_RANGE'],
  ['1396/00/10', 'MONTH_OUT_OF_RANGE'],
  ['1205/12/29', 'YEAR_OUT_OF_RANGE'],
  ['1501/01/01', 'YEAR_OUT_OF_RANGE'],
  ['2017-10-31', 'YEAR_OUT_OF_RANGE'],
  ['1396/08/09 25:00', 'HOUR_OUT_OF_RANGE'],
  ['1396/08/09 24:00', 'HOUR_OUT_OF_RANGE'],
  ['1396/08/09 19:60', 'MINUTE_OUT_OF_RANGE'],
  [`یک${ZWNJ}شنبه ۹ آبان ۱۳۹۶`, 'WEEKDAY_MISMATCH'],
  ['جمعه ۱۳۹۶/۰۸/۰۹', 'WEEKDAY_MISMATCH'],
  ['شنبه ۹ آبان ۱۳۹۶', 'WEEKDAY_MISMATCH'],
  ['', 'INVALID_FORMAT'],
  ['   ', 'INVALID_FORMAT'],
  ['دیروز', 'INVALID_FORMAT'],
  ['96/8/9', 'INVALID_FORMAT'],
  ['09/08/1396', 'INVALID_FORMAT'],
  ['1396/08-09', 'INVALID_FORMAT'],
  ['1396/08', 'INVALID_FORMAT'],
  ['۹ آبانن ۱۳۹۶', 'INVALID_FORMAT'],
  ['آبان ۱۳۹۶', 'INVALID_FORMAT'],
  ['1396/08/09 19:23:60', 'SECOND_OUT_OF_RANGE'],
  ['1396/08/09 19:23:5', 'INVALID_FORMAT'],
  ['1396/8/9 19:5', 'INVALID_FORMAT'],
  ['1396/08/0919:23', 'INVALID_FORMAT'],
  ['ساعت ۱۹:۲۳', 'INVALID_FORMAT'],
  ['سه شنبه', 'INVALID_FORMAT'],
  ['1396/08/09 extra', 'INVALID_FORMAT'],
  [`1396/08/09${' '.repeat(120)}`, 'INVALID_FORMAT'],
];

describe('parseJalali accepts dates as editors type them and archives hold them', () => {
  it('has a fixture table of at least 30 accepted inputs', () =>
    expect(ACCEPTED.length).toBeGreaterThanOrEqual(30));

  it.each(ACCEPTED)('%p', (input, expected) => {
    expect(parseJalali(input)).toStrictEqual(expected);
  });
});

describe('parseJalali refuses what is not a date, saying what is wrong', () => {
  it('has a fixture table of at least 15 rejected inputs', () =>
    expect(REJECTED.length).toBeGreaterThanOrEqual(15));

  it.each(REJECTED)('%p → %s', (input, code) => {
    expectJalaliDateError(() => parseJalali(input), code);
  });

  it('explains 30 Esfand of a common year, in English with the input and in Persian', () => {
    const error = expectJalaliDateError(() => parseJalali('1402/12/30'), 'DAY_OUT_OF_RANGE');
    expect(error.message).toBe(
      'Day 30 is out of range for Esfand 1402 (1402 is not a leap year; Esfand has 29 days): "1402/12/30"'
    );
    expect(error.messageFa).toBe('اسفند ۱۴۰۲ ۲۹ روز دارد؛ روز ۳۰ وجود ندارد.');
  });

  it('explains a 31st day of Mehr', () => {
    const error = expectJalaliDateError(() => parseJalali('۳۱ مهر ۱۳۹۶'), 'DAY_OUT_OF_RANGE');
    expect(error.message).toBe(
      'Day 31 is out of range for Mehr 1396 (Mehr has 30 days): "۳۱ مهر ۱۳۹۶"'
    );
    expect(error.messageFa).toBe('مهر ۱۳۹۶ ۳۰ روز دارد؛ روز ۳۱ وجود ندارد.');
  });

  it('explains a weekday that does not match the date', () => {
    const error = expectJalaliDateError(
      () => parseJalali('یکشنبه ۹ آبان ۱۳۹۶'),
      'WEEKDAY_MISMATCH'
    );
    expect(error.message).toBe(
      'Weekday Sunday does not match 9 Aban 1396, which is a Tuesday: "یکشنبه ۹ آبان ۱۳۹۶"'
    );
    expect(error.messageFa).toBe(`۹ آبان ۱۳۹۶ سه${ZWNJ}شنبه است، نه یک${ZWNJ}شنبه.`);
  });

  it('names the month, the hour and the minute that do not exist', () => {
    expect(
      expectJalaliDateError(() => parseJalali('1396/13/01'), 'MONTH_OUT_OF_RANGE').message
    ).toBe('Month 13 is out of range (months are 1–12): "1396/13/01"');
    expect(
      expectJalaliDateError(() => parseJalali('1396/08/09 25:00'), 'HOUR_OUT_OF_RANGE').messageFa
    ).toBe('ساعت ۲۵ وجود ندارد؛ ساعت باید عددی صحیح از ۰ تا ۲۳ باشد.');
    expect(
      expectJalaliDateError(() => parseJalali('1396/08/09 19:60'), 'MINUTE_OUT_OF_RANGE').message
    ).toBe('Minute 60 is out of range (minutes are 0–59): "1396/08/09 19:60"');
    expect(expectJalaliDateError(() => parseJalali('۹ آبانن ۱۳۹۶'), 'INVALID_FORMAT').message).toBe(
      'Unknown Jalali month name "آبانن": "۹ آبانن ۱۳۹۶"'
    );
  });

  it('refuses what is not a string with a JalaliDateError too', () => {
    expectJalaliDateError(() => parseJalali(undefined as unknown as string), 'INVALID_FORMAT');
    expectJalaliDateError(() => parseJalali(13960809 as unknown as string), 'INVALID_FORMAT');
  });
});

describe('parseJalaliToUtc reads the text as Tehran time', () => {
  it.each([
    ['سه شنبه ۰۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ -', '2017-10-31T15:53:00.000Z'],
    ['1396/08/09', '2017-10-30T20:30:00.000Z'],
    ['1394/04/10', '2015-06-30T19:30:00.000Z'],
    ['۳۰ اسفند ۱۴۰۳', '2025-03-19T20:30:00.000Z'],
    ['1396/01/02 00:30', '2017-03-21T21:00:00.000Z'],
    ['1396/06/30 23:30', '2017-09-21T19:00:00.000Z'],
    ['1402/01/02 00:30', '2023-03-21T21:00:00.000Z'],
  ])('%p → %s', (input, iso) => {
    expect(parseJalaliToUtc(input).toISOString()).toBe(iso);
  });

  it('refuses what parseJalali refuses', () => {
    expectJalaliDateError(() => parseJalaliToUtc('۳۰ اسفند ۱۴۰۴'), 'DAY_OUT_OF_RANGE');
  });
});
