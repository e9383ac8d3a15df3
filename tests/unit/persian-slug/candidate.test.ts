import {
  SLUG_MAX_LENGTH,
  SlugError,
  firstFreeCandidate,
  isValidSlug,
  slugCandidate,
} from '../../../src/plugins/persian-slug/core';
import { thrown } from './thrown';

const word = 'خبرها'; // 5 code points
const sixteenWords = Array(16).fill(word).join('-'); // 95 code points

describe('slugCandidate', () => {
  it('gives base, base-2, base-3 … and never base-1', () => {
    expect([1, 2, 3, 10].map((n) => slugCandidate('خبر', n))).toEqual([
      'خبر',
      'خبر-2',
      'خبر-3',
      'خبر-10',
    ]);
  });

  it('works for latin-mode bases', () => {
    expect(slugCandidate('asghr-slimi', 2)).toBe('asghr-slimi-2');
  });

  describe('near the limit', () => {
    const base = `${sixteenWords}-abcd`; // exactly 100 code points

    it.each([
      [2, `${sixteenWords}-2`],
      [10, `${sixteenWords}-10`],
      [1000, `${sixteenWords}-1000`], // 95 + 5 = 100: still fits
      [10000, `${Array(15).fill(word).join('-')}-10000`], // 89 + 6
    ])('drops whole words to fit -%i', (n, candidate) => {
      expect(base.length).toBe(SLUG_MAX_LENGTH);
      expect(slugCandidate(base, n)).toBe(candidate);
    });

    it('cuts a single 100-letter word to make room', () => {
      expect(slugCandidate('ب'.repeat(100), 2)).toBe(`${'ب'.repeat(98)}-2`);
      expect(slugCandidate('ب'.repeat(100), 150)).toBe(`${'ب'.repeat(96)}-150`);
    });

    it('never gives back the base itself when the base already ends in -n', () => {
      const endsInTwo = `${'ب'.repeat(98)}-2`;
      expect(slugCandidate(endsInTwo, 2)).toBe(`${'ب'.repeat(97)}-2`);
      expect(slugCandidate(endsInTwo, 3)).toBe(`${'ب'.repeat(98)}-3`);
      const wordsEndingInTwo = `${sixteenWords}-ab-2`; // 100
      expect(slugCandidate(wordsEndingInTwo, 2)).toBe(`${sixteenWords}-2`);
    });

    it('honours a shorter maxLength', () => {
      expect(slugCandidate('الف-ب-پ', 2, 7)).toBe('الف-ب-2');
      expect(slugCandidate('الف-ب-پ', 10, 7)).toBe('الف-10');
    });
  });

  it.each(['', 'Hello World', 'a--b', '-a', 'كاظمي', 'می‌شود', 'ب'.repeat(101)])(
    'rejects the non-canonical base %p with INVALID_SLUG',
    (base) => {
      const error = thrown(() => slugCandidate(base, 2));
      expect(error).toBeInstanceOf(SlugError);
      expect(error).toMatchObject({
        code: 'INVALID_SLUG',
        messageFa: expect.stringContaining('۱۰۰'),
      });
    }
  );

  it('rejects a base longer than a shorter maxLength', () => {
    expect(thrown(() => slugCandidate('abcdef', 1, 5))).toMatchObject({ code: 'INVALID_SLUG' });
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects n = %p as a programming error', (n) => {
    expect(() => slugCandidate('خبر', n)).toThrow(RangeError);
  });

  it('rejects a maxLength that leaves no room for the suffix', () => {
    expect(() => slugCandidate('ab', 2, 2)).toThrow(RangeError);
    expect(() => slugCandidate('a-2', 2, 3)).toThrow(RangeError);
  });

  it('gives 200 distinct valid candidates for a base at the limit', () => {
    const base = `${sixteenWords}-abcd`;
    const candidates = Array.from({ length: 200 }, (_, index) => slugCandidate(base, index + 1));
    expect(new Set(candidates).size).toBe(200);
    candidates.forEach((candidate) => expect(isValidSlug(candidate)).toBe(true));
  });
});

describe('firstFreeCandidate', () => {
  it('is the first of base, base-2, … the check accepts, asked in that order', async () => {
    const asked: string[] = [];
    const taken = new Set(['خبر', 'خبر-2', 'خبر-4']);
    const slug = await firstFreeCandidate(
      'خبر',
      (candidate) => (asked.push(candidate), !taken.has(candidate))
    );
    expect(slug).toBe('خبر-3');
    expect(asked).toEqual(['خبر', 'خبر-2', 'خبر-3']);
  });

  it('waits for a check that goes to the database, and gives up after the tries allowed', async () => {
    expect(await firstFreeCandidate('خبر', async (candidate) => candidate === 'خبر-2')).toBe(
      'خبر-2'
    );
    await expect(firstFreeCandidate('خبر', () => false, 3)).rejects.toThrow(
      'No free slug for "خبر" in 3 candidates.'
    );
  });
});
