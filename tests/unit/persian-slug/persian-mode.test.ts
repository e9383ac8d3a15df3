import { persianSlug, SlugError, SlugMode } from '../../../src/plugins/persian-slug/core';
import { thrown } from './thrown';

const SEED_TITLE = 'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر';
const SEED_SLUG = 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر';

describe('persianSlug, persian mode', () => {
  it.each([
    // [case, title, slug]
    ['seed title', SEED_TITLE, SEED_SLUG],
    ['ZWNJ separates words', 'می‌شود', 'می-شود'],
    ['ZWNJ and space agree', 'می شود', 'می-شود'],
    ['ZWNJ in a plural', 'کتاب‌ها و مقاله‌ها', 'کتاب-ها-و-مقاله-ها'],
    ['Arabic yeh and kaf', 'كاظمي', 'کاظمی'],
    ['alef maksura', 'مصطفى', 'مصطفی'],
    ['teh marbuta', 'مدرسة', 'مدرسه'],
    ['heh with yeh above', 'خانۀ ما', 'خانه-ما'],
    ['heh with a separate hamza mark', 'خانهٔ ما', 'خانه-ما'],
    ['heh doachashmee', 'ھمه', 'همه'],
    ['ae', 'خانە', 'خانه'],
    ['alef with hamza above and below, wasla', 'أحمد إسلام ٱلله', 'احمد-اسلام-الله'],
    ['waw with hamza', 'مسؤول', 'مسوول'],
    ['آ ئ ء are kept', 'آب مسئول جزء', 'آب-مسئول-جزء'],
    ['harakat and shadda', 'مُحَمَّدٌ', 'محمد'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['tatweel', 'ســـلام', 'سلام'],
    ['Persian digits', 'سال ۱۴۰۳', 'سال-1403'],
    ['Arabic-Indic digits', '٢٠٢٤', '2024'],
    ['punctuation without spaces', '«سلام»،دنیا؟', 'سلام-دنیا'],
    ['colon, slash, semicolon', 'الف:ب/پ؛ت', 'الف-ب-پ-ت'],
    ['decimal point and Persian decimal separator', 'نسخه ۲.۵ و ۳٫۱', 'نسخه-2-5-و-3-1'],
    ['hyphens and spaces collapse', '  -- تهران -- اصفهان --  ', 'تهران-اصفهان'],
    ['mixed Latin', 'ICT و دولت الکترونیک', 'ict-و-دولت-الکترونیک'],
    ['Latin accents', 'Café Déjà', 'cafe-deja'],
    ['Latin combining accent', 'nai\u0308ve', 'naive'],
    ['Latin letters without decomposition', 'Straße Søren Łódź', 'strasse-soren-lodz'],
    ['Latin and Persian in one word', 'iPhoneها', 'iphoneها'],
    ['emoji between words', 'سلام 🌹 دنیا', 'سلام-دنیا'],
    ['emoji inside a word', 'سلام🌹دنیا', 'سلام-دنیا'],
    ['lam-alef ligature', 'ﻻ', 'لا'],
    ['rial sign', '۱۰۰ ﷼', '100-ریال'],
    ['presentation forms', 'ﺳﻼﻡ', 'سلام'],
    ['fullwidth Latin', 'ＡＢＣ', 'abc'],
    ['subscript digit', 'CO₂', 'co2'],
    ['RLM and LRM removed', '\u200Fسلام\u200E دنیا', 'سلام-دنیا'],
    ['RLM inside a word does not split it', 'سل\u200Fام', 'سلام'],
    ['isolates', '\u2067ایران\u2069 2024', 'ایران-2024'],
    ['ZWJ inside a word', 'سل\u200Dام', 'سلام'],
    ['BOM', '\uFEFFسلام', 'سلام'],
    ['soft hyphen', 'news\u00ADpaper', 'newspaper'],
    ['no-break, thin and narrow no-break spaces', 'الف\u00A0ب\u2009پ\u202Fت', 'الف-ب-پ-ت'],
    ['line breaks and tabs', 'الف\nب\tپ', 'الف-ب-پ'],
  ])('%s', (_case, title, slug) => {
    expect(persianSlug(title)).toBe(slug);
  });

  it('is NFC and never percent-encoded', () => {
    const slug = persianSlug('آ\u0627\u0653'); // precomposed and decomposed alef madda
    expect(slug).toBe('آآ');
    expect(slug.normalize('NFC')).toBe(slug);
    expect(slug).not.toMatch(/%/);
  });

  describe('length', () => {
    const word = 'خبرها'; // 5 code points

    it('keeps the words that fit in 100 code points', () => {
      const title = Array(17).fill(word).join(' '); // 17 words: 101 code points as a slug
      const slug = persianSlug(title);
      expect(slug).toBe(Array(16).fill(word).join('-'));
      expect(slug.length).toBe(95);
    });

    it('keeps a slug of exactly 100 code points', () => {
      const title = `${Array(16).fill(word).join(' ')} ابcd`;
      expect(persianSlug(title).length).toBe(100);
    });

    it('stops at the first word that does not fit', () => {
      expect(persianSlug(`${'ب'.repeat(60)} ${'پ'.repeat(60)} ت`)).toBe('ب'.repeat(60));
    });

    it('cuts a single 150-letter word at 100', () => {
      expect(persianSlug('ب'.repeat(150))).toBe('ب'.repeat(100));
      expect(persianSlug('x'.repeat(150))).toBe('x'.repeat(100));
    });

    it('counts a decomposed letter once', () => {
      expect(persianSlug('\u0627\u0653'.repeat(120))).toBe('آ'.repeat(100));
    });

    it('honours a shorter maxLength', () => {
      expect(persianSlug(SEED_TITLE, { maxLength: 12 })).toBe('پیش-بینی-یک');
      expect(persianSlug(SEED_TITLE, { maxLength: 2 })).toBe('پی');
    });

    it.each([0, 101, 1.5, NaN])('rejects maxLength %p as a programming error', (maxLength) => {
      expect(() => persianSlug(SEED_TITLE, { maxLength })).toThrow(RangeError);
    });
  });

  describe('nothing left', () => {
    it.each([
      ['emoji only', '🎉🎉'],
      ['a family emoji joined with ZWJ', '👨\u200D👩\u200D👧'],
      ['empty', ''],
      ['spaces and ZWNJ', ' \u200C \u00A0'],
      ['punctuation', '«»،؛؟!?'],
      ['marks and tatweel', '\u064Eـ\u0651'],
      ['another script', 'Москва'],
    ])('%s is a SlugError, never a random slug', (_case, title) => {
      const error = thrown(() => persianSlug(title));
      expect(error).toBeInstanceOf(SlugError);
      expect(error).toMatchObject({
        name: 'SlugError',
        code: 'EMPTY_SLUG',
        message: expect.stringMatching(/no Persian letters, Latin letters or digits/),
        messageFa: 'از این عنوان نامکی ساخته نمی‌شود؛ نامک را دستی بنویسید.',
      });
    });

    it('quotes a long input briefly and without breaking surrogate pairs', () => {
      const error = thrown(() => persianSlug('🎉'.repeat(100))) as SlugError;
      expect(error.message).toContain(`"${'🎉'.repeat(40)}…"`);
    });
  });

  it('rejects an unknown mode as a programming error', () => {
    expect(() => persianSlug(SEED_TITLE, { mode: 'arabic' as SlugMode })).toThrow(RangeError);
  });

  it('rejects a non-string from plain JavaScript with a TypeError', () => {
    expect(() => persianSlug(undefined as unknown as string)).toThrow(TypeError);
  });
});
