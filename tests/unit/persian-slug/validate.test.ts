import {
  LATIN_SLUG_CHARACTERS,
  PERSIAN_SLUG_LETTERS,
  SLUG_ALPHABET,
  SLUG_UID_REGEX,
  isValidSlug,
  persianSlug,
} from '../../../src/plugins/persian-slug/core';

describe('alphabet', () => {
  it('holds 35 Persian letters, a–z and 0–9, each once', () => {
    expect(PERSIAN_SLUG_LETTERS).toHaveLength(35);
    expect(LATIN_SLUG_CHARACTERS).toBe('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(new Set(SLUG_ALPHABET).size).toBe(71);
    expect(SLUG_ALPHABET).toHaveLength(71);
  });

  it.each(Array.from(SLUG_ALPHABET))(
    '%s is its own slug (stable under every step of the rule)',
    (character) => {
      expect(persianSlug(character)).toBe(character);
    }
  );

  it('spells every Persian letter in a–z, or drops it (ء)', () => {
    PERSIAN_SLUG_LETTERS.filter((letter) => letter !== 'ء').forEach((letter) => {
      expect(persianSlug(letter, { mode: 'latin' })).toMatch(/^[a-z]+$/);
    });
  });
});

describe('SLUG_UID_REGEX', () => {
  it('is pinned: content-type schemas hold a copy of this exact string', () => {
    expect(SLUG_UID_REGEX).toBe(
      '^(?=.{1,100}$)[اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئءa-z0-9]+(?:-[اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئءa-z0-9]+)*$'
    );
  });

  it('compiles without flags, as Strapi does', () => {
    const strapiRegex = new RegExp(SLUG_UID_REGEX);
    expect(strapiRegex.test('پیش-بینی-2')).toBe(true);
    expect(strapiRegex.test('asghr-slimi')).toBe(true);
    expect(strapiRegex.test('ب'.repeat(100))).toBe(true);
    expect(strapiRegex.test('ب'.repeat(101))).toBe(false);
    expect(strapiRegex.test('Hello')).toBe(false);
  });
});

describe('isValidSlug', () => {
  it.each([
    // [slug, persian mode, latin mode]
    ['پیش-بینی-یک-نماینده', true, false],
    ['asghr-slimi', true, true],
    ['ict-و-دولت', true, false],
    ['2024', true, true],
    ['ب'.repeat(100), true, false],
    ['a'.repeat(100), true, true],
    ['a'.repeat(101), false, false],
    ['', false, false],
    ['-a', false, false],
    ['a-', false, false],
    ['a--b', false, false],
    ['A', false, false],
    ['a b', false, false],
    ['كاظمي', false, false],
    ['می‌شود', false, false],
    ['\u0627\u0653', false, false], // alef + madda: not NFC
    ['%D8%A7', false, false],
    ['café', false, false],
    ['سلام\n', false, false],
  ])('%p: persian %p, latin %p', (slug, persian, latinMode) => {
    expect(isValidSlug(slug)).toBe(persian);
    expect(isValidSlug(slug, 'persian')).toBe(persian);
    expect(isValidSlug(slug, 'latin')).toBe(latinMode);
  });
});
