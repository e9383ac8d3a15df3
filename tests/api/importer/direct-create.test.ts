/**
 * The importer writes new stories' rows directly (src/importer/direct-create.ts). Each story here is
 * first created through the Document Service, as the importer did before, and its stored state taken;
 * then deleted and imported: every row (draft and published), component, link and order, slug, footer,
 * search hit, REST answer and webhook event must be the same, and a refused story the same error.
 */
import { bootApp, TestApp } from '../../harness/strapi';
import { SEED_OFFICIAL } from '../../harness/seed-article';
import { ArchiveImporter, importKeyOf } from '../../../src/importer/importer';
import { parseArchiveFile } from '../../../src/importer/core';
import { articleData } from '../../../src/importer/mapping';
import {
  ARTICLE,
  OFFICIAL,
  SEED_TEXT,
  cp1256,
  footerWithCode,
  input,
  replaceLine,
} from './helpers';

const SECTION = 'api::section.section';
const TITLE = 'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر';
const DRAFT_OFFICIAL = 'رضا کاظمی';

let app: TestApp;
let sectionId: string;
let sectionSlug: string;
let draftOfficialId: string;
const events: Array<{ event: string; payload: any }> = [];

/** The seed as another story: its own title and date (a distinct import key and slug). */
const variant = (title: string, date: string, text = SEED_TEXT) =>
  replaceLine(replaceLine(text, TITLE, title), 'سه شنبه ۰۹ آبان', date);

const db = () => app.strapi.db.connection;

/** Everything stored for a document, without what differs between any two writes (ids, times, codes). */
const storedState = async (documentId: string) => {
  const rows = await app.strapi.db.query(ARTICLE).findMany({
    where: { documentId },
    orderBy: { id: 'asc' },
    populate: {
      body: {
        on: {
          'article.paragraph': true,
          'article.subheading': true,
          'article.quote': { populate: { official: { select: ['documentId', 'publishedAt'] } } },
        },
      },
      section: { select: ['documentId', 'publishedAt'] },
      quotedOfficials: { select: ['documentId', 'publishedAt'] },
    },
  });
  const ids = rows.map((row: { id: number }) => row.id);
  const version = (publishedAt: unknown) => (publishedAt ? 'published' : 'draft');
  const sectionLinks = await db()('articles_section_lnk')
    .select('article_id', 'article_ord')
    .whereIn('article_id', ids)
    .orderBy('article_id');
  const quotedLinks = await db()('articles_quoted_officials_lnk')
    .select('article_id', 'official_ord', 'article_ord')
    .whereIn('article_id', ids)
    .orderBy(['article_id', 'official_ord']);
  const cmps = await db()('articles_cmps')
    .select('entity_id', 'component_type', 'field', 'order')
    .whereIn('entity_id', ids)
    .orderBy(['entity_id', 'order']);
  const slugs = await db()('persian_slugs')
    .select('slug', 'is_current', 'reservation')
    .where({ document_id: documentId });
  const codes = await db()('persian_slug_news_codes')
    .select('code')
    .where({ document_id: documentId });
  return {
    versions: rows.map(
      ({
        id,
        documentId: _d,
        createdAt: _c,
        updatedAt: _u,
        publishedAt,
        newsCode,
        body,
        section,
        quotedOfficials,
        ...fields
      }: any) => ({
        version: version(publishedAt),
        ...fields,
        newsCodeIsTheDocuments: codes.length === 1 && newsCode === codes[0].code,
        body: body.map(({ id: _id, official, ...block }: any) => ({
          ...block,
          official: official && {
            documentId: official.documentId,
            version: version(official.publishedAt),
          },
        })),
        section: section && {
          documentId: section.documentId,
          version: version(section.publishedAt),
        },
        sectionOrder: sectionLinks
          .filter((link: any) => link.article_id === id)
          .map((link: any) => Number(link.article_ord)),
        quotedOfficials: quotedOfficials.map((official: any) => ({
          documentId: official.documentId,
          version: version(official.publishedAt),
        })),
        quotedOrders: quotedLinks
          .filter((link: any) => link.article_id === id)
          .map((link: any) => [Number(link.official_ord), Number(link.article_ord)]),
        cmps: cmps
          .filter((row: any) => row.entity_id === id)
          .map(({ entity_id: _e, ...row }: any) => ({ ...row, order: Number(row.order) })),
      })
    ),
    slugs: slugs.map((row: any) => ({ ...row, is_current: Boolean(row.is_current) })),
  };
};

/** What readers get: the story over REST and its search hit, without ids and codes. */
const served = async (documentId: string, title: string) => {
  const strip = ({
    id: _i,
    documentId: _d,
    newsCode: _n,
    createdAt: _c,
    updatedAt: _u,
    publishedAt: _p,
    updatedAtJalali: _uj,
    publishedAtJalali: _pj,
    ...rest
  }: any) => rest;
  const rest = await app
    .http()
    .get(
      `/api/articles/${documentId}?populate[body][populate]=*&populate[section]=true&populate[quotedOfficials]=true`
    );
  const search = await app
    .http()
    .get(`/api/search?q=${encodeURIComponent(`«${title}»`)}`)
    .expect(200);
  return {
    status: rest.status,
    article:
      rest.status === 200
        ? {
            ...strip(rest.body.data),
            body: rest.body.data.body.map(({ id: _id, official, ...block }: any) => ({
              ...block,
              official: official && official.fullName,
            })),
          }
        : null,
    hits: search.body.data.map(({ documentId: _d, newsCode: _n, ...hit }: any) => hit),
  };
};

/** In event order (create, then publish): the Document Service's after-commit callbacks may finish either way round. */
const eventsSince = (start: number) =>
  [...events.slice(start)]
    .sort((a, b) => a.event.localeCompare(b.event))
    .map(({ event, payload }) => ({
      event,
      model: payload.model,
      uid: payload.uid,
      title: payload.entry?.title,
      slug: payload.entry?.slug,
      published: Boolean(payload.entry?.publishedAt),
      body: payload.entry?.body?.map((block: any) => [
        block.__component,
        block.text,
        block.official?.fullName ?? null,
      ]),
      section: payload.entry?.section?.name ?? null,
      quotedOfficials: payload.entry?.quotedOfficials?.map((official: any) => official.fullName),
    }));

const officialIds = async () => {
  const rows = await app.strapi.db.query(OFFICIAL).findMany({
    where: { locale: 'fa', publishedAt: null },
    select: ['documentId', 'fullName', 'aliases', 'role'],
  });
  return {
    known: rows.map((row: any) => ({
      fullName: row.fullName,
      aliases: row.aliases ?? [],
      ...(row.role ? { role: row.role } : {}),
    })),
    ids: new Map<string, string>(rows.map((row: any) => [row.fullName, row.documentId])),
  };
};

/** The story through the Document Service, as the importer wrote it before: its state, or the error. */
const throughDocumentService = async (
  text: string | Buffer,
  { publish, section }: { publish: boolean; section: boolean }
) => {
  const { known, ids } = await officialIds();
  const parsed = parseArchiveFile(typeof text === 'string' ? Buffer.from(text) : text, {
    officials: known,
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const data = articleData(
    parsed.article,
    ids,
    importKeyOf(parsed.article),
    section ? sectionId : null
  );
  const start = events.length;
  try {
    const created = await app.strapi.documents(ARTICLE).create({
      locale: 'fa',
      ...(publish ? { status: 'published' as const } : {}),
      data: data as never,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return {
      documentId: created.documentId,
      state: await storedState(created.documentId),
      served: await served(created.documentId, parsed.article.title),
      events: eventsSince(start),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const throughImporter = async (
  text: string | Buffer,
  { publish, section }: { publish: boolean; section: boolean }
) => {
  const importer = await ArchiveImporter.open(app.strapi, {
    publish,
    ...(section ? { section: sectionSlug } : {}),
  });
  const start = events.length;
  const result = await importer.importFile(input('story.txt', text));
  if (!result.ok) return { error: result.error.message };
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    documentId: result.documentId,
    state: await storedState(result.documentId),
    served: await served(result.documentId, result.title),
    events: eventsSince(start),
  };
};

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      [
        'articles',
        'articles_cmps',
        'components_article_quotes',
        'articles_section_lnk',
        'articles_quoted_officials_lnk',
        'persian_slugs',
        'persian_slug_news_codes',
      ].map(async (table) => [table, Number((await db()(table).count({ n: '*' }))[0].n)])
    )
  );

beforeAll(async () => {
  app = await bootApp();
  for (const event of ['entry.create', 'entry.publish'])
    app.strapi.eventHub.on(event, async (payload: unknown) => {
      events.push({ event, payload });
    });
  // A desk under a desk with its own footer, whose draft says something else (each version has its own).
  const parent = await app.strapi.documents(SECTION).create({
    locale: 'fa',
    status: 'published',
    data: { name: 'سیاسی آزمایشی', footerMode: 'custom', footerText: 'پایان خبر سیاسی' } as never,
  });
  await app.strapi.documents(SECTION).update({
    documentId: parent.documentId,
    locale: 'fa',
    data: { footerText: 'پایان پیش‌نویس' } as never,
  });
  const child = await app.strapi.documents(SECTION).create({
    locale: 'fa',
    status: 'published',
    data: { name: 'کمیسیون آزمایشی', parent: parent.documentId } as never,
  });
  sectionId = child.documentId;
  sectionSlug = (child as unknown as { slug: string }).slug;
  // Quoted, but never published: the published story cannot link it.
  draftOfficialId = (
    await app.strapi
      .documents(OFFICIAL)
      .create({ locale: 'fa', data: { fullName: DRAFT_OFFICIAL, role: 'معاون وزیر' } as never })
  ).documentId;
  // The set-up's own events arrive after their commits.
  await new Promise((resolve) => setTimeout(resolve, 50));
  events.length = 0;
});
afterAll(async () => {
  await app?.close();
});

const CASES: Array<[string, () => string | Buffer, { publish: boolean; section: boolean }]> = [
  [
    "the seed's shape, published in a desk under a desk",
    () => variant('نسخه یکم پیش بینی نماینده مجلس', 'چهارشنبه ۱۰ آبان ۱۳۹۶ ساعت ۰۸:۱۵'),
    { publish: true, section: true },
  ],
  [
    'Windows-1256 with Arabic letters and a footer with a code, published',
    () =>
      cp1256(
        footerWithCode(variant('نسخه دوم پیش بینی نماینده مجلس', 'پنجشنبه ۱۱ آبان ۱۳۹۶ ساعت ۲۲:۴۰'))
      ),
    { publish: true, section: false },
  ],
  [
    'quoting an official who has no published version',
    () =>
      variant(
        'نسخه سوم پیش بینی نماینده مجلس',
        'جمعه ۱۲ آبان ۱۳۹۶ ساعت ۱۰:۰۰',
        SEED_TEXT.split(SEED_OFFICIAL).join(DRAFT_OFFICIAL)
      ),
    { publish: true, section: true },
  ],
  [
    'a draft only',
    () => variant('نسخه چهارم پیش بینی نماینده مجلس', 'شنبه ۱۳ آبان ۱۳۹۶ ساعت ۱۱:۰۰'),
    { publish: false, section: true },
  ],
  [
    'a long story (more body blocks than one statement takes)',
    () =>
      variant(
        'نسخه بلند پیش بینی نماینده مجلس',
        'یکشنبه ۲۱ آبان ۱۳۹۶ ساعت ۰۷:۰۰',
        replaceLine(
          SEED_TEXT,
          '×ضرورت توجه دولت',
          Array.from(
            { length: 300 },
            (_, n) => `بند افزوده شماره ${n + 1} درباره دفاتر پیشخوان.`
          ).join('\n\n')
        )
      ),
    { publish: true, section: true },
  ],
  [
    'undated, not published',
    () => variant('نسخه پنجم پیش بینی نماینده مجلس', ''),
    { publish: false, section: false },
  ],
];

describe("a new story written directly is the Document Service's story", () => {
  it.each(CASES)('%s', async (_name, text, options) => {
    const reference = await throughDocumentService(text(), options);
    if ('error' in reference)
      throw new Error(`the Document Service refused the story: ${reference.error}`);
    await app.strapi.documents(ARTICLE).delete({ documentId: reference.documentId, locale: 'fa' });
    const direct = await throughImporter(text(), options);
    if ('error' in direct) throw new Error(`the importer refused the story: ${direct.error}`);
    expect(direct.state).toEqual(reference.state);
    expect(direct.served).toEqual(reference.served);
    expect(direct.events).toEqual(reference.events);
    // The cases exercise what they say they do.
    expect(reference.state.versions).toHaveLength(options.publish ? 2 : 1);
    if (options.publish) expect(reference.served.hits).toHaveLength(1);
  });

  it('the cases cover per-version footers and official links, hygiene and footer codes', async () => {
    const first = await throughImporter(
      variant(
        'نسخه ششم پیش بینی نماینده مجلس',
        'یکشنبه ۱۴ آبان ۱۳۹۶ ساعت ۰۹:۰۰',
        SEED_TEXT.split(SEED_OFFICIAL).join(DRAFT_OFFICIAL)
      ),
      { publish: true, section: true }
    );
    if ('error' in first) throw new Error(first.error);
    const [draft, published] = first.state.versions;
    expect([draft.footer, published.footer]).toEqual(['پایان پیش‌نویس', 'پایان خبر سیاسی']);
    expect(draft.quotedOfficials).toContainEqual({ documentId: draftOfficialId, version: 'draft' });
    expect(
      published.quotedOfficials.map((official: { documentId: string }) => official.documentId)
    ).not.toContain(draftOfficialId);
    const second = await throughImporter(
      cp1256(
        footerWithCode(variant('نسخه هفتم پیش بینی نماینده مجلس', 'دوشنبه ۱۵ آبان ۱۳۹۶ ساعت ۰۹:۰۰'))
      ),
      { publish: true, section: false }
    );
    if ('error' in second) throw new Error(second.error);
    expect(second.state.versions[1]).toMatchObject({
      title: 'نسخه هفتم پیش بینی نماینده مجلس',
      reporterCode: '23',
      footerLine: 'انتهای پیام/ ۲۳',
    });
    expect(JSON.stringify(second.state)).not.toMatch(/[يك]/);
  });

  it.each([
    [
      'a lead over 3,000 characters',
      (text: string) =>
        replaceLine(text, 'یک نماینده مجلس', `یک نماینده مجلس ${'بسیار '.repeat(600)}`),
      /3000/,
    ],
    [
      'a sub-heading over 300 characters',
      (text: string) => replaceLine(text, '## × حمایت نمایندگان', `## × ${'بسیار '.repeat(70)}`),
      /300/,
    ],
    [
      'a paragraph over 20,000 characters',
      (text: string) =>
        replaceLine(text, 'به گفته وی ، دولت', `به گفته وی ${'بسیار '.repeat(3500)}`),
      /20000/,
    ],
  ])(
    "%s: the Document Service's error, and nothing of the story is kept",
    async (_name, change, limit) => {
      const text = change(
        variant(`نسخه رد شده ${String(limit)}`, 'سه شنبه ۱۶ آبان ۱۳۹۶ ساعت ۰۹:۰۰')
      );
      const before = await counts();
      const reference = await throughDocumentService(text, { publish: true, section: true });
      expect(reference).toEqual({ error: expect.stringMatching(limit) });
      const direct = await throughImporter(text, { publish: true, section: true });
      expect(direct).toEqual({ error: expect.stringContaining(reference.error!) });
      expect(await counts()).toEqual(before);
    }
  );
});

describe('a batch of new stories', () => {
  const titled = (title: string, date: string, text = SEED_TEXT) => variant(title, date, text);
  const batch = () => [
    input('a.txt', titled('دسته اول پیش بینی', 'دوشنبه ۲۲ آبان ۱۳۹۶ ساعت ۰۸:۰۰')),
    // The same title on another day: base-2 after a.txt's base, as one at a time.
    input('b.txt', titled('دسته اول پیش بینی', 'سه شنبه ۲۳ آبان ۱۳۹۶ ساعت ۰۸:۰۰')),
    input(
      'c.txt',
      titled(
        'دسته سوم پیش بینی',
        'چهارشنبه ۲۴ آبان ۱۳۹۶ ساعت ۰۸:۰۰',
        SEED_TEXT.split(SEED_OFFICIAL).join(DRAFT_OFFICIAL)
      )
    ),
    input(
      'd.txt',
      cp1256(footerWithCode(titled('دسته چهارم پیش بینی', 'پنجشنبه ۲۵ آبان ۱۳۹۶ ساعت ۰۸:۰۰')))
    ),
  ];
  const states = async (documentIds: string[]) =>
    Promise.all(
      documentIds.map(async (id) => ({
        state: await storedState(id),
        served: await served(
          id,
          (
            await app.strapi.db
              .query(ARTICLE)
              .findOne({ where: { documentId: id }, select: ['title'] })
          ).title
        ),
      }))
    );

  it('is stored as when its stories are imported one at a time', async () => {
    const options = { publish: true, section: sectionSlug };
    const single = await ArchiveImporter.open(app.strapi, options);
    const one: string[] = [];
    for (const file of batch()) {
      const report = await single.importFile(file);
      if (!report.ok) throw new Error(report.error.message);
      one.push(report.documentId);
    }
    const expected = await states(one);
    for (const documentId of one)
      await app.strapi.documents(ARTICLE).delete({ documentId, locale: 'fa' });

    const start = events.length;
    const reports = await (await ArchiveImporter.open(app.strapi, options)).importFiles(batch());
    expect(reports.map((report) => report.ok && report.action)).toEqual([
      'created',
      'created',
      'created',
      'created',
    ]);
    expect(await states(reports.map((report) => (report.ok ? report.documentId : '')))).toEqual(
      expected
    );
    expect(expected[1].state.versions[0].slug).toBe(`${expected[0].state.versions[0].slug}-2`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      events.slice(start).map(({ event, payload }) => [event, payload.entry.title])
    ).toHaveLength(8);
  });

  it('reports each story in order: a refused one alone, a repeated or stored one skipped', async () => {
    const before = await counts();
    const refused = replaceLine(
      titled('دسته رد شده', 'جمعه ۲۶ آبان ۱۳۹۶ ساعت ۰۸:۰۰'),
      'یک نماینده مجلس',
      `یک نماینده مجلس ${'بسیار '.repeat(600)}`
    );
    const fresh = titled('دسته تازه', 'شنبه ۲۷ آبان ۱۳۹۶ ساعت ۰۸:۰۰');
    const importer = await ArchiveImporter.open(app.strapi, { publish: true });
    const reports = await importer.importFiles([
      input('stored.txt', Buffer.from(batch()[0].bytes!)),
      input('refused.txt', refused),
      input('fresh.txt', fresh),
      input('again.txt', fresh),
      input('empty.txt', ''),
    ]);
    expect(
      reports.map((report) => [report.file, report.ok ? report.action : report.error.code])
    ).toEqual([
      ['stored.txt', 'skipped'],
      ['refused.txt', 'INVALID_ARTICLE'],
      ['fresh.txt', 'created'],
      ['again.txt', 'skipped'],
      ['empty.txt', 'EMPTY_FILE'],
    ]);
    expect(importer.summary).toEqual({ imported: 1, updated: 0, skipped: 2, failed: 2 });
    const after = await counts();
    expect(after.articles).toBe(before.articles + 2);
    expect(after.persian_slugs).toBe(before.persian_slugs + 1);
  });
});
