import { toPersianDigits } from './digits';

/** Why a number was refused, in English and Persian, with the range it had to fall in. */
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
