import fc from 'fast-check';
import { siblingsSerializer } from '../../../src/plugins/jalali-date/server/siblings-json';

const KEYS = ['publishedOn', 'publishedAt', 'updatedAt'];

/** A sibling that shows what it was made of. */
const siblingOf = (value: string | null) =>
  Buffer.from(JSON.stringify(value === null ? null : { of: value }));

/**
 * The rule, written as plainly as possible: a copy of the body with `<key>Jalali` right after every key of
 * KEYS, at any depth, the matched key's value not searched further; strings are what get converted.
 */
const reference = (node: unknown, keys: readonly string[]): unknown => {
  if (Array.isArray(node)) return node.map((item) => reference(item, keys));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown) =>
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const [key, value] of Object.entries(
    JSON.parse(JSON.stringify(node)) as Record<string, unknown>
  )) {
    if (keys.includes(key)) {
      put(key, value);
      put(
        `${key}Jalali`,
        JSON.parse(siblingOf(typeof value === 'string' ? value : null).toString())
      );
    } else {
      put(key, reference(value, keys));
    }
  }
  return out;
};

const serialize = siblingsSerializer(KEYS, siblingOf);
const text = (body: unknown) => serialize(body)!.toString('utf8');
const expected = (body: unknown, keys = KEYS) => JSON.stringify(reference(body, keys));

describe('REST bodies serialised with Jalali siblings', () => {
  it('puts a sibling right after each timestamp of entries, relations and components', () => {
    const body = {
      data: [
        {
          id: 1,
          title: 'نشست خبری',
          publishedOn: '2017-10-31T15:53:00.000Z',
          publishedAt: '2024-01-01T10:00:00.000Z',
          updatedAt: null,
          section: { name: 'سیاسی', publishedAt: '2023-05-05T05:05:05.000Z' },
          quotedOfficials: [{ name: 'اصغر سلیمی', updatedAt: '2022-09-21T19:30:00.000Z' }],
          body: [{ __component: 'story.paragraph', text: 'متن' }],
        },
      ],
      meta: { pagination: { page: 1, pageSize: 25, total: 1 } },
    };
    expect(text(body)).toBe(expected(body));
    expect(text(body)).toContain(
      '"publishedOn":"2017-10-31T15:53:00.000Z","publishedOnJalali":{"of":"2017-10-31T15:53:00.000Z"}'
    );
    expect(text(body)).toContain('"updatedAt":null,"updatedAtJalali":null');
  });

  it('gives null for values that are not strings, and does not look inside them', () => {
    const body = {
      publishedAt: { publishedAt: '2024-01-01T10:00:00.000Z', list: [1, { updatedAt: 'x' }] },
      updatedAt: 17,
      publishedOn: [true, '2024-01-01T10:00:00.000Z'],
      nested: { publishedOn: false, after: 'kept' },
    };
    const out = JSON.parse(text(body));
    expect(out.publishedAtJalali).toBeNull();
    expect(out.publishedAt).toEqual(body.publishedAt);
    expect(out.publishedAt.publishedAtJalali).toBeUndefined();
    expect(out.updatedAtJalali).toBeNull();
    expect(out.publishedOnJalali).toBeNull();
    expect(out.nested).toEqual({ publishedOn: false, publishedOnJalali: null, after: 'kept' });
    expect(text(body)).toBe(expected(body));
  });

  it('is not fooled by the pattern inside strings or by keys that only end in a key name', () => {
    const body = {
      lead: ',"publishedAt":"2024-01-01T10:00:00.000Z" {"updatedAt":null}',
      'a"publishedAt': '2024-01-01T10:00:00.000Z',
      'a\\': { 'updatedAt\\': 'x' },
      xpublishedOn: '2024-01-01T10:00:00.000Z',
      publishedAt: 'with "quotes" and \\ backslashes\\',
      updatedAt: '\\"',
    };
    expect(text(body)).toBe(expected(body));
    const out = JSON.parse(text(body));
    expect(Object.keys(out).filter((key) => key.endsWith('Jalali'))).toEqual([
      'publishedAtJalali',
      'updatedAtJalali',
    ]);
    expect(out.publishedAtJalali).toEqual({ of: 'with "quotes" and \\ backslashes\\' });
    expect(out.updatedAtJalali).toEqual({ of: '\\"' });
  });

  it('keeps Persian text, ZWNJ and characters outside the BMP intact around the siblings', () => {
    const body = {
      title: 'سه‌شنبه 📰',
      publishedAt: '2024-01-01T10:00:00.000Z',
      tail: '👍🏽 ي ك',
      updatedAt: null,
    };
    expect(text(body)).toBe(expected(body));
    expect(JSON.parse(text(body)).tail).toBe('👍🏽 ي ك');
  });

  it('answers bodies larger than its kept buffer, and the next small one, exactly', () => {
    const big = {
      data: Array.from({ length: 3000 }, (_, id) => ({
        id,
        text: 'ن'.repeat(1500),
        publishedAt: '2024-01-01T10:00:00.000Z',
      })),
    };
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(8 * 1024 * 1024);
    expect(text(big)).toBe(expected(big));
    const small = { publishedAt: null };
    expect(text(small)).toBe(expected(small));
    expect(serialize(small)!.buffer.byteLength).toBe(serialize(small)!.length);
  });

  it('escapes key names as a regular expression would read them', () => {
    const dotted = siblingsSerializer(['a.b'], siblingOf);
    const body = { 'a.b': 'x', axb: 'y' };
    expect(dotted(body)!.toString()).toBe(expected(body, ['a.b']));
    expect(siblingsSerializer([], siblingOf)(body)!.toString()).toBe(JSON.stringify(body));
  });

  it('serialises what JSON.stringify serialises (dates, toJSON) and nothing for undefined', () => {
    const body = { publishedAt: new Date('2024-01-01T10:00:00.000Z'), skipped: undefined };
    expect(text(body)).toBe(
      '{"publishedAt":"2024-01-01T10:00:00.000Z","publishedAtJalali":{"of":"2024-01-01T10:00:00.000Z"}}'
    );
    expect(serialize(undefined)).toBeUndefined();
  });

  it('does not change the body', () => {
    const body = {
      data: [{ publishedAt: '2024-01-01T10:00:00.000Z', section: { updatedAt: null } }],
    };
    const before = JSON.stringify(body);
    serialize(body);
    expect(JSON.stringify(body)).toBe(before);
  });

  it('equals the rule on arbitrary JSON', () => {
    const key = fc.oneof(
      fc.constantFrom(...KEYS, 'title', 'a"publishedAt', 'publishedAt\\', '{"updatedAt"'),
      fc.string()
    );
    const leaf = fc.oneof(
      fc.string(),
      fc.fullUnicodeString(),
      fc.constantFrom('2024-01-01T10:00:00.000Z', '","publishedAt":"', '\\', '"', null),
      fc.integer(),
      fc.boolean()
    );
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 })
      ),
    })).node;
    fc.assert(
      fc.property(json, (body) => text(body) === expected(body)),
      { numRuns: 2000 }
    );
  });
});
