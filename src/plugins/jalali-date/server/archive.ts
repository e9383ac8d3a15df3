import { errors } from '@strapi/utils';
import {
  JalaliDateErrorCode,
  JalaliDateError,
  jalaliPeriodToUtcRange,
  JalaliPeriod,
  UtcRange,
} from '@pishkhan/jalali-core';
import { toLatinDigits } from '@pishkhan/persian-text-rules';

const NUMBER = /^[0-9]{1,4}$/;

const part = (raw: unknown, name: string): number | undefined => {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const latin = toLatinDigits(String(raw));
  if (!NUMBER.test(latin)) {
    throw new errors.ValidationError(`Archive ${name} must be a number, got "${String(raw)}"`, {
      code: 'INVALID_FORMAT' satisfies JalaliDateErrorCode,
      messageFa: 'سال، ماه و روز بایگانی باید عدد باشند.',
    });
  }
  return Number(latin);
};

/** `/archive/:year/:month?/:day?` (padded or not, any digits) to the UTC range of that Jalali period in Tehran. */
export const archiveRange = (params: {
  year?: unknown;
  month?: unknown;
  day?: unknown;
}): UtcRange & { period: JalaliPeriod } => {
  const year = part(params.year, 'year');
  if (year === undefined) throw new errors.ValidationError('Archive year is required');
  const month = part(params.month, 'month');
  const day = part(params.day, 'day');
  const period = (month === undefined ? { year, day } : { year, month, day }) as JalaliPeriod;
  try {
    return { ...jalaliPeriodToUtcRange(period), period };
  } catch (error) {
    if (error instanceof JalaliDateError) {
      throw new errors.ValidationError(error.message, {
        code: error.code,
        messageFa: error.messageFa,
      });
    }
    throw error;
  }
};
