import { createHash } from 'crypto';
import {
  foldLettersForMatching,
  stripArabicMarks,
  stripBidiControls,
  stripInvisibleJoiners,
  toLatinDigits,
} from '../../persian';

/** Bumped when the normalisation changes, so old and new hashes never compare equal by accident. */
const HASH_VERSION = 'pishkhan-import-v1';

/**
 * Text as the hash sees it: the shared matching folds (ي/ی, ك/ک, hamza seats, heh forms), no harakat,
 * tatweel, joiners or bidi controls, Latin digits, ZWNJ and every white space run as one space.
 */
const normalise = (text: string): string =>
  toLatinDigits(
    foldLettersForMatching(stripArabicMarks(stripInvisibleJoiners(stripBidiControls(text))))
  )
    .replace(/[\s\u200C]+/g, ' ')
    .trim();

/**
 * A stable SHA-256 (hex) of a story's identity: normalised title, lead and publishedOn. The same story
 * re-imported from Windows-1256, with Arabic yeh/kaf, CRLF or a BOM hashes the same; use it as the
 * idempotency key of an import.
 */
export const contentHash = (story: {
  title: string;
  lead: string;
  publishedOn: string | null;
}): string =>
  createHash('sha256')
    .update(
      [HASH_VERSION, normalise(story.title), normalise(story.lead), story.publishedOn ?? ''].join(
        '\u001F'
      ),
      'utf8'
    )
    .digest('hex');
