import fc from 'fast-check';
import iconv from 'iconv-lite';
import { ImportError, contentHash, parseArchiveFile, parseStory } from '../../../src/importer/core';
import { SALIMI, SEED, SEED_BYTES, utf8 } from './helpers';

const officials = [SALIMI];

/** Lines that exercise every rule: the seed's own lines and markup, footers, dates, bylines. */
const SEED_LINES = SEED.split('\n');
const LINE_POOL = [
  ...SEED_LINES,
  '',
  '---',
  '# تیتر',
  '## × زیرتیتر',
  '×',
  '**',
  '> نقل قول',
  'انتهای پیام',
  'انتهای پیام/ ۲۳',
  '۱۴۰۲/۱۲/۳۰',
  '۱۳۹۶/۰۸/۰۹ ساعت ۱۹:۲۳',
  'نویسنده: مریم احمدی',
  'اصغر سلیمی گفت:',
  'به گزارش ایرنا (',
  '![x](y)',
  '\r',
  '\u200C\u200F ',
];

const assertNeverThrows = (bytes: Uint8Array) => {
  const result = parseArchiveFile(bytes, { officials });
  if (!result.ok) expect(result.error.code).not.toBe('INTERNAL_ERROR');
};

describe('robustness', () => {
  it('parseArchiveFile never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), assertNeverThrows), { numRuns: 300 });
  });

  it('parseArchiveFile never throws on corrupted seed bytes', () => {
    const mutation = fc.array(
      fc.tuple(fc.nat(SEED_BYTES.length - 1), fc.integer({ min: 0, max: 255 })),
      { maxLength: 8 }
    );
    fc.assert(
      fc.property(mutation, (changes) => {
        const bytes = Buffer.from(SEED_BYTES);
        for (const [at, byte] of changes) bytes[at] = byte;
        assertNeverThrows(bytes);
      }),
      { numRuns: 200 }
    );
  });

  it('parseStory only ever throws ImportError on story-like text, and never leaves a footer or byline in the body', () => {
    const story = fc.array(fc.oneof(fc.constantFrom(...LINE_POOL), fc.string({ maxLength: 20 })), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(story, (lines) => {
        try {
          const parsed = parseStory(lines.join('\n'), { officials });
          expect(parsed.title).not.toBe('');
          expect(parsed.lead).not.toBe('');
          const last = parsed.body[parsed.body.length - 1];
          if (last) expect(last.text.trim().endsWith('انتهای پیام')).toBe(false);
          if (parsed.publishedOn !== null)
            expect(parsed.publishedOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as ImportError).code).not.toBe('INTERNAL_ERROR');
        }
      }),
      { numRuns: 300 }
    );
  });

  it('the seed with shuffled line ends, BOM and encodings always parses to the same hash', () => {
    const expected = contentHash(parseStory(SEED, { officials }));
    fc.assert(
      fc.property(
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        (eol, bom, arabic) => {
          let text = SEED.replace(/\n/g, eol);
          if (arabic) text = text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
          const bytes =
            arabic && !bom
              ? iconv.encode(
                  text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))),
                  'windows-1256'
                )
              : utf8(text);
          const withBom = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
          const result = parseArchiveFile(withBom, { officials });
          expect(result.ok).toBe(true);
          if (result.ok) expect(contentHash(result.article)).toBe(expected);
        }
      )
    );
  });

  it('contentHash ignores yeh/kaf forms, ZWNJ versus space, harakat and digit scripts, but not words', () => {
    const word = fc.constantFrom('یک', 'کتاب', 'می‌شود', 'سازمان', 'ها', '۱۴۰۲', 'تأکید', 'دولت');
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, text, (title, lead) => {
        const base = contentHash({ title, lead, publishedOn: null });
        const variant = (value: string) =>
          value
            .replace(/ی/g, 'ي')
            .replace(/ک/g, 'ك')
            .replace(/\u200C/g, ' ')
            .replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
        expect(
          contentHash({
            title: variant(title),
            lead: `  ${variant(lead)}\u064E `,
            publishedOn: null,
          })
        ).toBe(base);
        expect(contentHash({ title: `${title} نو`, lead, publishedOn: null })).not.toBe(base);
        expect(contentHash({ title, lead, publishedOn: '2017-10-31T15:53:00.000Z' })).not.toBe(
          base
        );
      }),
      { numRuns: 100 }
    );
  });
});

describe('pathological input stays fast', () => {
  const cases: Array<[string, string]> = [
    ['a long line of spaces and ZWNJ', `# تیتر\n\nلید.\n\n${'\u200C '.repeat(200000)}x`],
    ['a long line of markup characters', `# تیتر\n\nلید.\n\n${'*_- '.repeat(100000)}x`],
    ['a long paragraph of speech verbs', `# تیتر\n\nلید.\n\n${'علی رضایی گفت '.repeat(40000)}`],
    ['many short paragraphs', `# تیتر\n\n${'اصغر سلیمی گفت: متن.\n\n'.repeat(30000)}`],
    ['a long run of hashes', `# تیتر\n\nلید.\n\n## ${'#'.repeat(300000)} x`],
    ['many separators and footers', `# تیتر\n\nلید.\n\n${'---\n'.repeat(100000)}انتهای پیام`],
  ];

  // The process's CPU time, not the clock: a backtracking pattern spends seconds of CPU on these, while a
  // busy machine only stretches the wall time of a linear parse.
  it.each(cases)('%s', (_name, text) => {
    const started = process.cpuUsage();
    try {
      parseStory(text, { officials });
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
    }
    const spent = process.cpuUsage(started);
    expect((spent.user + spent.system) / 1000).toBeLessThan(3000);
  });
});
