import { contentHash, parseArchiveFile, parseStory } from '../../../src/importer/core';
import { EXPECTED, SALIMI, SEED, SEED_BYTES, demoFields } from './helpers';

describe('the seed story', () => {
  const withOfficial = parseStory(SEED, { officials: [SALIMI] });
  const withoutOfficials = parseStory(SEED, { officials: [] });

  it('becomes exactly the demo article when its official is known', () => {
    expect(demoFields(withOfficial)).toStrictEqual(EXPECTED);
  });

  it('has its footer detected and kept out of the body', () => {
    expect(withOfficial.footer).toBe('انتهای پیام');
    expect(withOfficial.reporterCode).toBeNull();
    expect(withOfficial.kicker).toBeNull();
    expect(withOfficial.body.some((block) => block.text.includes('انتهای پیام'))).toBe(false);
    expect(
      withOfficial.body.some((block) => block.text.includes('شریف زاده') || block.text === '---')
    ).toBe(false);
    expect(withOfficial.warnings.some((warning) => /Removed "انتهای پیام"/.test(warning))).toBe(
      true
    );
  });

  it('reports the known official as matched, with no unknown candidates', () => {
    expect(withOfficial.officials).toStrictEqual([
      { fullName: 'اصغر سلیمی', role: 'نماینده مجلس شورای اسلامی', matched: true },
    ]);
    expect(
      withOfficial.warnings.filter((warning) => warning.startsWith('Unknown official'))
    ).toEqual([]);
  });

  it('reports «اصغر سلیمی» as a candidate with the role the lead gives when no official is known', () => {
    // The story calls him «سلیمی» after introducing him: the same person, kept as an alias.
    expect(withoutOfficials.officials).toStrictEqual([
      {
        fullName: 'اصغر سلیمی',
        role: 'نماینده مجلس شورای اسلامی',
        matched: false,
        aliases: ['سلیمی'],
      },
    ]);
    expect(withoutOfficials.warnings).toContain(
      'Unknown official candidate: اصغر سلیمی (نماینده مجلس شورای اسلامی)'
    );
  });

  it('makes no quotes without known officials, and keeps every other field', () => {
    expect(withoutOfficials.body.every((block) => block.type !== 'quote')).toBe(true);
    expect(withoutOfficials.body.map((block) => block.text)).toEqual(
      EXPECTED.body.map((block) => block.text)
    );
    const { body: _ignored, ...fields } = demoFields(withoutOfficials);
    const { body: _expectedBody, ...expectedFields } = EXPECTED;
    expect(fields).toStrictEqual(expectedFields);
  });

  it('uses the detected role for a known official without one', () => {
    const story = parseStory(SEED, { officials: [{ fullName: 'اصغر سلیمی', aliases: ['سلیمی'] }] });
    expect(story.officials).toStrictEqual([
      { fullName: 'اصغر سلیمی', role: 'نماینده مجلس شورای اسلامی', matched: true },
    ]);
    expect(story.body.filter((block) => block.type === 'quote').map((block) => block.role)).toEqual(
      ['نماینده مجلس شورای اسلامی', 'نماینده مجلس شورای اسلامی', 'نماینده مجلس شورای اسلامی']
    );
  });

  it('matches the full name alone, without aliases, for the paragraph naming it', () => {
    const story = parseStory(SEED, { officials: [{ fullName: 'اصغر سلیمی', role: 'نماینده' }] });
    expect(
      story.body.filter((block) => block.type === 'quote').map((block) => block.text.slice(0, 9))
    ).toEqual(['به گزارش ']);
  });

  it('reads the same from bytes, with no other warnings', () => {
    const result = parseArchiveFile(SEED_BYTES, { officials: [SALIMI] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(demoFields(result.article)).toStrictEqual(EXPECTED);
    expect(result.warnings).toEqual(result.article.warnings);
    expect(result.warnings).toHaveLength(1);
  });

  it('has a stable content hash', () => {
    expect(contentHash(withOfficial)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(withOfficial)).toBe(contentHash(withoutOfficials));
    expect(contentHash(withOfficial)).toBe(contentHash(EXPECTED));
  });
});
