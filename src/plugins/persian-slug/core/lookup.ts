import { assertString, emptyLookupError, malformedLookupError } from './errors';
import type { SlugErrorCode } from './errors';
import { SlugOptions } from './options';
import { slugOrEmpty } from './slug';

const percentDecode = (raw: string): string => {
  assertString(raw, 'The slug of a lookup');
  try {
    return decodeURIComponent(raw);
  } catch {
    // decodeURIComponent throws only URIError: a stray "%" or bytes that are not UTF-8.
    throw malformedLookupError(raw);
  }
};

/**
 * The slug to look up for a slug taken from a URL, percent-encoded or raw. It goes through the same
 * rule as titles, so a link typed with Arabic ي, capitals or spaces still finds the entry; a canonical
 * slug comes back unchanged. Decodes once: "%25" is a literal "%", which then separates words.
 */
export const normalizeSlugLookup = (raw: string, options?: SlugOptions): string => {
  const slug = slugOrEmpty(percentDecode(raw), options);
  if (slug === '') throw emptyLookupError(raw);
  return slug;
};

/** What a slug lookup is refused with (400): a slug of no letters or digits, broken percent-encoding. */
export const SLUG_LOOKUP_ERROR_CODES: ReadonlyArray<SlugErrorCode> = [
  'EMPTY_SLUG',
  'MALFORMED_SLUG',
];
