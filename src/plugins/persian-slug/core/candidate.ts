import { SLUG_MAX_LENGTH, SLUG_SEPARATOR } from './alphabet';
import { assertString, invalidSlugError } from './errors';
import { assertMaxLength } from './options';
import { isValidSlug } from './validate';
import { joinWithinLength } from './words';

/**
 * The n-th slug to try when `base` is taken: base, base-2, base-3, … (never base-1). When base-n would
 * be too long, base is shortened at a word boundary to make room for the suffix.
 */
export const slugCandidate = (
  base: string,
  n: number,
  maxLength: number = SLUG_MAX_LENGTH
): string => {
  assertString(base, 'The base of a slug candidate');
  assertMaxLength(maxLength);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Slug candidate number must be a positive integer, got ${n}.`);
  }
  if (!isValidSlug(base) || base.length > maxLength) throw invalidSlugError(base, maxLength);
  if (n === 1) return base;

  const suffix = `${SLUG_SEPARATOR}${n}`;
  const noRoom = (): RangeError =>
    new RangeError(
      `maxLength ${maxLength} leaves no room for the suffix "${suffix}" after "${base}".`
    );
  const room = maxLength - suffix.length;
  if (room < 1) throw noRoom();
  let head = joinWithinLength(base.split(SLUG_SEPARATOR), room);
  // A long base that already ends in -n would come back as itself; shorten it once more.
  if (`${head}${suffix}` === base) {
    if (head.length < 2) throw noRoom();
    head = joinWithinLength(head.split(SLUG_SEPARATOR), head.length - 1);
  }
  return `${head}${suffix}`;
};

/**
 * The first of base, base-2, base-3, … that `isFree` accepts: the one rule every writer of slugs follows
 * (a create's reservation, the importer's batch, the admin's preview).
 */
export const firstFreeCandidate = async (
  base: string,
  isFree: (candidate: string) => boolean | Promise<boolean>,
  maxTries = 100_000
): Promise<string> => {
  for (let n = 1; n <= maxTries; n += 1) {
    const candidate = slugCandidate(base, n);
    if (await isFree(candidate)) return candidate;
  }
  throw new RangeError(`No free slug for "${base}" in ${maxTries} candidates.`);
};
