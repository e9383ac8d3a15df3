import iconv from 'iconv-lite';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  decodeArchiveBytes,
  parseArchiveFile,
  parseStory,
} from '../../../src/importer/core';
import type { ImportErrorCode } from '../../../src/importer/core';
import {
  BYLINE,
  DATE_LINE,
  FOOTER_LINE,
  SEED,
  TITLE,
  lineOf,
  miniStory,
  replaceLine,
  utf8,
} from './helpers';

/** The seed's date line: «سه شنبه ۰۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ -» is line 32 (after four leading blank lines). */
const DATE_LINE_NO = 32;

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

const failure = (bytes: Uint8Array, maxBytes?: number) => {
  const result = parseArchiveFile(bytes, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
};

/** What parseStory throws for `text`. */
const thrown = (text: string, options = {}): ImportError => {
  try {
    parseStory(text, options);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected parseStory to throw');
};

describe('documents the importer refuses', () => {
  const cases: Array<[string, () => Uint8Array, ImportErrorCode, number | null]> = [
    ['an empty file', () => new Uint8Array(0), 'EMPTY_FILE', null],
    ['a byte-order mark alone', () => Buffer.from([0xef, 0xbb, 0xbf]), 'EMPTY_FILE', null],
    ['white space only', () => utf8(' \n\t\r\n\u00A0\u200C\u200F\n  '), 'EMPTY_FILE', null],
    ['a PNG image', () => PNG, 'BINARY_FILE', null],
    ['a PDF', () => utf8('%PDF-1.4\n%âãÏÓ\n'), 'BINARY_FILE', null],
    [
      'a ZIP (DOCX) archive',
      () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      'BINARY_FILE',
      null,
    ],
    [
      'text with NUL bytes',
      () => Buffer.concat([utf8(SEED.slice(0, 200)), Buffer.from([0]), utf8(SEED.slice(200))]),
      'BINARY_FILE',
      null,
    ],
    [
      'UTF-16 text',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED, 'utf16le')]),
      'UNKNOWN_ENCODING',
      null,
    ],
    [
      'Latin-1 text',
      () => iconv.encode('Café crème, déjà vu — résumé', 'latin1'),
      'UNKNOWN_ENCODING',
      null,
    ],
    [
      'UTF-8 with a broken byte',
      () => Buffer.concat([utf8(SEED.slice(0, 300)), Buffer.from([0xd8]), utf8(SEED.slice(300))]),
      'UNKNOWN_ENCODING',
      null,
    ],
    ['a file over the limit', () => Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20), 'TOO_LARGE', null],
    [
      'a story with no title',
      () => utf8(replaceLine(SEED, TITLE, null)),
      'NO_TITLE',
      lineOf(replaceLine(SEED, TITLE, null), BYLINE),
    ],
    [
      'a title and nothing else',
      () => utf8(`# ${TITLE}\n\n${BYLINE}\n${DATE_LINE}\n`),
      'NO_LEAD',
      1,
    ],
    ['separators and a footer only', () => utf8('---\n\nانتهای پیام\n'), 'NO_TITLE', 1],
  ];

  it.each(cases)('%s', (_name, bytes, code, line) => {
    const error = failure(bytes());
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(/\w/);
    expect(error.messageFa).toMatch(/[\u0600-\u06FF]/);
  });

  it('an impossible date: BAD_DATE on the date line, wrapping the Jalali error', () => {
    expect(lineOf(SEED, DATE_LINE)).toBe(DATE_LINE_NO);
    const text = replaceLine(SEED, DATE_LINE, '۱۴۰۲/۱۲/۳۰ ساعت ۱۹:۲۳');
    const error = failure(utf8(text));
    expect(error).toMatchObject({ code: 'BAD_DATE', line: DATE_LINE_NO });
    expect(error.message).toMatch(/line 32.*Esfand 1402/);
    expect(error.messageFa).toContain('اسفند ۱۴۰۲ ۲۹ روز دارد');
    // The same line with CRLF ends and a BOM.
    const crlf = failure(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text.replace(/\n/g, '\r\n'))])
    );
    expect(crlf).toMatchObject({ code: 'BAD_DATE', line: DATE_LINE_NO });
  });

  it('a weekday that disagrees with the date, a month that does not exist, a Gregorian year', () => {
    for (const line of [
      'دوشنبه ۰۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳',
      '۱۳۹۶/۱۳/۰۱',
      '2017/10/31',
      '۹ آبان ۱۳۹۶ ساعت ۲۵:۰۰',
    ]) {
      expect(failure(utf8(replaceLine(SEED, DATE_LINE, line)))).toMatchObject({
        code: 'BAD_DATE',
        line: DATE_LINE_NO,
      });
    }
  });

  it('two stories merged: MERGED_STORIES on the first footer line', () => {
    const merged = `${SEED}\n\n${SEED}`;
    expect(failure(utf8(merged))).toMatchObject({
      code: 'MERGED_STORIES',
      line: lineOf(SEED, FOOTER_LINE),
    });
    const second = miniStory(['متن خبر دوم.']);
    const mergedMini = `${replaceLine(SEED, FOOTER_LINE, 'انتهای پیام/ ۲۳')}\n${second}`;
    expect(failure(utf8(mergedMini.replace(/\n/g, '\r\n')))).toMatchObject({
      code: 'MERGED_STORIES',
      line: lineOf(SEED, FOOTER_LINE),
    });
  });

  it('a footer mentioned inside a sentence is not a merge', () => {
    const text = SEED.replace('وی تاکید کرد:', 'وی در انتهای پیام خود تاکید کرد:');
    expect(parseArchiveFile(utf8(text)).ok).toBe(true);
  });

  it('parseStory throws ImportError with code, line and both messages', () => {
    const error = thrown(replaceLine(SEED, DATE_LINE, '۱۴۰۲/۱۲/۳۰'));
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ name: 'ImportError', code: 'BAD_DATE', line: DATE_LINE_NO });
    expect(thrown('')).toMatchObject({ code: 'EMPTY_FILE', line: null });
    expect(thrown('a\u0000b')).toMatchObject({ code: 'BINARY_FILE' });
    expect(thrown('\u0001\u0002\u0003 text')).toMatchObject({ code: 'BINARY_FILE' });
    expect(thrown(SEED, { maxBytes: 1000 })).toMatchObject({ code: 'TOO_LARGE' });
    expect(failure(utf8(SEED), 1000)).toMatchObject({ code: 'TOO_LARGE', line: null });
  });

  it('decodeArchiveBytes throws ImportError too', () => {
    expect(() => decodeArchiveBytes(PNG)).toThrow(ImportError);
    expect(() => decodeArchiveBytes(new Uint8Array(0))).toThrow(
      expect.objectContaining({ code: 'EMPTY_FILE' })
    );
  });

  it('oversized input is refused before it is read', () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES * 4, 0x41);
    // CPU time, not the clock: reading the bytes would cost CPU, a busy machine only stretches the clock.
    const started = process.cpuUsage();
    expect(failure(big).code).toBe('TOO_LARGE');
    const spent = process.cpuUsage(started);
    expect((spent.user + spent.system) / 1000).toBeLessThan(1000);
  });
});
