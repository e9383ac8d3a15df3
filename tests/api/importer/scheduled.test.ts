import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { ARTICLE, story } from './helpers';

/** «شنبه ۲۹ اسفند ۱۴۰۵ ساعت ۱۱:۳۰» in Tehran time: the embargo. */
const FUTURE_LINE = 'شنبه ۲۹ اسفند ۱۴۰۵ ساعت ۱۱:۳۰ -';
const FUTURE_AT = Date.parse('2027-03-20T08:00:00Z');

let app: TestApp;
let writer: string;

beforeAll(async () => {
  app = await bootApp();
  writer = await createApiToken(app.strapi, 'full-access');
});
afterAll(async () => {
  await app?.close();
});

const importFiles = (body: Record<string, unknown>) =>
  app.http().post('/api/import').set('Authorization', writer).send(body).expect(200);

const rowsOf = (documentId: string) =>
  app.strapi.db
    .query(ARTICLE)
    .findMany({ where: { documentId }, select: ['publishedAt', 'publishedOn'] });

const schedulesOf = async (documentId: string) =>
  (
    await app.strapi.db
      .connection('article_schedules')
      .where({ document_id: documentId })
      .select('action', 'due_at')
  ).map((row: { action: string; due_at: number | string }) => ({
    action: row.action,
    dueAt: Number(row.due_at),
  }));

/** Nothing of the story is public: findOne, the list, and the search. */
const expectHidden = async (documentId: string, title: string) => {
  await app.http().get(`/api/articles/${documentId}`).expect(404);
  const list = await app
    .http()
    .get(`/api/articles?filters[documentId][$eq]=${documentId}`)
    .expect(200);
  expect(list.body.data).toEqual([]);
  const search = await app.http().get(`/api/search?q=${encodeURIComponent(title)}`);
  expect(JSON.stringify(search.body)).not.toContain(documentId);
};

describe('an import with publish of a story whose publishedOn is still to come', () => {
  it('batch path: the future story becomes a draft and a schedule, the past one is published now', async () => {
    const res = await importFiles({
      publish: true,
      files: [
        { name: 'past.txt', content: story(1) },
        { name: 'future.txt', content: story(2, { date: FUTURE_LINE }) },
      ],
    });
    expect(res.body.summary).toEqual({ imported: 2, updated: 0, skipped: 0, failed: 0 });
    const [past, future] = res.body.documents;
    expect(future).toMatchObject({ ok: true, action: 'created' });

    await app.http().get(`/api/articles/${past.documentId}`).expect(200);
    expect(await schedulesOf(past.documentId)).toEqual([]);

    const rows = await rowsOf(future.documentId);
    expect(rows).toHaveLength(1);
    expect(rows[0].publishedAt).toBeNull();
    expect(new Date(rows[0].publishedOn).getTime()).toBe(FUTURE_AT);
    expect(await schedulesOf(future.documentId)).toEqual([{ action: 'publish', dueAt: FUTURE_AT }]);
    await expectHidden(future.documentId, 'تیتر خبر آزمایشی شماره 2');

    // The writer sees the schedule; the same file again changes nothing.
    const schedule = await app
      .http()
      .get(`/api/articles/${future.documentId}/schedule`)
      .set('Authorization', writer)
      .expect(200);
    expect(schedule.body.data.scheduledAt).toBe(new Date(FUTURE_AT).toISOString());
    const again = await importFiles({
      publish: true,
      files: [{ name: 'future.txt', content: story(2, { date: FUTURE_LINE }) }],
    });
    expect(again.body.documents[0]).toMatchObject({
      ok: true,
      action: 'skipped',
      documentId: future.documentId,
    });
    expect(await rowsOf(future.documentId)).toHaveLength(1);
  });

  it('update path: a draft imported before, imported again with publish, is scheduled and not published', async () => {
    const content = story(3, { date: FUTURE_LINE });
    const draft = await importFiles({ files: [{ name: 'three.txt', content }] });
    const { documentId } = draft.body.documents[0];
    expect(await schedulesOf(documentId)).toEqual([]);

    const res = await importFiles({ publish: true, files: [{ name: 'three.txt', content }] });
    expect(res.body.documents[0]).toMatchObject({ ok: true, action: 'updated', documentId });
    expect(
      (await rowsOf(documentId)).map((row: { publishedAt: unknown }) => row.publishedAt)
    ).toEqual([null]);
    expect(await schedulesOf(documentId)).toEqual([{ action: 'publish', dueAt: FUTURE_AT }]);
    await expectHidden(documentId, 'تیتر خبر آزمایشی شماره 3');
  });

  it('goes live by itself at its time (moved 2 s ahead here), published once', async () => {
    const res = await importFiles({
      publish: true,
      files: [{ name: 'four.txt', content: story(4, { date: FUTURE_LINE }) }],
    });
    const { documentId } = res.body.documents[0];
    await expectHidden(documentId, 'تیتر خبر آزمایشی شماره 4');
    await app
      .http()
      .put(`/api/articles/${documentId}/schedule`)
      .set('Authorization', writer)
      .send({ data: { publishAt: new Date(Date.now() + 2000).toISOString() } })
      .expect(200);
    const end = Date.now() + 15_000;
    while (
      Date.now() < end &&
      (await app.http().get(`/api/articles/${documentId}`)).status !== 200
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await app.http().get(`/api/articles/${documentId}`).expect(200);
    expect(await rowsOf(documentId)).toHaveLength(2);
    expect(await schedulesOf(documentId)).toEqual([]);
  });
});
