import fc from 'fast-check';
import {
  formatJalaliDate,
  formatJalaliLong,
  isValidJalaliDate,
  JALALI_MAX_YEAR,
  JALALI_MIN_YEAR,
  JALALI_MONTH_NAMES,
  JALALI_WEEKDAY_NAMES,
  JalaliDateError,
  jalaliMonthLength,
  jalaliWeekday,
  parseJalali,
  tehranToUtc,
  utcToTehran,
} from '../../../src/jalali';
import { HOUR_MS, MINUTE_MS, utcMsAt } from './helpers';

const ZWNJ = '\u200C';
const FIRST_MS = tehranToUtc({ year: 1206, month: 1, day: 1 }).getTime();
const LAST_MS = tehranToUtc({
  year: 1500,
  month: 12,
  day: 29,
  hour: 23,
  minute: 59,
  second: 59,
}).getTime();

/** Every whole UTC minute of the supported range. */
const anyMinute = fc
  .integer({ min: Math.ceil(FIRST_MS / MINUTE_MS), max: Math.floor(LAST_MS / MINUTE_MS) })
  .map((minute) => minute * MINUTE_MS);

/** Minutes within 2.5 hours of a daylight-saving transition of 2008–2022, where the gap and overlap are. */
const nearTransition = fc
  .record({
    year: fc.integer({ min: 1387, max: 1401 }),
    spring: fc.boolean(),
    minutes: fc.integer({ min: -150, max: 150 }),
  })
  .map(({ year, spring, minutes }) => {
    const transition = spring ? utcMsAt(year, 1, 2, 0, 0, 210) : utcMsAt(year, 6, 31, 0, 0, 270);
    return transition + minutes * MINUTE_MS;
  });

const DIGITS: Record<string, string> = {
  latin: '0123456789',
  persian: '۰۱۲۳۴۵۶۷۸۹',
  arabic: '٠١٢٣٤٥٦٧٨٩',
};
const WEEKDAY_JOINERS = [ZWNJ, ' ', ''];

const aDate = fc
  .record({
    year: fc.integer({ min: 1206, max: 1500 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayIndex: fc.nat(),
  })
  .map(({ year, month, dayIndex }) => ({
    year,
    month,
    day: 1 + (dayIndex % jalaliMonthLength(year, month)),
  }));

const spelled = fc.record({
  date: aDate,
  time: fc.option(
    fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
  ),
  digits: fc.constantFrom('latin', 'persian', 'arabic'),
  pad: fc.boolean(),
  named: fc.boolean(),
  separator: fc.constantFrom('/', '-'),
  monthSuffix: fc.constantFrom('', ' ماه', `${ZWNJ}ماه`),
  weekday: fc.boolean(),
  weekdayJoiner: fc.constantFrom(...WEEKDAY_JOINERS),
  timeSeparator: fc.constantFrom(' ساعت ', ' - ', ' ', '، ساعت '),
  trailing: fc.constantFrom('', ' -', ' ', ' - '),
});

type Spelling = typeof spelled extends fc.Arbitrary<infer T> ? T : never;

/** Writes a date the way an editor might; digits of one script, the weekday always the right one. */
const write = (spec: Spelling): string => {
  const {
    date,
    time,
    digits,
    pad,
    named,
    separator,
    monthSuffix,
    weekday,
    weekdayJoiner,
    timeSeparator,
    trailing,
  } = spec;
  const inScript = (latin: string) => latin.replace(/\d/g, (d) => DIGITS[digits][Number(d)]);
  const num = (n: number, width: number) => inScript(String(n).padStart(pad ? width : 1, '0'));
  const body = named
    ? `${num(date.day, 2)} ${JALALI_MONTH_NAMES[date.month - 1]}${monthSuffix} ${num(date.year, 4)}`
    : [num(date.year, 4), num(date.month, 2), num(date.day, 2)].join(separator);
  const weekdayName = JALALI_WEEKDAY_NAMES[jalaliWeekday(date.year, date.month, date.day)].replace(
    ZWNJ,
    weekdayJoiner
  );
  const clock =
    time === null
      ? ''
      : `${timeSeparator}${num(time.hour, 2)}:${inScript(String(time.minute).padStart(2, '0'))}`;
  return `${weekday ? `${weekdayName} ` : ''}${body}${clock}${trailing}`;
};

const wallClock = (ms: number) => {
  const { offsetMinutes, ...rest } = utcToTehran(new Date(ms));
  return rest;
};

describe('UTC → Tehran Jalali → UTC', () => {
  const roundTrips = (ms: number): void => {
    const reading = utcToTehran(new Date(ms));
    const back = tehranToUtc(reading).getTime();
    if (back === ms) return;
    // The only exception: the later of two instants with the same wall clock maps to the earlier one.
    const earlier = utcToTehran(new Date(back));
    expect(back).toBeLessThan(ms);
    expect(wallClock(back)).toEqual(wallClock(ms));
    expect(earlier.offsetMinutes).toBeGreaterThan(reading.offsetMinutes);
    expect(ms - back).toBeCloseTo((earlier.offsetMinutes - reading.offsetMinutes) * MINUTE_MS, 0);
  };

  it('comes back to the same minute anywhere in 1206–1500', () => {
    fc.assert(fc.property(anyMinute, roundTrips), { numRuns: 5000 });
  });

  it('comes back near the transitions, except the repeated hour, which maps to its +04:30 instant', () => {
    fc.assert(
      fc.property(nearTransition, (ms) => {
        roundTrips(ms);
        const reading = utcToTehran(new Date(ms));
        const repeated =
          reading.month === 6 &&
          reading.day === 30 &&
          reading.hour === 23 &&
          reading.offsetMinutes === 210;
        expect(tehranToUtc(reading).getTime()).toBe(repeated ? ms - HOUR_MS : ms);
      }),
      { numRuns: 3000 }
    );
  });
});

describe("agreement with ICU's Persian calendar in Asia/Tehran", () => {
  const icu = new Intl.DateTimeFormat('en-u-ca-persian', {
    timeZone: 'Asia/Tehran',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });

  it('reads the same Tehran date and time for any instant in 1206–1500', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyMinute, nearTransition),
        fc.integer({ min: 0, max: 59_999 }),
        (minuteMs, extra) => {
          const ms = minuteMs + extra;
          const parts: Record<string, number> = {};
          for (const { type, value } of icu.formatToParts(ms)) parts[type] = Number(value);
          const { year, month, day, hour, minute, second } = utcToTehran(new Date(ms));
          expect([year, month, day, hour, minute, second]).toEqual([
            parts.year,
            parts.month,
            parts.day,
            parts.hour,
            parts.minute,
            parts.second,
          ]);
        }
      ),
      { numRuns: 4000 }
    );
  });
});

describe('formatting then parsing', () => {
  it('gives back the date and time of the long form', () => {
    fc.assert(
      fc.property(anyMinute, (ms) => {
        const { year, month, day, hour, minute } = utcToTehran(new Date(ms));
        expect(parseJalali(formatJalaliLong(new Date(ms)))).toStrictEqual({
          year,
          month,
          day,
          hour,
          minute,
        });
        expect(parseJalali(formatJalaliDate(new Date(ms)))).toStrictEqual({ year, month, day });
      }),
      { numRuns: 3000 }
    );
  });
});

describe('parseJalali on generated spellings', () => {
  it('reads back every spelling of every date', () => {
    fc.assert(
      fc.property(spelled, (spec) => {
        const expected = spec.time === null ? spec.date : { ...spec.date, ...spec.time };
        expect(parseJalali(write(spec))).toStrictEqual(expected);
      }),
      { numRuns: 3000 }
    );
  });

  it('refuses a weekday that is one to six days off', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 1, max: 6 }), (date, shift) => {
        const wrong =
          JALALI_WEEKDAY_NAMES[(jalaliWeekday(date.year, date.month, date.day) + shift) % 7];
        const text = `${wrong} ${date.year}/${date.month}/${date.day}`;
        expect(() => parseJalali(text)).toThrow(
          expect.objectContaining({ code: 'WEEKDAY_MISMATCH' })
        );
      }),
      { numRuns: 1000 }
    );
  });
});

describe('parseJalali on numbers near every boundary', () => {
  it('accepts exactly the real dates and times, and otherwise names the first thing wrong', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1150, max: 1550 }), fc.integer({ min: 0, max: 9999 })),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
        fc.integer({ min: 0, max: 26 }),
        fc.integer({ min: 0, max: 61 }),
        fc.option(fc.integer({ min: 0, max: 6 })),
        (year, month, day, hour, minute, weekday) => {
          const text =
            `${weekday === null ? '' : `${JALALI_WEEKDAY_NAMES[weekday]} `}` +
            `${String(year).padStart(4, '0')}/${month}/${day} ساعت ${hour}:${String(minute).padStart(2, '0')}`;
          let expectedCode: string | undefined;
          if (year < JALALI_MIN_YEAR || year > JALALI_MAX_YEAR) expectedCode = 'YEAR_OUT_OF_RANGE';
          else if (month < 1 || month > 12) expectedCode = 'MONTH_OUT_OF_RANGE';
          else if (day < 1 || day > jalaliMonthLength(year, month))
            expectedCode = 'DAY_OUT_OF_RANGE';
          else if (hour > 23) expectedCode = 'HOUR_OUT_OF_RANGE';
          else if (minute > 59) expectedCode = 'MINUTE_OUT_OF_RANGE';
          else if (weekday !== null && weekday !== jalaliWeekday(year, month, day))
            expectedCode = 'WEEKDAY_MISMATCH';
          if (expectedCode === undefined) {
            expect(parseJalali(text)).toStrictEqual({ year, month, day, hour, minute });
          } else {
            expect(() => parseJalali(text)).toThrow(
              expect.objectContaining({ code: expectedCode })
            );
          }
        }
      ),
      { numRuns: 3000 }
    );
  });
});

describe('parseJalali on arbitrary strings', () => {
  const TOKENS = [
    ...'0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩',
    '/',
    '-',
    ':',
    ' ',
    '  ',
    ZWNJ,
    '\u00A0',
    '\u200F',
    '\u202B',
    '،',
    ',',
    '\n',
    'ـ',
    'ي',
    'ك',
    '–',
    'ساعت',
    'ماه',
    'شنبه',
    'یک',
    'سه',
    'پنج',
    'جمعه',
    ...JALALI_MONTH_NAMES,
    ...JALALI_WEEKDAY_NAMES,
    '1396',
    '۱۴۰۲',
    '12',
    '30',
    '31',
    '29',
    '00',
    '23:59',
    '24:00',
    'x',
  ];
  const dateLike = fc
    .array(fc.constantFrom(...TOKENS), { maxLength: 14 })
    .map((tokens) => tokens.join(''));

  /** A valid spelling with a few tokens inserted, deleted or replaced: reaches the checks behind the format. */
  const mutated = fc
    .tuple(
      spelled.map(write),
      fc.array(
        fc.record({
          at: fc.nat(),
          token: fc.constantFrom(...TOKENS),
          remove: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: 1, maxLength: 3 }
      )
    )
    .map(([text, edits]) =>
      edits.reduce((acc, { at, token, remove }) => {
        const position = at % (acc.length + 1);
        return acc.slice(0, position) + token + acc.slice(position + remove);
      }, text)
    );

  const onlyJalaliDateErrors = (text: string): void => {
    let parsed;
    try {
      parsed = parseJalali(text);
    } catch (error) {
      expect(error).toBeInstanceOf(JalaliDateError);
      return;
    }
    expect(isValidJalaliDate(parsed.year, parsed.month, parsed.day)).toBe(true);
    if (parsed.hour !== undefined) {
      expect(parsed.hour).toBeGreaterThanOrEqual(0);
      expect(parsed.hour).toBeLessThanOrEqual(23);
      expect(parsed.minute).toBeGreaterThanOrEqual(0);
      expect(parsed.minute).toBeLessThanOrEqual(59);
    }
  };

  it('throws nothing but JalaliDateError, and what it returns is a real date', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), onlyJalaliDateErrors), { numRuns: 2000 });
    fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 40 }), onlyJalaliDateErrors), {
      numRuns: 2000,
    });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), onlyJalaliDateErrors), {
      numRuns: 500,
    });
    fc.assert(fc.property(dateLike, onlyJalaliDateErrors), { numRuns: 3000 });
    fc.assert(fc.property(mutated, onlyJalaliDateErrors), { numRuns: 3000 });
  });
});
