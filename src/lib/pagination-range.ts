import { toPersianDigits } from '../persian';

export const MAX_PAGE_SIZE = 100;
/** Pages and offsets stop at GraphQL's Int, so REST and GraphQL accept the same numbers and offsets stay exact. */
export const MAX_INT = 2 ** 31 - 1;

/** The whole numbers Strapi's pagination parameters may take, in REST and GraphQL alike. */
export const PAGINATION_RANGES = {
  page: { min: 1, max: MAX_INT },
  pageSize: { min: 1, max: MAX_PAGE_SIZE },
  start: { min: 0, max: MAX_INT },
  limit: { min: 1, max: MAX_PAGE_SIZE },
} as const;

export interface NumberProblem {
  message: string;
  messageFa: string;
  parameter: string;
  min: number;
  max: number;
}

/**
 * Why `value` is not a whole number from `min` to `max`, or undefined. A query string must be plain digits:
 * `Number()` would take `1e20`, `0x10`, ` 5` and 20-digit numbers that no longer fit an offset.
 */
export const wholeNumberProblem = (
  value: unknown,
  parameter: string,
  min: number,
  max: number
): NumberProblem | undefined => {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^[0-9]{1,16}$/.test(value)
        ? Number(value)
        : NaN;
  if (Number.isInteger(number) && number >= min && number <= max) return undefined;
  return {
    message: `${parameter} must be a whole number from ${min} to ${max}`,
    messageFa: `${parameter} باید عددی صحیح از ${toPersianDigits(min)} تا ${toPersianDigits(max)} باشد.`,
    parameter,
    min,
    max,
  };
};

/** The first pagination parameter out of its range, named as the API spells it (`nameOf('page')`). */
export const paginationProblem = (
  pagination: unknown,
  nameOf: (key: string) => string
): NumberProblem | undefined => {
  if (typeof pagination !== 'object' || pagination === null) return undefined;
  for (const [key, { min, max }] of Object.entries(PAGINATION_RANGES)) {
    const value = (pagination as Record<string, unknown>)[key];
    const problem =
      value === undefined || value === null
        ? undefined
        : wholeNumberProblem(value, nameOf(key), min, max);
    if (problem) return problem;
  }
  return undefined;
};
