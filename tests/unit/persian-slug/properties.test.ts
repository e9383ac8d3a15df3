import fc from 'fast-check';
import {
  SLUG_MAX_LENGTH,
  SlugError,
  SlugMode,
  isValidSlug,
  normalizeSlugLookup,
  persianSlug,
  slugCandidate,
} from '../../../src/plugins/persian-slug/core';

/** Characters that exercise every step of the rule, so random titles are not mostly foreign symbols. */
const INTERESTING = Array.from(
  'اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئء' + // the alphabet's Persian letters
    'يىكةۀھەأإٱؤ' + // variants folded onto them
    '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789' +
    'aZéÉßøÆİı' +
    '\u064E\u0651\u0654\u0670\u0301' + // marks
    '\u0640\u200C\u200D\u200F\u2067\u2069\uFEFF\u00AD' + // tatweel, ZWNJ, ZWJ, bidi, BOM, soft hyphen
    ' \u00A0\u2009-_.،؛؟«»:/%' +
    'ﻻ﷼ﺳ'
).concat(['🎉', '👨\u200D👩\u200D👧', '\uD800']);

const title = fc.oneof(
  fc
    .array(fc.constantFrom(...INTERESTING), { maxLength: 160 })
    .map((characters) => characters.join('')),
  fc.fullUnicodeString({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 60 }) // lone surrogates too
);
const mode = fc.constantFrom<SlugMode>('persian', 'latin');

/** The slug, or undefined when the rule leaves nothing; any other throw fails the property. */
const slugOf = (text: string, slugMode: SlugMode): string | undefined => {
  try {
    return persianSlug(text, { mode: slugMode });
  } catch (error) {
    if (error instanceof SlugError && error.code === 'EMPTY_SLUG') return undefined;
    throw error;
  }
};

const SHAPE: Record<SlugMode, RegExp> = {
  persian:
    /^[اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئءa-z0-9]+(-[اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئءa-z0-9]+)*$/,
  latin: /^[a-z0-9]+(-[a-z0-9]+)*$/,
};

describe('slug properties', () => {
  it('never throws anything but SlugError EMPTY_SLUG', () => {
    fc.assert(
      fc.property(title, mode, (text, slugMode) => {
        slugOf(text, slugMode);
      }),
      { numRuns: 500 }
    );
  });

  it('is made of the alphabet and single hyphens, within 100 code points, in NFC', () => {
    fc.assert(
      fc.property(title, mode, (text, slugMode) => {
        const slug = slugOf(text, slugMode);
        if (slug === undefined) return;
        expect(slug).toMatch(SHAPE[slugMode]); // no leading, trailing or doubled hyphen
        expect(Array.from(slug).length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
        expect(slug.normalize('NFC')).toBe(slug);
        expect(isValidSlug(slug, slugMode)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it('is idempotent: the slug of a slug is itself', () => {
    fc.assert(
      fc.property(title, mode, (text, slugMode) => {
        const slug = slugOf(text, slugMode);
        if (slug !== undefined) expect(persianSlug(slug, { mode: slugMode })).toBe(slug);
      }),
      { numRuns: 500 }
    );
  });

  it('respects a shorter maxLength', () => {
    fc.assert(
      fc.property(title, fc.integer({ min: 1, max: SLUG_MAX_LENGTH }), (text, maxLength) => {
        try {
          expect(persianSlug(text, { maxLength }).length).toBeLessThanOrEqual(maxLength);
        } catch (error) {
          expect(error).toBeInstanceOf(SlugError);
        }
      })
    );
  });

  it('isValidSlug holds exactly for the strings the rule leaves unchanged', () => {
    const nearSlug = fc
      .array(fc.constantFrom('ا', 'آ', 'ی', 'ي', 'a', 'A', '1', '-', '-', ' ', '\u200C'), {
        maxLength: 12,
      })
      .map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.oneof(nearSlug, title), mode, (text, slugMode) => {
        expect(isValidSlug(text, slugMode)).toBe(slugOf(text, slugMode) === text);
      }),
      { numRuns: 500 }
    );
  });

  it('does not depend on invisible characters and marks inside words', () => {
    const words = fc.array(fc.stringMatching(/^[ابپتسشکگلمنوهی]{1,8}$/), {
      minLength: 1,
      maxLength: 8,
    });
    // No madda (U+0653): after ا it composes آ, a different letter.
    const noise = fc.constantFrom(
      '\u0640',
      '\u200D',
      '\u200F',
      '\u200E',
      '\u2067',
      '\uFEFF',
      '\u00AD',
      '\u064E',
      '\u0651',
      '\u0670'
    );
    fc.assert(
      fc.property(words, fc.array(fc.tuple(fc.nat(), noise)), (plainWords, insertions) => {
        const plain = plainWords.join(' ');
        const noisy = insertions.reduce((text, [at, character]) => {
          const position = at % (text.length + 1);
          return `${text.slice(0, position)}${character}${text.slice(position)}`;
        }, plain);
        expect(persianSlug(noisy)).toBe(persianSlug(plain));
      })
    );
  });

  it('treats ZWNJ as a space and Arabic yeh and kaf as Persian', () => {
    const words = fc.array(fc.stringMatching(/^[ابتسکمنی]{1,6}$/), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(words, (plainWords) => {
        const spaced = plainWords.join(' ');
        const joined = plainWords.join('\u200C').replace(/ی/g, 'ي').replace(/ک/g, 'ك');
        expect(persianSlug(joined)).toBe(persianSlug(spaced));
      })
    );
  });

  it('normalizeSlugLookup finds the slug from the slug, its percent-encoding or the title', () => {
    fc.assert(
      fc.property(fc.oneof(title, fc.fullUnicodeString({ maxLength: 60 })), (text) => {
        const slug = slugOf(text, 'persian');
        if (slug === undefined) return;
        expect(normalizeSlugLookup(slug)).toBe(slug);
        expect(normalizeSlugLookup(encodeURIComponent(slug))).toBe(slug);
        if (!/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
          expect(normalizeSlugLookup(encodeURIComponent(text))).toBe(slug);
        }
      }),
      { numRuns: 300 }
    );
  });

  it('normalizeSlugLookup never throws anything but SlugError', () => {
    const raw = fc.oneof(
      title,
      fc
        .array(fc.constantFrom('%', 'D', '8', 'A', '7', 'F', '0', 'E', 'z', '-'), { maxLength: 20 })
        .map((c) => c.join(''))
    );
    fc.assert(
      fc.property(raw, (text) => {
        try {
          normalizeSlugLookup(text);
        } catch (error) {
          expect(error).toBeInstanceOf(SlugError);
          expect(['MALFORMED_SLUG', 'EMPTY_SLUG']).toContain((error as SlugError).code);
        }
      }),
      { numRuns: 500 }
    );
  });

  it('slugCandidate gives distinct valid slugs for n = 1..200', () => {
    // Many short words, numbers among them, so bases sit at the limit and sometimes end in -n.
    const word = fc.oneof(
      fc.stringMatching(/^[ابپتسشکگلمنوهیa-z]{1,12}$/),
      fc.integer({ min: 1, max: 200 }).map(String)
    );
    const base = fc
      .array(word, { minLength: 1, maxLength: 40 })
      .map((words) => persianSlug(words.join(' ')));
    fc.assert(
      fc.property(base, (slug) => {
        const candidates = Array.from({ length: 200 }, (_, index) =>
          slugCandidate(slug, index + 1)
        );
        expect(candidates[0]).toBe(slug);
        expect(new Set(candidates).size).toBe(200);
        // One expect per run: 200 matcher calls per run would dominate the suite's time.
        const malformed = candidates.filter(
          (candidate, index) =>
            !isValidSlug(candidate) || (index > 0 && !candidate.endsWith(`-${index + 1}`))
        );
        expect(malformed).toEqual([]);
      }),
      { numRuns: 100 }
    );
  });
});
