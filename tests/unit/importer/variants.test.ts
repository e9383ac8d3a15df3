import iconv from 'iconv-lite';
import {
  contentHash,
  decodeArchiveBytes,
  parseArchiveFile,
  parseStory,
} from '../../../src/importer/core';
import type { ParsedStory } from '../../../src/importer/core';
import { toLatinDigits } from '../../../src/persian';
import {
  BYLINE,
  DATE_LINE,
  EXPECTED,
  FOOTER_LINE,
  SALIMI,
  SEED,
  TITLE,
  demoFields,
  replaceLine,
  utf8,
} from './helpers';

const officials = [SALIMI];

const articleOf = (bytes: Uint8Array): ParsedStory => {
  const result = parseArchiveFile(bytes, { officials });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.article;
};

/** A Windows-1256 archive: Arabic yeh (cp1256 has no Persian yeh) and Latin digits (it has no Persian digits). */
const asCp1256Archive = (text: string): Buffer => {
  const archived = toLatinDigits(text).replace(/ی/g, 'ي');
  const bytes = iconv.encode(archived, 'windows-1256');
  expect(iconv.decode(bytes, 'windows-1256')).toBe(archived);
  return bytes;
};

describe('seed variants that must give the demo article', () => {
  const cases: Array<[string, () => Uint8Array]> = [
    ['Windows-1256 bytes', () => asCp1256Archive(SEED)],
    ['a UTF-8 byte-order mark', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(SEED)])],
    ['CRLF line ends', () => utf8(SEED.replace(/\n/g, '\r\n'))],
    ['old Mac CR line ends', () => utf8(SEED.replace(/\n/g, '\r'))],
    ['Arabic ي and ك throughout', () => utf8(SEED.replace(/ی/g, 'ي').replace(/ک/g, 'ك'))],
    [
      'more leading blank lines, with spaces, NBSP and ZWNJ',
      () => utf8(`\n \n\u00A0\u200C\n\t\n${SEED}`),
    ],
    ['a BOM, CRLF and Windows-1256 at once', () => asCp1256Archive(SEED.replace(/\n/g, '\r\n'))],
    ['no trailing newline and trailing blank lines', () => utf8(`${SEED.trimEnd()}\n\n\n`)],
    [
      'the byline in bold and the date with a label',
      () =>
        utf8(
          replaceLine(
            replaceLine(SEED, BYLINE, '**نوشته شده توسط شریف زاده**'),
            DATE_LINE,
            'تاریخ انتشار: ۱۳۹۶/۰۸/۰۹ - ۱۹:۲۳'
          )
        ),
    ],
    [
      'the title before the byline also given as a `# ` heading at the top',
      () => utf8(`# ${TITLE}\n\n${SEED}`),
    ],
  ];

  it.each(cases)('%s', (_name, bytes) => {
    expect(demoFields(articleOf(bytes()))).toStrictEqual(EXPECTED);
  });

  it('reports the Windows-1256 decoding, and re-imports to the same content hash', () => {
    const bytes = asCp1256Archive(SEED);
    expect(decodeArchiveBytes(bytes).encoding).toBe('windows-1256');
    const article = articleOf(bytes);
    expect(article.warnings[0]).toMatch(/Windows-1256/);
    expect(contentHash(article)).toBe(contentHash(articleOf(utf8(SEED))));
    expect(contentHash(articleOf(utf8(SEED.replace(/ی/g, 'ي'))))).toBe(contentHash(EXPECTED));
  });

  it('matches the official named in Arabic letters against Persian text, and the reverse', () => {
    const arabicOfficial = { fullName: 'اصغر سليمي', aliases: ['سليمي'], role: SALIMI.role };
    const story = parseStory(SEED, { officials: [arabicOfficial] });
    expect(story.body.filter((block) => block.type === 'quote')).toHaveLength(3);
    const arabicText = parseStory(SEED.replace(/ی/g, 'ي'), { officials });
    expect(arabicText.officials).toStrictEqual([
      { fullName: 'اصغر سلیمی', role: 'نماینده مجلس شورای اسلامی', matched: true },
    ]);
  });

  it('matches names typed with ZWNJ or joined', () => {
    for (const name of ['اصغر\u200Cسلیمی', 'اصغرسلیمی', 'اصغر  سلیمی']) {
      const story = parseStory(SEED.replace('اصغر سلیمی در', `${name} در`), {
        officials: [{ ...SALIMI, aliases: [] }],
      });
      expect(story.body[0]).toMatchObject({ type: 'quote', official: 'اصغر سلیمی' });
    }
  });
});

describe('seed variants with other metadata', () => {
  it('missing byline: no author, a warning, everything else the same', () => {
    const story = parseStory(replaceLine(SEED, BYLINE, null), { officials });
    expect(story.author).toBeNull();
    expect(story.warnings).toContain('No byline found; author is empty');
    expect({ ...demoFields(story), author: EXPECTED.author }).toStrictEqual(EXPECTED);
  });

  it('missing date: no publishedOn and a warning', () => {
    const story = parseStory(replaceLine(SEED, DATE_LINE, null), { officials });
    expect(story.publishedOn).toBeNull();
    expect(story.warnings).toContain('No date line found; publishedOn is empty');
    expect({ ...demoFields(story), publishedOn: EXPECTED.publishedOn }).toStrictEqual(EXPECTED);
  });

  it('missing byline and date: the short last line is the title, with a warning', () => {
    const story = parseStory(replaceLine(replaceLine(SEED, BYLINE, null), DATE_LINE, null), {
      officials,
    });
    expect(story.title).toBe(TITLE);
    expect(story.warnings).toContain(
      'Title taken from the last line (no heading, byline or date found)'
    );
    expect(story.body).toStrictEqual(EXPECTED.body);
  });

  it('title as a `# ` heading at the top: the lead is the next paragraph', () => {
    const moved = `\n# ${TITLE}\n\n${replaceLine(SEED, TITLE, null)}`;
    const story = parseStory(moved, { officials });
    expect(demoFields(story)).toStrictEqual(EXPECTED);
    expect(story.kicker).toBeNull();
  });

  it('a kicker (روتیتر) line before the `# ` title', () => {
    const kicker = 'نماینده مجلس شورای اسلامی خبر داد';
    const story = parseStory(`${kicker}\n# ${TITLE}\n\n${replaceLine(SEED, TITLE, null)}`, {
      officials,
    });
    expect(story.kicker).toBe(kicker);
    expect(demoFields(story)).toStrictEqual(EXPECTED);
  });

  it('a plain first line before the lead is the title when there is no heading, byline or date', () => {
    const plain = `${TITLE}\n\n${replaceLine(replaceLine(replaceLine(SEED, TITLE, null), BYLINE, null), DATE_LINE, null)}`;
    const story = parseStory(plain, { officials });
    expect(story.title).toBe(TITLE);
    expect(story.lead).toBe(EXPECTED.lead);
    expect(story.body).toStrictEqual(EXPECTED.body);
  });

  it('footer with a reporter code', () => {
    const story = parseStory(replaceLine(SEED, FOOTER_LINE, 'انتهای پیام/ ۲۳'), { officials });
    expect(story.footer).toBe('انتهای پیام');
    expect(story.reporterCode).toBe('23');
    expect(demoFields(story)).toStrictEqual(EXPECTED);
  });

  it('footer typed at the end of the last paragraph, with a code before it', () => {
    const lastParagraph = EXPECTED.body[EXPECTED.body.length - 1].text;
    const text = replaceLine(
      replaceLine(SEED, FOOTER_LINE, null),
      lastParagraph,
      `${lastParagraph} ۱۱۰/ انتهای پیام`
    );
    const story = parseStory(text, { officials });
    expect(story.reporterCode).toBe('110');
    expect(story.body).toStrictEqual(EXPECTED.body);
  });

  it('no footer: footer null and a warning', () => {
    const story = parseStory(replaceLine(SEED, FOOTER_LINE, null), { officials });
    expect(story.footer).toBeNull();
    expect(story.reporterCode).toBeNull();
    expect(story.warnings).toContain('No footer ("انتهای پیام") found at the end of the story');
    expect(demoFields(story)).toStrictEqual(EXPECTED);
  });

  it('other byline forms', () => {
    for (const [line, author] of [
      ['نویسنده: مریم احمدی', 'مریم احمدی'],
      ['خبرنگار: علی‌رضا کاظمی', 'علی‌رضا کاظمی'],
      ['به قلم شريف زاده', 'شریف زاده'],
    ]) {
      expect(parseStory(replaceLine(SEED, BYLINE, line)).author).toBe(author);
    }
  });

  it('other date forms', () => {
    for (const [line, iso] of [
      ['۱۳۹۶/۰۸/۰۹ ساعت ۱۹:۲۳', '2017-10-31T15:53:00.000Z'],
      ['1396-8-9 19:23', '2017-10-31T15:53:00.000Z'],
      ['۱۹:۲۳ - ۱۳۹۶/۰۸/۰۹', '2017-10-31T15:53:00.000Z'],
      ['سه‌شنبه، ۹ آبان ۱۳۹۶', '2017-10-30T20:30:00.000Z'],
      ['۱ فروردین ۱۴۰۲ ساعت ۱۲:۰۰', '2023-03-21T08:30:00.000Z'],
      ['۱۴۰۲/۰۱/۰۵ ۰۸:۱۵:۳۰', '2023-03-25T04:45:30.000Z'],
      ['1402-01-05 08:15:30', '2023-03-25T04:45:30.000Z'],
      ['۰۸:۱۵:۳۰ - ۱۴۰۲/۰۱/۰۵', '2023-03-25T04:45:30.000Z'],
    ]) {
      expect(parseStory(replaceLine(SEED, DATE_LINE, line)).publishedOn).toBe(iso);
    }
  });

  it('a bare URL or a bare domain in the source parentheses', () => {
    const link = '([IR.ICTB.WWW](http://IR.ICTB.WWW))';
    expect(parseStory(SEED.replace(link, '(https://ictb.ir/news)'))).toMatchObject({
      source: EXPECTED.source,
      sourceUrl: 'https://ictb.ir/news',
    });
    expect(parseStory(SEED.replace(link, '(www.ictb.ir)'))).toMatchObject({
      source: EXPECTED.source,
      sourceUrl: 'http://www.ictb.ir',
    });
    expect(parseStory(SEED.replace(link, '(ایرنا)'))).toMatchObject({
      source: `${EXPECTED.source} (ایرنا)`,
      sourceUrl: null,
    });
    expect(parseStory(SEED.replace(` ${link}`, '،'))).toMatchObject({
      source: EXPECTED.source,
      sourceUrl: null,
    });
  });

  it('the source paragraph stays in the body verbatim', () => {
    const story = parseStory(SEED, { officials });
    expect(
      story.body[0].text.startsWith(
        'به گزارش پایگاه خبری پیشخوان دفاتر ارتباطات و فناوری اطلاعات ([IR.ICTB.WWW](http://IR.ICTB.WWW))'
      )
    ).toBe(true);
  });

  it('sub-headings as `## text`, `### × text` and a bold line', () => {
    const text = SEED.replace('## × حمایت', '## حمایت')
      .replace('## × مجلس تحقق', '### × مجلس تحقق')
      .replace(
        '×هنوز بسیاری از سازمان ها از مصوبه قانونی دفاتر پیشخوان تمکین نکرده اند',
        '**هنوز بسیاری از سازمان ها از مصوبه قانونی دفاتر پیشخوان تمکین نکرده اند**'
      );
    expect(demoFields(parseStory(text, { officials }))).toStrictEqual(EXPECTED);
  });

  it('paragraphs wrapped over several lines are joined; hard breaks are kept', () => {
    const wrapped = SEED.replace(
      'وی تاکید کرد: بنده و نمایندگان مجلس',
      'وی تاکید کرد: بنده و\nنمایندگان مجلس'
    );
    expect(demoFields(parseStory(wrapped, { officials }))).toStrictEqual(EXPECTED);
    const hard = SEED.replace(
      'وی تاکید کرد: بنده و نمایندگان مجلس',
      'وی تاکید کرد: بنده و  \nنمایندگان مجلس'
    );
    expect(parseStory(hard).body[2].text).toBe(
      EXPECTED.body[2].text.replace('بنده و ', 'بنده و\n')
    );
  });

  it('drops images with a warning', () => {
    const story = parseStory(
      SEED.replace('## × حمایت', '![عکس](http://example.com/a.jpg)\n\n## × حمایت'),
      { officials }
    );
    expect(demoFields(story)).toStrictEqual(EXPECTED);
    expect(story.warnings.some((warning) => warning.startsWith('Image on line'))).toBe(true);
  });
});
