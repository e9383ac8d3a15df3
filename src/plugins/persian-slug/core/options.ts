import { SLUG_MAX_LENGTH } from './alphabet';

/** `persian` keeps Persian letters (the default); `latin` spells them in a–z by pronunciation. */
export type SlugMode = 'persian' | 'latin';

export interface SlugOptions {
  mode?: SlugMode;
  /** Code points, 1 to SLUG_MAX_LENGTH (the database column and the uid regex allow no more). */
  maxLength?: number;
}

export interface ResolvedSlugOptions {
  mode: SlugMode;
  maxLength: number;
}

/** Options are the caller's code, not an editor's input: a bad value is a RangeError. */
export const resolveSlugOptions = (options: SlugOptions = {}): ResolvedSlugOptions => {
  const { mode = 'persian', maxLength = SLUG_MAX_LENGTH } = options;
  if (mode !== 'persian' && mode !== 'latin') {
    throw new RangeError(`Slug mode must be 'persian' or 'latin', got ${JSON.stringify(mode)}.`);
  }
  assertMaxLength(maxLength);
  return { mode, maxLength };
};

export const assertMaxLength = (maxLength: number): void => {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > SLUG_MAX_LENGTH) {
    throw new RangeError(
      `Slug maxLength must be an integer from 1 to ${SLUG_MAX_LENGTH}, got ${maxLength}.`
    );
  }
};
