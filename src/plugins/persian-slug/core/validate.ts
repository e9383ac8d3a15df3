import { LATIN_MODE_CLASS, PERSIAN_MODE_CLASS, SLUG_MAX_LENGTH, SLUG_SEPARATOR } from './alphabet';
import { SlugMode } from './options';

/** Words of `characterClass` joined by single hyphens, 1 to SLUG_MAX_LENGTH characters in all. */
const slugPattern = (characterClass: string): string =>
  `^(?=.{1,${SLUG_MAX_LENGTH}}$)${characterClass}+(?:${SLUG_SEPARATOR}${characterClass}+)*$`;

/**
 * The `regex` option of the Strapi uid attribute: exactly the canonical slugs of either mode (latin-mode
 * slugs are persian-mode slugs that happen to use only a–z and 0–9). Strapi compiles it with
 * `new RegExp(regex)` and no flags, which is enough because every allowed character is one BMP code unit.
 * Content-type schema.json files hold a copy of this string: when the alphabet or SLUG_MAX_LENGTH
 * changes, copy it again (a unit test pins the exact value so the change cannot go unnoticed).
 */
export const SLUG_UID_REGEX = slugPattern(PERSIAN_MODE_CLASS);

const CANONICAL: Record<SlugMode, RegExp> = {
  persian: new RegExp(SLUG_UID_REGEX),
  latin: new RegExp(slugPattern(LATIN_MODE_CLASS)),
};

/** True when `text` is already canonical for `mode`, i.e. persianSlug would return it unchanged. */
export const isValidSlug = (text: string, mode: SlugMode = 'persian'): boolean =>
  typeof text === 'string' && CANONICAL[mode].test(text);
