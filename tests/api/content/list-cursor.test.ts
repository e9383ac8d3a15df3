import { bootApp, TestApp } from '../../harness/strapi';
import { encodeCursor } from '../../../src/lib/list-cursor';

/**
 * Keyset pages of the newest-first article list (src/lib/list-cursor.ts, docs/api.md "Deep pages"): walked
 * by `nextCursor`, the list is every published story once, in the order of its offset pages, with the
 * request's filters and locale; stories of the same minute and stories without a date are paged too; drafts
 * never; a cursor that is not ours is a 400 with its code; and the SQL of a cursor page reads the list's
 * partial index from the cursor on, with no sort and nothing skipped.
 */
let app: TestApp;
const ARTICLE = 'api::article.article';
const SAME_MINUTE = '2024-03-10T08:30:00.000Z';

/** documentIds by what the test made them for. */
const made = {
  fa: [] as string[],
  undated: [] as string[],
  en: [] as string[],
  sectionA: [] as string[],
};
let sectionA: string;

const isPostgres = () => app.strapi.db.config.connection.client === 'postgres';

type Page = {
  data: Array<{ documentId: string; title: string; id: number; section?: { documentId: string } }>;
  meta: { pagination: Record<string, unknown> };
};

const get = async (
  url: string,
  status = 200
): Promise<Page & { error?: { details: Record<string, unknown> } }> =>
  (await app.http().get(url).expect(status)).body;

/** The whole list in one offset page, newest first. */
const offsetList = async (query: string) =>
  (await get(`/api/articles?sort=publishedOn:desc&pagination[pageSize]=100${query}`)).data.map(
    (row) => row.documentId
  );

/** The list walked by cursor from its first (offset) page: documentIds in order, and the cursor pages' metas. */
const walk = async (
  query: string,
  pageSize: number,
  list = '/api/articles?sort=publishedOn:desc&'
) => {
  const base = `${list}pagination[pageSize]=${pageSize}${query}`;
  const first = await get(base);
  const ids = first.data.map((row) => row.documentId);
  const metas: Array<Record<string, unknown>> = [];
  let cursor = first.meta.pagination.nextCursor as string | null;
  while (cursor !== null) {
    expect(typeof cursor).toBe('string');
    const page = await get(`${base}&cursor=${encodeURIComponent(cursor)}`);
    metas.push(page.meta.pagination);
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.length).toBeLessThanOrEqual(pageSize);
    ids.push(...page.data.map((row) => row.documentId));
    cursor = page.meta.pagination.nextCursor as string | null;
    if (metas.length > 50) throw new Error('the walk does not end');
  }
  return { ids, metas, first };
};

beforeAll(async () => {
  app = await bootApp({ seed: false });
  const documents = app.strapi.documents(ARTICLE);
  const sections = app.strapi.documents('api::section.section');
  sectionA = (
    await sections.create({
      locale: 'fa',
      status: 'published',
      data: { name: 'سرویس الف', footerMode: 'inherit' } as never,
    })
  ).documentId;
  const publish = async (
    title: string,
    publishedOn: string,
    extra: Record<string, unknown> = {},
    locale = 'fa'
  ) =>
    (
      await documents.create({
        locale,
        status: 'published',
        data: { title, lead: 'لید', publishedOn, ...extra } as never,
      })
    ).documentId;
  // Eight days, then three stories of the same minute between them, every other one in section A.
  for (let day = 1; day <= 8; day += 1) {
    const id = await publish(
      `خبر روز ${day}`,
      `2024-03-${String(day * 2).padStart(2, '0')}T12:00:00.000Z`,
      day % 2 ? { section: sectionA } : {}
    );
    made.fa.push(id);
    if (day % 2) made.sectionA.push(id);
  }
  for (let n = 1; n <= 3; n += 1) {
    const id = await publish(`خبر هم‌زمان ${n}`, SAME_MINUTE, n === 2 ? { section: sectionA } : {});
    made.fa.push(id);
    if (n === 2) made.sectionA.push(id);
  }
  // Two published stories without a date, which the app never leaves (an import or SQL around it could).
  for (let n = 1; n <= 2; n += 1) {
    const id = await publish(`خبر بی‌تاریخ ${n}`, '2020-01-01T00:00:00.000Z');
    made.fa.push(id);
    made.undated.push(id);
  }
  await app.strapi.db
    .connection('articles')
    .whereIn('document_id', made.undated)
    .update({ published_on: null });
  // Drafts, newer than everything: never listed. And a published story's newer draft: its published title is.
  for (let n = 1; n <= 2; n += 1)
    await documents.create({
      locale: 'fa',
      data: {
        title: `پیش‌نویس ${n}`,
        lead: 'لید',
        publishedOn: '2030-01-01T00:00:00.000Z',
      } as never,
    });
  await documents.update({
    documentId: made.fa[0],
    locale: 'fa',
    data: { title: 'پیش‌نویس تازه‌تر' } as never,
  });
  for (let n = 1; n <= 3; n += 1)
    made.en.push(await publish(`English story ${n}`, `2024-02-0${n}T10:00:00.000Z`, {}, 'en'));
});
afterAll(async () => {
  await app?.close();
});

test('walked by cursor, the list is every published story once, in the order of its offset pages', async () => {
  const offset = await offsetList('');
  expect(new Set(offset)).toEqual(new Set(made.fa));
  for (const pageSize of [1, 2, 4, 5]) {
    const { ids, metas, first } = await walk('', pageSize);
    expect(ids).toEqual(offset);
    expect(first.meta.pagination).toMatchObject({ page: 1, pageSize, total: made.fa.length });
    // A cursor page has no page number and no count; the last one says so with a null cursor.
    for (const meta of metas) expect(Object.keys(meta).sort()).toEqual(['nextCursor', 'pageSize']);
    expect(metas[metas.length - 1].nextCursor).toBeNull();
  }
  const titles = (
    await get('/api/articles?sort=publishedOn:desc&pagination[pageSize]=100')
  ).data.map((row) => row.title);
  expect(titles.filter((title) => title.startsWith('پیش‌نویس'))).toEqual([]);
});

test('an offset page of the newest-first order carries the cursor of the page after it, and only that order does', async () => {
  const third = await get(
    '/api/articles?sort=publishedOn:desc&pagination[page]=3&pagination[pageSize]=3'
  );
  const second = await get(
    '/api/articles?sort=publishedOn:desc&pagination[page]=2&pagination[pageSize]=3'
  );
  const next = await get(
    `/api/articles?sort=publishedOn:desc&pagination[pageSize]=3&cursor=${encodeURIComponent(
      second.meta.pagination.nextCursor as string
    )}`
  );
  expect(next.data.map((row) => row.documentId)).toEqual(third.data.map((row) => row.documentId));
  const byStart = await get(
    '/api/articles?sort=publishedOn:desc&pagination[start]=6&pagination[limit]=3'
  );
  expect(byStart.meta.pagination.nextCursor).toBe(third.meta.pagination.nextCursor);
  const last = await get(
    `/api/articles?sort=publishedOn:desc&pagination[page]=1&pagination[pageSize]=${made.fa.length}`
  );
  expect(last.meta.pagination.nextCursor).toBeNull();
  const byTitle = await get('/api/articles?sort=title:asc&pagination[pageSize]=3');
  expect(byTitle.meta.pagination).not.toHaveProperty('nextCursor');
});

test('a cursor page keeps the filters, the locale, the populate and the fields of its request', async () => {
  const section = `&filters[section][documentId][$eq]=${sectionA}&populate[section]=true`;
  const { ids, metas } = await walk(section, 2);
  expect(ids).toEqual(await offsetList(section));
  expect(new Set(ids)).toEqual(new Set(made.sectionA));
  expect(metas.length).toBeGreaterThan(1);
  const cursorPage = await get(
    `/api/articles?sort=publishedOn:desc&pagination[pageSize]=2${section}&cursor=${encodeURIComponent(
      (await get(`/api/articles?sort=publishedOn:desc&pagination[pageSize]=2${section}`)).meta
        .pagination.nextCursor as string
    )}`
  );
  for (const row of cursorPage.data) expect(row.section?.documentId).toBe(sectionA);

  const english = await walk('&locale=en', 1);
  expect(english.ids).toEqual(await offsetList('&locale=en'));
  expect(english.ids).toEqual([...made.en].reverse());

  // Without publishedOn in `fields`, the cursor is still made (and the answer holds only what was asked).
  const titlesOnly = await walk('&fields[0]=title', 3);
  expect(titlesOnly.ids).toEqual(await offsetList(''));
  const page = await get(
    `/api/articles?sort=publishedOn:desc&pagination[pageSize]=3&fields[0]=title&cursor=${encodeURIComponent(
      titlesOnly.first.meta.pagination.nextCursor as string
    )}`
  );
  expect(page.data[0]).not.toHaveProperty('publishedOn');
});

test('the Jalali archive pages by cursor too, within its period', async () => {
  // Esfand 1402 holds the eight days and the minute (2024-02-20 to 2024-03-19); the undated ones are not in it.
  const archive = '/api/articles/archive/1402/12?';
  const offset = (await get(`${archive}pagination[pageSize]=100`)).data.map(
    (row) => row.documentId
  );
  expect(new Set(offset)).toEqual(new Set(made.fa.filter((id) => !made.undated.includes(id))));
  const { ids, metas } = await walk('', 2, archive);
  expect(ids).toEqual(offset);
  expect(metas[metas.length - 1].nextCursor).toBeNull();
  const cursor = (await get(`${archive}pagination[pageSize]=2`)).meta.pagination
    .nextCursor as string;
  const refused = await get(`${archive}cursor=${cursor}&sort=title:asc`, 400);
  expect(refused.error?.details).toMatchObject({ code: 'CURSOR_WITH_SORT' });
});

test('stories of the same minute and stories without a date are neither skipped nor repeated', async () => {
  const offset = await offsetList('');
  // Where each database sorts NULL in a descending order: PostgreSQL first, SQLite last.
  const undatedAt = offset
    .map((id, index) => (made.undated.includes(id) ? index : -1))
    .filter((index) => index >= 0);
  expect(undatedAt).toEqual(isPostgres() ? [0, 1] : [offset.length - 2, offset.length - 1]);
  // Page size 1 puts a cursor between every two stories of the minute and of the undated ones.
  const { ids } = await walk('', 1);
  expect(ids).toEqual(offset);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a status=draft request walks the published stories only', async () => {
  const { ids } = await walk('&status=draft', 3);
  expect(ids).toEqual(await offsetList(''));
  const titles = (
    await get(
      `/api/articles?sort=publishedOn:desc&pagination[pageSize]=100&status=draft&cursor=${encodeURIComponent(
        (await get('/api/articles?sort=publishedOn:desc&pagination[pageSize]=1')).meta.pagination
          .nextCursor as string
      )}`
    )
  ).data.map((row) => row.title);
  expect(titles.some((title) => title.startsWith('پیش‌نویس'))).toBe(false);
});

test('a cursor that is not one of ours, or one used with an offset or another order, is a 400 with its code', async () => {
  const cursor = (await get('/api/articles?sort=publishedOn:desc&pagination[pageSize]=2')).meta
    .pagination.nextCursor as string;
  const refused = async (query: string, code: string) => {
    const body = await get(`/api/articles?${query}`, 400);
    expect(body.error?.details).toMatchObject({ code, parameter: 'cursor' });
    expect(body.error?.details.messageFa).toEqual(expect.any(String));
  };
  await refused('cursor=abc', 'MALFORMED_CURSOR');
  await refused('cursor=', 'MALFORMED_CURSOR');
  await refused(`cursor=${encodeURIComponent(`${cursor}x`)}`, 'MALFORMED_CURSOR');
  // The payload edited to another position, the signature kept; and a cursor signed with other keys.
  const [payload, signature] = cursor.split('.');
  const [date, id] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, number];
  const moved = Buffer.from(JSON.stringify([date, id + 1])).toString('base64url');
  await refused(`cursor=${moved}.${signature}`, 'TAMPERED_CURSOR');
  await refused(`cursor=${encodeCursor(['another-key'], { date, id })}`, 'TAMPERED_CURSOR');
  await refused(`cursor=${cursor}&pagination[page]=2`, 'CURSOR_WITH_OFFSET');
  await refused(`cursor=${cursor}&pagination[start]=0`, 'CURSOR_WITH_OFFSET');
  await refused(`cursor=${cursor}&sort=title:asc`, 'CURSOR_WITH_SORT');
  await refused(`cursor=${cursor}&sort=publishedOn:asc`, 'CURSOR_WITH_SORT');
  // The cursor alone, without sort, is the newest-first order it was made in.
  const alone = await get(`/api/articles?pagination[pageSize]=2&cursor=${cursor}`);
  const offset = await offsetList('');
  expect(alone.data.map((row) => row.documentId)).toEqual(offset.slice(2, 4));
});

/** The SQL of one request, from every knex instance (SQLite reads use a second one of the app's). */
const statementsOf = async (url: string) => {
  // The module the app's knex instances share (this file's registry loaded the app).
  const Client = require('knex/lib/client') as {
    prototype: { query: (...args: unknown[]) => unknown };
  };
  const statements: Array<{ sql: string; bindings: unknown[] }> = [];
  const query = Client.prototype.query;
  Client.prototype.query = function recorded(this: unknown, ...args: unknown[]) {
    const asked = args[1] as { sql?: string; bindings?: unknown[] } | string;
    if (typeof asked === 'object' && asked?.sql)
      statements.push({ sql: asked.sql, bindings: asked.bindings ?? [] });
    return query.apply(this, args);
  };
  try {
    await get(url);
  } finally {
    Client.prototype.query = query;
  }
  return statements;
};

/** The plan of a statement as one text, with sequential scans priced out on PostgreSQL (as a million rows price them). */
const planOf = async ({ sql, bindings }: { sql: string; bindings: unknown[] }): Promise<string> => {
  const knex = app.strapi.db.connection;
  if (!isPostgres()) {
    const rows = (await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as never)) as Array<{
      detail: string;
    }>;
    return rows.map((row) => row.detail).join('\n');
  }
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    const result = await trx.raw(`EXPLAIN ${sql}`, bindings as never);
    return (result.rows as Array<{ 'QUERY PLAN': string }>)
      .map((row) => row['QUERY PLAN'])
      .join('\n');
  });
};

test("a cursor page's SQL reads the list index from the cursor on: no offset, no sort, no count", async () => {
  const second = (
    await get(
      '/api/articles?sort=publishedOn:desc&pagination[page]=2&pagination[pageSize]=3&locale=fa'
    )
  ).meta.pagination.nextCursor as string;
  const statements = await statementsOf(
    `/api/articles?sort=publishedOn:desc&pagination[pageSize]=3&locale=fa&cursor=${encodeURIComponent(second)}`
  );
  // (An URL no other test asked: the response cache would answer it without SQL.)
  const onArticles = statements.filter((statement) =>
    /[`"]articles[`"] as [`"]t0[`"]/i.test(statement.sql)
  );
  expect(onArticles.filter((statement) => /count\(/i.test(statement.sql))).toEqual([]);
  const pages = onArticles.filter((statement) => /published_on[`"]? <=/.test(statement.sql));
  expect(pages).toHaveLength(1);
  const [page] = pages;
  // The cursor's position is a bound of the index range, and the page skips nothing.
  expect(page.sql).toMatch(
    /order by [`"]t0[`"]\.[`"]published_on[`"] desc, [`"]t0[`"]\.[`"]id[`"] asc/i
  );
  expect(page.sql).toMatch(/limit \?( offset \?)?$/i);
  if (/offset \?$/i.test(page.sql)) expect(page.bindings[page.bindings.length - 1]).toBe(0);
  const plan = await planOf(page);
  expect(plan).toMatch(/articles_published_newest_idx/);
  expect(plan).toMatch(/published_on ?</);
  expect(plan).not.toMatch(/TEMP B-TREE|Sort|SCAN t0|Seq Scan/);
});
