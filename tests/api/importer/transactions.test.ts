import { bootApp, TestApp } from '../../harness/strapi';
import { ArchiveImporter, ImporterHooks } from '../../../src/importer/importer';
import type { ImportOptionsInput } from '../../../src/importer/options';
import { ARTICLE, OFFICIAL, draftArticles, input, storedArticle, story } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp({ seed: false });
});
afterAll(async () => {
  await app?.close();
});

const PERSON =
  'زهرا کریمی، معاون وزیر ارتباطات، در گفت و گو با خبرنگار ما اظهار کرد: این طرح تا پایان سال اجرا می شود.';
const files = (): Array<[string, string]> => [
  ['01.txt', story(1)],
  ['02.txt', story(2, { paragraphs: [PERSON] })],
  ['03.txt', story(3)],
];

const run = async (options: ImportOptionsInput, hooks: ImporterHooks = {}) => {
  const importer = await ArchiveImporter.open(app.strapi, options, hooks);
  const documents = [];
  for (const [name, content] of files())
    documents.push(await importer.importFile(input(name, content)));
  return { documents, summary: importer.summary };
};

/** Everything a document's write leaves behind, to compare before and after a failed one. */
const footprint = async () => {
  const knex = app.strapi.db.connection;
  const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0].n);
  return {
    articles: await app.strapi.db.query(ARTICLE).count(),
    officials: await app.strapi.db.query(OFFICIAL).count(),
    slugs: await count('persian_slugs'),
    newsCodes: await count('persian_slug_news_codes'),
    components: await count('components_article_paragraphs'),
  };
};

const failOn = (file: string, action: string): ImporterHooks => ({
  afterWrite: (info) => {
    if (info.file === file && info.action === action)
      throw new Error(`simulated crash after writing ${file}`);
  },
});

describe('one transaction per document', () => {
  it('a document that throws after its article was created leaves nothing, and the run goes on', async () => {
    const empty = await footprint();
    const first = await run({ createOfficials: true, publish: true }, failOn('02.txt', 'created'));
    expect(
      first.documents.map((document) => (document.ok ? document.action : document.error.code))
    ).toEqual(['created', 'WRITE_ERROR', 'created']);
    expect(first.documents[1]).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('simulated crash after writing 02.txt'),
        line: null,
      },
    });
    expect(first.summary).toEqual({ imported: 2, updated: 0, skipped: 0, failed: 1 });

    const titles = (await draftArticles(app.strapi)).map((row) => row.title).sort();
    expect(titles).toEqual(['تیتر خبر آزمایشی شماره 1', 'تیتر خبر آزمایشی شماره 3']);
    // No official, slug, news code or component of 02.txt survived: two documents' worth, nothing more.
    const after = await footprint();
    expect(after.officials).toBe(empty.officials);
    expect(await app.strapi.db.query(OFFICIAL).count({ where: { fullName: 'زهرا کریمی' } })).toBe(
      0
    );
    expect(after.articles).toBe(4); // 2 documents × (draft + published)
    expect(after.slugs).toBe(2);
    expect(after.newsCodes).toBe(2);
    expect(
      await app.strapi.db.connection('persian_slugs').where('slug', 'like', '%شماره-2').first()
    ).toBeUndefined();
  });

  it('rerunning the interrupted run completes it without duplicates', async () => {
    const rerun = await run({ createOfficials: true, publish: true });
    expect(rerun.documents.map((document) => document.ok && document.action)).toEqual([
      'skipped',
      'created',
      'skipped',
    ]);
    expect(rerun.documents[1]).toMatchObject({ createdOfficials: ['زهرا کریمی'] });
    expect((await draftArticles(app.strapi)).map((row) => row.title).sort()).toEqual([
      'تیتر خبر آزمایشی شماره 1',
      'تیتر خبر آزمایشی شماره 2',
      'تیتر خبر آزمایشی شماره 3',
    ]);
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(6);
    expect(await app.strapi.db.query(OFFICIAL).count({ where: { fullName: 'زهرا کریمی' } })).toBe(
      2
    ); // draft + published

    const again = await run({ createOfficials: true, publish: true });
    expect(again.summary).toEqual({ imported: 0, updated: 0, skipped: 3, failed: 0 });
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(6);
  });

  it('in a batch, a document that throws after its rows were written leaves nothing, and the others land', async () => {
    const before = await footprint();
    const importer = await ArchiveImporter.open(
      app.strapi,
      { publish: true },
      failOn('12.txt', 'created')
    );
    const reports = await importer.importFiles(
      [11, 12, 13].map((n) => input(`${n}.txt`, story(n)))
    );
    expect(reports.map((report) => (report.ok ? report.action : report.error.code))).toEqual([
      'created',
      'WRITE_ERROR',
      'created',
    ]);
    expect(importer.summary).toEqual({ imported: 2, updated: 0, skipped: 0, failed: 1 });
    const after = await footprint();
    expect(after.articles).toBe(before.articles + 4);
    expect(after.slugs).toBe(before.slugs + 2);
    expect(after.newsCodes).toBe(before.newsCodes + 2);
    expect(
      await app.strapi.db.connection('persian_slugs').where('slug', 'like', '%شماره-12').first()
    ).toBeUndefined();
  });

  it('a failed update leaves the stored article as it was', async () => {
    const [row] = await draftArticles(app.strapi, { title: 'تیتر خبر آزمایشی شماره 1' });
    const before = await storedArticle(app.strapi, row.documentId);
    const importer = await ArchiveImporter.open(
      app.strapi,
      {},
      failOn('01-changed.txt', 'updated')
    );
    const changed = story(1, { paragraphs: ['بند تازه ای که جایگزین بند پایانی می شود.'] });
    const result = await importer.importFile(input('01-changed.txt', changed));
    expect(result).toMatchObject({ ok: false, error: { code: 'WRITE_ERROR' } });
    expect(await storedArticle(app.strapi, row.documentId)).toEqual(before);

    const retry = await (
      await ArchiveImporter.open(app.strapi, {})
    ).importFile(input('01-changed.txt', changed));
    expect(retry).toMatchObject({ ok: true, action: 'updated', documentId: row.documentId });
    const after = (await storedArticle(app.strapi, row.documentId))!;
    expect(after.body.map((block: { text: string }) => block.text)).toContain(
      'بند تازه ای که جایگزین بند پایانی می شود.'
    );
    expect(after.slug).toBe(before!.slug);
    expect(after.newsCode).toBe(before!.newsCode);
  });
});
