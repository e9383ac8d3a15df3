import { bootApp, TestApp } from '../../harness/strapi';
import {
  SEED_OFFICIAL,
  SEED_PUBLISHED_ON,
  SEED_ROLE,
  SEED_TITLE,
  seedArticle,
} from '../../harness/seed-article';
import { ArchiveImporter, importKeyOf } from '../../../src/importer/importer';
import type { ImportOptionsInput } from '../../../src/importer/options';
import {
  ARTICLE,
  BYLINE,
  OFFICIAL,
  SEED_BYTES,
  SEED_TEXT,
  cp1256,
  crlf,
  draftArticles,
  footerWithCode,
  headingTitle,
  input,
  lineOf,
  replaceLine,
  storedArticle,
  story,
  withoutLine,
} from './helpers';

let app: TestApp;
let seedId: string;

beforeAll(async () => {
  app = await bootApp();
  const [seed] = await draftArticles(app.strapi);
  seedId = seed.documentId;
});
afterAll(async () => {
  await app?.close();
});

const open = (options: ImportOptionsInput = {}) => ArchiveImporter.open(app.strapi, options);
const run = async (files: Array<[string, string | Buffer]>, options: ImportOptionsInput = {}) => {
  const importer = await open(options);
  const documents = [];
  for (const [name, content] of files)
    documents.push(await importer.importFile(input(name, content)));
  return { documents, summary: importer.summary, importer };
};
const subheadings = (article: Record<string, any>) =>
  article.body
    .filter((block: any) => block.__component === 'article.subheading')
    .map((block: any) => block.text);

describe('the seed into a database holding the demo article', () => {
  it('is the same story: skipped, not duplicated, and keyed from now on', async () => {
    const { documents, summary } = await run([['000_2c60c95b086a054e.txt', SEED_BYTES]]);
    expect(documents[0]).toMatchObject({
      ok: true,
      action: 'skipped',
      documentId: seedId,
      title: SEED_TITLE,
    });
    expect(summary).toEqual({ imported: 0, updated: 0, skipped: 1, failed: 0 });
    const rows = await app.strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId: seedId }, select: ['importKey', 'publishedAt'] });
    expect(rows).toHaveLength(2); // draft and published, both keyed
    for (const row of rows) expect(row.importKey).toBe(importKeyOf(seedArticle));
    expect(await app.strapi.db.query(ARTICLE).count({ where: { locale: 'fa' } })).toBe(2);
  });

  it.each([
    ['Windows-1256 with CRLF', () => cp1256(SEED_TEXT)],
    ['CRLF line ends', () => crlf(SEED_TEXT)],
    ['the title as a `#` heading at the top', () => headingTitle(SEED_TEXT)],
  ])('%s: the same article, skipped', async (_name, content) => {
    const { documents } = await run([['variant.txt', content()]]);
    expect(documents[0]).toMatchObject({ ok: true, action: 'skipped', documentId: seedId });
    expect(await draftArticles(app.strapi)).toHaveLength(1);
  });

  it('with --publish and nothing changed, still skipped', async () => {
    const { documents } = await run([['seed.txt', SEED_BYTES]], { publish: true });
    expect(documents[0]).toMatchObject({ action: 'skipped', documentId: seedId });
  });
});

describe('an imported article has exactly the demo structure', () => {
  let documentId: string;

  beforeAll(async () => {
    await app.strapi.documents(ARTICLE).delete({ documentId: seedId, locale: '*' });
    expect(await draftArticles(app.strapi)).toHaveLength(0);
    const { documents } = await run([['000_2c60c95b086a054e.txt', SEED_BYTES]], {
      section: 'دفاتر-پیشخوان',
      publish: true,
    });
    expect(documents[0]).toMatchObject({ ok: true, action: 'created' });
    documentId = (documents[0] as { documentId: string }).documentId;
  });

  it.each(['draft', 'published'] as const)(
    '%s version: fields, four sub-headings, quotes of «اصغر سلیمی» with his role',
    async (status) => {
      const article = (await storedArticle(app.strapi, documentId, status))!;
      expect(article).toMatchObject({
        title: SEED_TITLE,
        author: 'شریف زاده',
        publishedOn: SEED_PUBLISHED_ON,
        lead: seedArticle.lead,
        source: seedArticle.source,
        sourceUrl: seedArticle.sourceUrl,
        kicker: null,
        reporterCode: null,
        slug: 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر',
        section: expect.objectContaining({ name: 'دفاتر پیشخوان' }),
      });
      expect(article.newsCode).toEqual(expect.any(Number));
      expect(
        article.body.map((block: any) => [block.__component.replace('article.', ''), block.text])
      ).toEqual(seedArticle.body.map((block) => [block.type, block.text]));
      expect(subheadings(article)).toHaveLength(4);
      const quotes = article.body.filter((block: any) => block.__component === 'article.quote');
      expect(quotes).toHaveLength(3);
      for (const quote of quotes) {
        expect(quote.official).toMatchObject({ fullName: SEED_OFFICIAL });
        expect(quote.role).toBe(SEED_ROLE);
      }
      expect(article.quotedOfficials).toEqual([
        expect.objectContaining({ fullName: SEED_OFFICIAL }),
      ]);
    }
  );

  it('is served publicly like the demo article was', async () => {
    const res = await app
      .http()
      .get(`/api/articles/${documentId}?populate[quotedOfficials]=true`)
      .expect(200);
    expect(res.body.data).toMatchObject({ title: SEED_TITLE, publishedOn: SEED_PUBLISHED_ON });
    expect(res.body.data.importKey).toBeUndefined(); // private
    expect(res.body.data.quotedOfficials).toEqual([
      expect.objectContaining({ fullName: SEED_OFFICIAL, role: SEED_ROLE }),
    ]);
  });

  it('imported again (also as Windows-1256): skipped, same document', async () => {
    const { documents } = await run(
      [
        ['a.txt', SEED_BYTES],
        ['b.txt', cp1256(SEED_TEXT)],
      ],
      { section: 'دفاتر-پیشخوان', publish: true }
    );
    expect(
      documents.map((document) => [
        document.ok && document.action,
        document.ok && document.documentId,
      ])
    ).toEqual([
      ['skipped', documentId],
      ['skipped', documentId],
    ]);
    expect(await draftArticles(app.strapi)).toHaveLength(1);
  });

  it('a changed copy (no byline) updates the draft only, without --publish', async () => {
    const { documents } = await run([['no-byline.txt', withoutLine(SEED_TEXT, BYLINE)]]);
    expect(documents[0]).toMatchObject({ ok: true, action: 'updated', documentId });
    expect(documents[0].ok && documents[0].warnings).toContain('No byline found; author is empty');
    expect((await storedArticle(app.strapi, documentId, 'draft'))!.author).toBeNull();
    expect((await storedArticle(app.strapi, documentId, 'published'))!.author).toBe('شریف زاده');
  });

  it('the footer with a reporter code, published: updated and published, section kept', async () => {
    const { documents } = await run(
      [['code.txt', withoutLine(footerWithCode(SEED_TEXT), BYLINE)]],
      { publish: true }
    );
    expect(documents[0]).toMatchObject({ ok: true, action: 'updated', documentId });
    for (const status of ['draft', 'published'] as const) {
      const article = (await storedArticle(app.strapi, documentId, status))!;
      expect(article).toMatchObject({
        reporterCode: '23',
        author: null,
        section: expect.objectContaining({ name: 'دفاتر پیشخوان' }),
      });
      expect(JSON.stringify(article.body)).not.toContain('انتهای پیام');
    }
    const again = await run([['code.txt', withoutLine(footerWithCode(SEED_TEXT), BYLINE)]], {
      publish: true,
    });
    expect(again.documents[0]).toMatchObject({ action: 'skipped', documentId });
    expect(await draftArticles(app.strapi)).toHaveLength(1);
  });
});

describe('every kind of bad input is a per-document error with its line, and the run goes on', () => {
  const bad: Array<[string, string | Buffer, string, number | null]> = [
    [
      'no-title.txt',
      'این خبر فقط یک بند دارد و تیتری ندارد، و با نقطه تمام می شود.\n\nنوشته شده توسط مریم احمدی\n۱۳۹۶/۰۸/۰۹ ساعت ۱۹:۲۳\n',
      'NO_TITLE',
      3,
    ],
    [
      'bad-date.txt',
      replaceLine(SEED_TEXT, 'سه شنبه', '۱۴۰۲/۱۲/۳۰ ساعت ۱۰:۰۰'),
      'BAD_DATE',
      lineOf(SEED_TEXT, 'سه شنبه'),
    ],
    [
      'image.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'BINARY_FILE',
      null,
    ],
    ['empty.txt', Buffer.alloc(0), 'EMPTY_FILE', null],
    ['blank.txt', '\n  \n\t\n', 'EMPTY_FILE', null],
    ['huge.txt', Buffer.alloc(2 * 1024 * 1024 + 1, 'الف ', 'utf8'), 'TOO_LARGE', null],
  ];

  it('reports each with code and line; good files between them are imported', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    const files: Array<[string, string | Buffer]> = [];
    bad.forEach(([name, content], index) =>
      files.push([name, content], [`good-${index}.txt`, story(100 + index)])
    );
    const { documents, summary } = await run(files);
    expect(summary).toEqual({ imported: bad.length, updated: 0, skipped: 0, failed: bad.length });
    bad.forEach(([name, , code, line], index) => {
      expect(documents[2 * index]).toMatchObject({ file: name, ok: false, error: { code, line } });
      expect(documents[2 * index + 1]).toMatchObject({
        file: `good-${index}.txt`,
        ok: true,
        action: 'created',
      });
    });
    expect(documents.find((document) => document.file === 'bad-date.txt')).toMatchObject({
      error: {
        message: expect.stringMatching(/1402|۱۴۰۲|30|Esfand/i),
        messageFa: expect.any(String),
      },
    });
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before + bad.length);
  });

  it('a story the CMS refuses (a lead over 3,000 characters) fails alone, leaving nothing', async () => {
    const long = story(200).replace(
      /^لید خبر شماره 200/,
      `لید خبر شماره 200 ${'بسیار '.repeat(600)}`
    );
    const before = await app.strapi.db.query(ARTICLE).count();
    const { documents, summary } = await run([
      ['long.txt', long],
      ['after.txt', story(201)],
    ]);
    expect(documents[0]).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARTICLE', line: null },
    });
    expect(documents[0].ok === false && documents[0].error.message).toMatch(/lead/);
    expect(documents[1]).toMatchObject({ ok: true, action: 'created' });
    expect(summary.failed).toBe(1);
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before + 1);
  });

  it('unreadable and oversized files given without bytes are errors too', async () => {
    const importer = await open();
    expect(await importer.importFile({ name: 'gone.txt', readError: 'ENOENT' })).toMatchObject({
      ok: false,
      error: { code: 'READ_ERROR' },
    });
    expect(await importer.importFile({ name: 'big.txt', size: 5_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE', line: null },
    });
  });
});

describe('quoted officials', () => {
  const withNewPerson = (n: number) =>
    story(n, {
      paragraphs: [
        'حسین محمدی، رئیس سازمان فناوری اطلاعات، در گفت و گو با خبرنگار ما اظهار کرد: دفاتر پیشخوان باید توسعه یابند.',
      ],
    });

  it('unknown people are reported as candidates and not created by default', async () => {
    const officials = await app.strapi.db.query(OFFICIAL).count();
    const { documents } = await run([['person.txt', withNewPerson(300)]]);
    expect(documents[0]).toMatchObject({ ok: true, action: 'created', createdOfficials: [] });
    expect(documents[0].ok && documents[0].warnings.join('\n')).toMatch(
      /Unknown official candidate: حسین محمدی/
    );
    expect(await app.strapi.db.query(OFFICIAL).count()).toBe(officials);
    const dry = await (await open()).dryRun(input('person.txt', withNewPerson(300)));
    expect(dry.ok && dry.article.officials).toEqual([
      { fullName: 'حسین محمدی', role: 'رئیس سازمان فناوری اطلاعات', matched: false },
    ]);
  });

  it('with createOfficials they are created in the locale and their quotes linked; the re-import updates the same article', async () => {
    const { documents } = await run([['person.txt', withNewPerson(300)]], {
      createOfficials: true,
    });
    expect(documents[0]).toMatchObject({
      ok: true,
      action: 'updated',
      createdOfficials: ['حسین محمدی'],
    });
    const created = await app.strapi.db
      .query(OFFICIAL)
      .findMany({ where: { fullName: 'حسین محمدی', locale: 'fa' } });
    expect(created).toHaveLength(1); // a draft: no --publish
    expect(created[0]).toMatchObject({ role: 'رئیس سازمان فناوری اطلاعات', publishedAt: null });
    const article = (await storedArticle(
      app.strapi,
      (documents[0] as { documentId: string }).documentId
    ))!;
    const quote = article.body.find((block: any) => block.__component === 'article.quote');
    expect(quote).toMatchObject({
      official: { fullName: 'حسین محمدی' },
      role: 'رئیس سازمان فناوری اطلاعات',
    });
    expect(article.quotedOfficials).toEqual([expect.objectContaining({ fullName: 'حسین محمدی' })]);

    // Known from now on: matched, not created twice.
    const next = await run([['person-2.txt', withNewPerson(301)]], { createOfficials: true });
    expect(next.documents[0]).toMatchObject({ ok: true, action: 'created', createdOfficials: [] });
    expect(await app.strapi.db.query(OFFICIAL).count({ where: { fullName: 'حسین محمدی' } })).toBe(
      1
    );
  });

  it('officials are matched by alias for the locale only', async () => {
    const dry = await (await open({ locale: 'en' })).dryRun(input('seed.txt', SEED_BYTES));
    expect(dry.ok && dry.article.officials).toEqual([
      { fullName: SEED_OFFICIAL, role: SEED_ROLE, matched: false, aliases: ['سلیمی'] },
    ]);
    const fa = await (await open()).dryRun(input('seed.txt', SEED_BYTES));
    expect(fa.ok && fa.article.body.filter((block) => block.type === 'quote')).toHaveLength(3);
  });
});

describe('re-imports compare what the CMS stores', () => {
  it('text the CMS cleans on save (tatweel, bidi marks) is not taken for a change', async () => {
    const text = story(600, {
      paragraphs: ['دفاتر پیشخوان بـــزرگ\u200F ترین شبکه خدمات دولت (IT) هستند.'],
    });
    const first = await run([['cleaned.txt', text]]);
    expect(first.documents[0]).toMatchObject({ ok: true, action: 'created' });
    const again = await run([['cleaned.txt', text]]);
    expect(again.documents[0]).toMatchObject({
      ok: true,
      action: 'skipped',
      documentId: (first.documents[0] as { documentId: string }).documentId,
    });
  });
});

describe('articles typed by hand count as the same story', () => {
  it('an undated one is found by title and lead, updated with the file, and keyed', async () => {
    const text = withoutLine(story(500), 'سه شنبه');
    const dry = await (await open()).dryRun(input('undated.txt', text));
    if (!dry.ok) throw new Error(dry.error.message);
    expect(dry.article.publishedOn).toBeNull();
    const typed = await app.strapi.documents(ARTICLE).create({
      locale: 'fa',
      data: { title: dry.article.title, lead: dry.article.lead } as never,
    });
    const { documents } = await run([['undated.txt', text]]);
    expect(documents[0]).toMatchObject({
      ok: true,
      action: 'updated',
      documentId: typed.documentId,
    });
    const [row] = await draftArticles(app.strapi, { documentId: typed.documentId });
    expect(row).toMatchObject({ author: 'مریم احمدی', importKey: importKeyOf(dry.article) });
    expect(await draftArticles(app.strapi, { title: dry.article.title })).toHaveLength(1);
  });
});

describe('options', () => {
  it('an unknown section or locale stops the run before anything is read', async () => {
    await expect(open({ section: 'نیست' })).rejects.toMatchObject({ code: 'UNKNOWN_SECTION' });
    await expect(open({ locale: 'de' })).rejects.toMatchObject({ code: 'UNKNOWN_LOCALE' });
    await expect(open({ publish: 'maybe' as never })).rejects.toMatchObject({
      code: 'BAD_OPTIONS',
    });
  });

  it('a dry run writes nothing and reports the issue’s JSON', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    const importer = await open({ dryRun: true, createOfficials: true });
    const document = await importer.dryRun(input('new.txt', story(400)));
    expect(document).toEqual({
      file: 'new.txt',
      ok: true,
      article: {
        title: 'تیتر خبر آزمایشی شماره 400',
        kicker: null,
        lead: expect.stringContaining('لید خبر شماره 400'),
        source: 'پایگاه خبری پیشخوان',
        sourceUrl: null,
        author: 'مریم احمدی',
        publishedOn: expect.stringMatching(/^2017-10-31T\d\d:\d\d:00\.000Z$/),
        body: [
          { type: 'paragraph', text: expect.stringContaining('به گزارش') },
          { type: 'subheading', text: 'زیرتیتر آزمایشی' },
          { type: 'paragraph', text: 'این بند پایانی خبر آزمایشی است.' },
        ],
        footer: 'انتهای پیام',
        reporterCode: null,
        officials: [],
      },
      // The parse runs in a worker thread, whose arrays are not of this test realm's Array.
      warnings: [
        'Removed "انتهای پیام" typed at the end of the body; the footer is added from the section\'s policy.',
      ],
    });
    expect(await importer.dryRun(input('empty.txt', ''))).toEqual({
      file: 'empty.txt',
      ok: false,
      error: {
        code: 'EMPTY_FILE',
        message: expect.any(String),
        messageFa: expect.any(String),
        line: null,
      },
    });
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });
});
