import { SlugError, normalizeSlugLookup } from '../../../src/plugins/persian-slug/core';
import { thrown } from './thrown';

const SEED_SLUG = 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر';

describe('normalizeSlugLookup', () => {
  it.each([
    // [case, raw, slug]
    ['a percent-encoded slug', encodeURIComponent(SEED_SLUG), SEED_SLUG],
    ['a raw slug', SEED_SLUG, SEED_SLUG],
    ['lowercase percent-encoding', encodeURIComponent('کاظمی').toLowerCase(), 'کاظمی'],
    ['Arabic letters typed in the link', 'كاظمي', 'کاظمی'],
    ['Arabic letters, percent-encoded', encodeURIComponent('كاظمي'), 'کاظمی'],
    ['spaces', 'می شود', 'می-شود'],
    ['encoded spaces and capitals', 'Hello%20World', 'hello-world'],
    ['a plus sign', 'Hello+World', 'hello-world'],
    ['ZWNJ, percent-encoded', encodeURIComponent('می‌شود'), 'می-شود'],
    ['a literal percent sign, encoded once', '100%25', '100'],
    ['decoded only once', '%2541', '41'],
  ])('%s', (_case, raw, slug) => {
    expect(normalizeSlugLookup(raw)).toBe(slug);
  });

  it('applies latin mode when asked', () => {
    expect(normalizeSlugLookup(encodeURIComponent('اصغر سلیمی'), { mode: 'latin' })).toBe(
      'asghr-slimi'
    );
    expect(normalizeSlugLookup('asghr-slimi', { mode: 'latin' })).toBe('asghr-slimi');
  });

  it.each(['%', '%Z9', '%D9', '100%', '%E0%A4%A', '%ED%A0%80', '%C0%AF'])(
    'malformed percent-encoding %p is MALFORMED_SLUG, never a URIError',
    (raw) => {
      const error = thrown(() => normalizeSlugLookup(raw));
      expect(error).toBeInstanceOf(SlugError);
      expect(error).toMatchObject({
        code: 'MALFORMED_SLUG',
        message: expect.stringContaining('malformed percent-encoding'),
        messageFa: expect.stringContaining('کدگذاری درصدی نادرست'),
      });
    }
  );

  it.each(['', '%F0%9F%8E%89', '---', '%20'])('%p leaves nothing: EMPTY_SLUG', (raw) => {
    const error = thrown(() => normalizeSlugLookup(raw));
    expect(error).toBeInstanceOf(SlugError);
    expect(error).toMatchObject({
      code: 'EMPTY_SLUG',
      message: expect.stringContaining('in the address'),
    });
  });

  it('rejects a non-string from plain JavaScript with a TypeError', () => {
    expect(() => normalizeSlugLookup(undefined as unknown as string)).toThrow(TypeError);
  });
});
