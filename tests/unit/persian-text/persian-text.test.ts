import fc from 'fast-check';
import {
  buildSnippet,
  cleanEditorText,
  indexKey,
  markdownText,
  parseSearchQuery,
  searchKey,
  SearchQueryError,
  snippetHtml,
} from '../../../src/plugins/persian-text/core';
import { isBlankText } from '../../../src/persian';

describe('cleanEditorText', () => {
  it.each([
    ['كاظمي', 'کاظمی'],
    ['مصطفى', 'مصطفی'],
    ['ســـلام', 'سلام'],
    ['\u202Bمتن\u202C \u200Fفارسی\u200E', 'متن فارسی'],
    ['می‌شود ۱۴۰۳ 1403 ٣', 'می‌شود ۱۴۰۳ 1403 ٣'], // digits and ZWNJ as written
    ['مُحَمَّد', 'مُحَمَّد'], // marks are the editor's business
  ])('%s → %s', (input, output) => expect(cleanEditorText(input)).toBe(output));

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) => cleanEditorText(cleanEditorText(text)) === cleanEditorText(text)
      )
    );
  });
});

describe('searchKey: one spelling for index and queries', () => {
  it.each([
    [['می‌شود', 'می شود', 'میشود'], 'میشود'],
    [['کتاب‌ها', 'کتاب ها', 'کتابها'], 'کتابها'],
    [['بزرگ‌ترین', 'بزرگ ترین', 'بزرگترین'], 'بزرگترین'],
    [['كاظمي', 'کاظمی', 'کاظمى'], 'کاظمی'],
    [['مُحَمَّد', 'محـمد', 'محمد'], 'محمد'],
    [['۱۴۰۳', '١٤٠٣', '1403'], '1403'],
    [['خانۀ', 'خانة', 'خانه'], 'خانه'],
    [['ICT', 'ict'], 'ict'],
  ])('%j → %s', (spellings, key) => {
    for (const spelling of spellings) expect(searchKey(spelling)).toBe(key);
  });

  it('punctuation separates words', () => {
    expect(searchKey('«سلام»،دنیا؟')).toBe('سلام دنیا');
  });

  it('indexKey adds the stems of joined words after the words themselves', () => {
    expect(indexKey('کتاب ها می‌شود')).toBe('کتابها میشود کتاب شود');
  });
});

describe('parseSearchQuery', () => {
  it('reads words and quoted phrases', () => {
    expect(parseSearchQuery('«دیدار کاظمی» وزیر "نفت خام"')).toEqual({
      terms: ['وزیر'],
      phrases: [
        ['دیدار', 'کاظمی'],
        ['نفت', 'خام'],
      ],
    });
  });

  it.each(['', '   ', '؟!«»', '\u200C\u200C'])('refuses %j as empty', (q) => {
    expect(() => parseSearchQuery(q)).toThrow(SearchQueryError);
  });

  it('refuses a query over 200 characters', () => {
    expect(() => parseSearchQuery('ب'.repeat(201))).toThrow(/at most 200/);
  });

  it('never yields anything but letters and digits, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        try {
          const { terms, phrases } = parseSearchQuery(q);
          return [...terms, ...phrases.flat()].every((word) => /^[\p{L}\p{N}]+$/u.test(word));
        } catch (error) {
          return error instanceof SearchQueryError;
        }
      })
    );
  });
});

describe('markdownText: what a reader sees of a paragraph', () => {
  it.each([
    ['سایت ([IR.ICTB.WWW](http://IR.ICTB.WWW))', 'سایت (IR.ICTB.WWW)'],
    [
      '**پررنگ** و *کج* و _زیر_ و ~~خط~~, snake_case_name',
      'پررنگ و کج و زیر و خط, snake_case_name',
    ],
    [
      '![عکس](a.png) [پیوند](https://x.ir/a_(b) "عنوان") [مرجع][1] <https://a.ir>',
      'عکس پیوند مرجع https://a.ir',
    ],
    ['# تیتر\n> نقل\n- یک\n2. دو', 'تیتر\nنقل\nیک\n2. دو'],
    ['\\*نه کج\\* و `کد *خام*`', '*نه کج* و کد *خام*'],
    ['[پیوند](javascript:alert(1)) <b>متن</b>', 'پیوند <b>متن</b>'],
    ['2 * 3 = 6 و a * b', '2 * 3 = 6 و a * b'],
  ])('%j → %j', (markdown, text) => expect(markdownText(markdown)).toBe(text));

  it('plain text without marks comes back unchanged', () => {
    fc.assert(
      fc.property(
        fc.stringOf(fc.constantFrom('ا', 'ب', ' ', '.', '،', 'x', '1', '\n', '(', ')', '[')),
        (text) => markdownText(text) === text
      )
    );
  });
});

describe('snippets', () => {
  it('marks every matching word, escapes the rest', () => {
    const snippet = buildSnippet('<b>کتاب‌ها</b> و کتاب', ['کتاب'])!;
    expect(snippetHtml(snippet)).toBe(
      '&lt;b&gt;<mark>کتاب‌ها</mark>&lt;/b&gt; و <mark>کتاب</mark>'
    );
  });

  it('cuts long texts around the first match', () => {
    const snippet = buildSnippet(`${'الف '.repeat(100)}هدف${' ب'.repeat(100)}`, ['هدف'], 20)!;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThan(50);
  });

  it('is null when nothing matches', () => {
    expect(buildSnippet('متن', ['دیگر'])).toBeNull();
  });
});

describe('isBlankText: nothing a reader could see', () => {
  it.each([
    '',
    '   ',
    '\u00A0\u00A0',
    'ـــ',
    '\u200C\u200D',
    '\u200F\u202B\u2066',
    '\u064B\u0650',
    '\t\n',
    '\u3164',
    '\uFEFF',
  ])('%j is blank', (text) => {
    expect(isBlankText(text)).toBe(true);
  });

  it.each(['ب', ' ا ', '۱', 'a', '🔥', 'ـبـ', '.'])('%j is not', (text) => {
    expect(isBlankText(text)).toBe(false);
  });
});
