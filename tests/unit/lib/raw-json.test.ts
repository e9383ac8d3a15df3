import { findInvalidUtf8, tooDeepAt } from '../../../src/lib/raw-json';

const bytes = (...parts: Array<string | number[] | Buffer>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)))
  );

describe('findInvalidUtf8: the byte offset of the first invalid sequence and the key written before it', () => {
  it('is null for UTF-8, a written U+FFFD included', () => {
    expect(findInvalidUtf8(bytes('{"title":"خبر � فوری"}'))).toBeNull();
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a 0xFF', [0xff, 0xfe]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['a truncated Persian letter', [0xd8]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ])('%s after Persian text and a written U+FFFD', (_name, bad) => {
    const head = bytes('{"data":{"title":"عنوان � درست","lead":"لید ');
    expect(findInvalidUtf8(bytes(head, bad, '"}}'))).toEqual({
      offset: head.length,
      field: 'lead',
    });
  });

  it('names no field when no key came before', () => {
    expect(findInvalidUtf8(bytes([0xff], '{}'))).toEqual({ offset: 0, field: null });
  });
});

describe('tooDeepAt: where nesting first passes the limit, strings ignored', () => {
  it.each([
    ['[[[]]]', 3, -1],
    ['[[[[]]]]', 3, 3],
    ['{"a":{"b":[1]}}', 3, -1],
    ['{"a":{"b":[[1]]}}', 3, 11],
    ['{"t":"[[[[{{{{"}', 1, -1],
    ['{"t":"\\"[[[["}', 1, -1],
    ['{"t":"\\\\"}[[', 1, 11],
  ])('%s with at most %i levels → %i', (text, max, at) => {
    expect(tooDeepAt(text, max)).toBe(at);
  });

  it('scans 100,000 nested arrays without a stack', () => {
    expect(tooDeepAt('['.repeat(100000) + ']'.repeat(100000), 32)).toBe(32);
  });
});
