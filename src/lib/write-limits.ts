import { errors } from '@strapi/utils';
import { toPersianDigits } from '../persian';

/**
 * Ceilings on what one write may hold, set far above any real story so that no single save can occupy
 * the server for long (the README's "Ceilings" table lists them all, with the import limits and the
 * schema's characters per field). Each can be changed with the environment variable of its name.
 */

/** Blocks (paragraphs, subheadings, quotes, images) in one article body: a long story has 50–200. */
export const BODY_MAX_BLOCKS = 5000;

export const positiveInt = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

export const bodyMaxBlocks = (): number =>
  positiveInt(process.env.BODY_MAX_BLOCKS, BODY_MAX_BLOCKS);

export const BODY_LIMIT_ERROR_CODES = ['BODY_TOO_LONG'] as const;

/** A 400 naming the limit and the figure, before anything of the write has been done. */
export const checkBodyBlocks = (body: unknown): void => {
  if (!Array.isArray(body)) return;
  const max = bodyMaxBlocks();
  if (body.length <= max) return;
  throw new errors.ValidationError(
    `The body has ${body.length} blocks, more than the limit of ${max} (BODY_MAX_BLOCKS)`,
    {
      code: BODY_LIMIT_ERROR_CODES[0],
      limit: 'BODY_MAX_BLOCKS',
      max,
      actual: body.length,
      messageFa: `متن خبر ${toPersianDigits(body.length)} بند دارد؛ بیشینه‌ی مجاز ${toPersianDigits(max)} بند است.`,
    }
  );
};
