import { toJalaliFields } from '../../../src/jalali';
import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';

const UID = 'api::article.article';
const AHEAD_MS = 3000;

let app: TestApp;
let writer: string;
let reader: string;
const publishEvents: string[] = [];

type Story = {
  documentId: string;
  slug: string;
  newsCode: number;
  title: string;
  publishedAt: string | null;
};

const post = async (data: Record<string, unknown>, status = 'published'): Promise<Story> => {
  const res = await app
    .http()
    .post(`/api/articles?status=${status}`)
    .set('Authorization', writer)
    .send({ data: { lead: 'لید خبر', ...data } });
  expect(res.status).toBe(201);
  return res.body.data;
};

const isLive = async (documentId: string) =>
  (await app.strapi.db
    .query(UID)
    .count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

/** Waits (bounded) until the scheduler has published or withdrawn the story. */
const waitUntil = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the scheduler did not act in time');
};

/** The story as every public path shows it: the title each path serves, or null where it is absent. */
const publicView = async (story: Story, word: string, dueAt: number) => {
  const { year, month } = toJalaliFields(new Date(dueAt));
  const gql = await app
    .http()
    .post('/graphql')
    .send({
      query: `{ article(documentId: "${story.documentId}") { title }
              articles(filters: { documentId: { eq: "${story.documentId}" } }) { title } }`,
    });
  const [list, one, bySlug, byCode, archive, search] = await Promise.all([
    app.http().get(`/api/articles?filters[documentId][$eq]=${story.documentId}`),
    app.http().get(`/api/articles/${story.documentId}`),
    app.http().get(`/api/articles/slug/${encodeURIComponent(story.slug)}`),
    app.http().get(`/api/articles/code/${story.newsCode}`),
    app.http().get(`/api/articles/archive/${year}/${month}?pagination[pageSize]=100`),
    app.http().get(`/api/search?q=${encodeURIComponent(word)}`),
  ]);
  for (const res of [list, one, bySlug, byCode, archive, search, gql])
    expect(JSON.stringify(res.body)).not.toMatch(/"scheduledAt(Jalali)?"\s*:\s*"?\d/);
  const titleIn = (items: Array<{ documentId?: string; title: string }> | undefined) =>
    items?.find((item) => item.documentId === undefined || item.documentId === story.documentId)
      ?.title ?? null;
  return {
    list: titleIn(list.body.data),
    findOne: one.status === 200 ? one.body.data.title : null,
    slug: bySlug.status === 200 ? bySlug.body.data.title : null,
    newsCode: byCode.status === 200 ? byCode.body.data.title : null,
    archive: titleIn(
      (archive.body.data ?? []).filter((item: Story) => item.documentId === story.documentId)
    ),
    search: titleIn(
      (search.body.data ?? []).filter((hit: Story) => hit.documentId === story.documentId)
    ),
    graphqlOne: gql.body.data?.article?.title ?? null,
    graphqlList: titleIn(gql.body.data?.articles),
  };
};

const everywhere = (title: string | null) => ({
  list: title,
  findOne: title,
  slug: title,
  newsCode: title,
  archive: title,
  search: title,
  graphqlOne: title,
  graphqlList: title,
});

beforeAll(async () => {
  app = await bootApp();
  writer = await createApiToken(app.strapi, 'full-access');
  reader = await createApiToken(app.strapi, 'read-only');
  app.strapi.eventHub.on(
    'entry.publish',
    async (event: { uid: string; entry: { documentId: string } }) => {
      if (event.uid === UID) publishEvents.push(event.entry.documentId);
    }
  );
});
afterAll(async () => {
  await app?.close();
});

describe('a story published with a future publishedOn', () => {
  it('is invisible on every public path until its time, then live everywhere, published once and not early', async () => {
    const dueAt = Date.now() + AHEAD_MS;
    const story = await post({
      title: 'مصاحبه‌ی تحریم‌دار وزیر',
      publishedOn: new Date(dueAt).toISOString(),
    });
    expect(story.publishedAt).toBeNull();

    expect(await publicView(story, 'تحریم‌دار', dueAt)).toEqual(everywhere(null));
    expect(Date.now()).toBeLessThan(dueAt); // the checks above ran before the embargo lifted

    await waitUntil(() => isLive(story.documentId));
    // At once, with no wait: the cached answers read above must not be served any more.
    expect(await publicView(story, 'تحریم‌دار', dueAt)).toEqual(
      everywhere('مصاحبه‌ی تحریم‌دار وزیر')
    );
    const live = await app.strapi.db
      .query(UID)
      .findOne({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } });
    expect(new Date(live.publishedAt).getTime()).toBeGreaterThanOrEqual(dueAt);
    expect(publishEvents.filter((id) => id === story.documentId)).toHaveLength(1);
  });

  it('shows its schedule to write tokens only, in UTC and in Tehran time', async () => {
    const dueAt = Date.UTC(2027, 2, 20, 8, 0);
    const story = await post({
      title: 'بیانیه‌ی نوروزی',
      publishedOn: new Date(dueAt).toISOString(),
    });
    const res = await app
      .http()
      .get(`/api/articles/${story.documentId}/schedule`)
      .set('Authorization', writer)
      .expect(200);
    expect(res.body.data).toMatchObject({
      scheduledAt: '2027-03-20T08:00:00.000Z',
      scheduledAtJalali: {
        long: 'شنبه ۲۹ اسفند ۱۴۰۵ ساعت ۱۱:۳۰',
        iso: '1405-12-29T11:30:00+03:30',
      },
      unpublishAt: null,
      live: false,
    });
    await app
      .http()
      .get(`/api/articles/${story.documentId}/schedule`)
      .set('Authorization', reader)
      .expect(403);
    await app.http().get(`/api/articles/${story.documentId}/schedule`).expect(403);
    await app
      .http()
      .delete(`/api/articles/${story.documentId}/schedule`)
      .set('Authorization', reader)
      .expect(403);
    const list = await app.http().get('/api/articles?pagination[pageSize]=100').expect(200);
    expect(list.body.data.map((item: Story) => item.title)).not.toContain('بیانیه‌ی نوروزی');

    // In the articles themselves: for writers (the draft, as full-access tokens read drafts), never for readers.
    const draft = await app
      .http()
      .get(`/api/articles/${story.documentId}?status=draft`)
      .set('Authorization', writer)
      .expect(200);
    expect(draft.body.data).toMatchObject({
      scheduledAt: '2027-03-20T08:00:00.000Z',
      scheduledAtJalali: { long: 'شنبه ۲۹ اسفند ۱۴۰۵ ساعت ۱۱:۳۰' },
      unpublishAt: null,
    });
    expect(story).toMatchObject({ scheduledAt: '2027-03-20T08:00:00.000Z' });
    const writerList = await app
      .http()
      .get('/api/articles?pagination[pageSize]=100')
      .set('Authorization', writer)
      .expect(200);
    expect(
      writerList.body.data.every((item: Record<string, unknown>) => 'scheduledAt' in item)
    ).toBe(true);
    for (const auth of [reader, undefined]) {
      const req = app.http().get('/api/articles?pagination[pageSize]=100');
      if (auth) req.set('Authorization', auth);
      const res = await req.expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toMatch(/scheduledAt|unpublishAt/);
    }
  });
});

describe('a live story updated with a future time', () => {
  it('keeps serving the old version until then', async () => {
    const story = await post({ title: 'نسخه‌ی نخست گزارش', publishedOn: '2026-01-01T08:00:00Z' });
    expect(story.publishedAt).not.toBeNull();
    const dueAt = Date.now() + AHEAD_MS;
    const res = await app
      .http()
      .put(`/api/articles/${story.documentId}?status=published`)
      .set('Authorization', writer)
      .send({ data: { title: 'نسخه‌ی دوم گزارش', publishedOn: new Date(dueAt).toISOString() } });
    expect(res.status).toBe(200);
    const before = await app.http().get(`/api/articles/${story.documentId}`).expect(200);
    expect(before.body.data.title).toBe('نسخه‌ی نخست گزارش');
    expect(before.body.data.publishedOn).toBe('2026-01-01T08:00:00.000Z');
    expect(Date.now()).toBeLessThan(dueAt);

    await waitUntil(async () => {
      const row = await app.strapi.db
        .query(UID)
        .findOne({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } });
      return row?.title === 'نسخه‌ی دوم گزارش';
    });
    const after = await app.http().get(`/api/articles/${story.documentId}`).expect(200);
    expect(after.body.data.title).toBe('نسخه‌ی دوم گزارش');
  });
});

describe('the schedule API', () => {
  it('schedules a draft in Tehran time, moves it, and cancels it', async () => {
    const story = await post({ title: 'اطلاعیه‌ی لغوشده' }, 'draft');
    const url = `/api/articles/${story.documentId}/schedule`;
    const set = await app
      .http()
      .put(url)
      .set('Authorization', writer)
      .send({ data: { publishAt: '۱۴۰۶/۰۱/۰۱ ۰۸:۰۰' } })
      .expect(200);
    expect(set.body.data.scheduledAt).toBe('2027-03-21T04:30:00.000Z');
    const moved = await app
      .http()
      .put(url)
      .set('Authorization', writer)
      .send({ data: { publishAt: new Date(Date.now() + 2000).toISOString() } })
      .expect(200);
    expect(new Date(moved.body.data.scheduledAt).getTime()).toBeLessThan(Date.UTC(2027, 0, 1));
    const cancelled = await app.http().delete(url).set('Authorization', writer).expect(200);
    expect(cancelled.body.data).toMatchObject({
      scheduledAt: null,
      unpublishAt: null,
      live: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await isLive(story.documentId)).toBe(false);
  });

  it('withdraws a story at its expiry', async () => {
    const story = await post({ title: 'اطلاعیه‌ی موقت', publishedOn: '2026-01-01T08:00:00Z' });
    const unpublishAt = Date.now() + 2000;
    const res = await app
      .http()
      .put(`/api/articles/${story.documentId}/schedule`)
      .set('Authorization', writer)
      .send({ data: { unpublishAt: new Date(unpublishAt).toISOString() } })
      .expect(200);
    expect(res.body.data).toMatchObject({
      scheduledAt: null,
      live: true,
      unpublishAt: new Date(unpublishAt).toISOString(),
    });
    await app.http().get(`/api/articles/${story.documentId}`).expect(200);
    await waitUntil(async () => !(await isLive(story.documentId)));
    await app.http().get(`/api/articles/${story.documentId}`).expect(404);
  });

  it.each([
    ['a past time', { publishAt: '2020-01-01T08:00:00Z' }, 'publishAt'],
    ['an impossible Jalali date', { publishAt: '1402/12/30 10:00' }, 'publishAt'],
    [
      'an expiry before the publish time',
      { publishAt: '2030-01-02T00:00:00Z', unpublishAt: '2030-01-01T00:00:00Z' },
      'unpublishAt',
    ],
    ['nothing', {}, 'publishAt'],
  ])('refuses %s with a 400 naming the field', async (_name, data, field) => {
    const story = await post({ title: `خبر ${field} ${Math.random()}` }, 'draft');
    const res = await app
      .http()
      .put(`/api/articles/${story.documentId}/schedule`)
      .set('Authorization', writer)
      .send({ data });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ field });
    expect(res.body.error.details.messageFa).toMatch(/[آ-ی]/);
  });

  it('answers 404 for an unknown story', async () => {
    await app
      .http()
      .get('/api/articles/nosuchdocument000000000000/schedule')
      .set('Authorization', writer)
      .expect(404);
  });
});

describe('GraphQL', () => {
  const gql = (query: string, auth?: string) => {
    const req = app.http().post('/graphql');
    if (auth) req.set('Authorization', auth);
    return req.send({ query });
  };

  it('schedules, reads and cancels for write tokens, in Tehran time', async () => {
    const story = await post({ title: 'خبر زمان‌بندی گراف‌کیوال' }, 'draft');
    const set = await gql(
      `mutation { scheduleArticle(documentId: "${story.documentId}", publishAt: "1406/01/01 08:00", unpublishAt: "1406/01/02 08:00") {
      scheduledAt scheduledAtJalali { long iso } unpublishAt live } }`,
      writer
    ).expect(200);
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.scheduleArticle).toEqual({
      scheduledAt: '2027-03-21T04:30:00.000Z',
      scheduledAtJalali: {
        long: 'یک‌شنبه ۱ فروردین ۱۴۰۶ ساعت ۰۸:۰۰',
        iso: '1406-01-01T08:00:00+03:30',
      },
      unpublishAt: '2027-03-22T04:30:00.000Z',
      live: false,
    });
    const read = await gql(
      `{ articleSchedule(documentId: "${story.documentId}") { scheduledAt } }`,
      writer
    ).expect(200);
    expect(read.body.data.articleSchedule.scheduledAt).toBe('2027-03-21T04:30:00.000Z');
    const cancelled = await gql(
      `mutation { cancelArticleSchedule(documentId: "${story.documentId}") { scheduledAt unpublishAt } }`,
      writer
    ).expect(200);
    expect(cancelled.body.data.cancelArticleSchedule).toEqual({
      scheduledAt: null,
      unpublishAt: null,
    });
  });

  it('refuses bad times with the field named, and refuses readers and the public', async () => {
    const story = await post({ title: 'خبر رد زمان‌بندی' }, 'draft');
    const bad = await gql(
      `mutation { scheduleArticle(documentId: "${story.documentId}", publishAt: "2020-01-01T00:00:00Z") { scheduledAt } }`,
      writer
    );
    expect(bad.body.errors[0].message).toContain('publishAt');
    for (const auth of [reader, undefined]) {
      const res = await gql(
        `{ articleSchedule(documentId: "${story.documentId}") { scheduledAt } }`,
        auth
      );
      expect(res.body.data?.articleSchedule ?? null).toBeNull();
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('createArticle with status PUBLISHED and a future publishedOn schedules too', async () => {
    const created = await gql(
      `mutation { createArticle(status: PUBLISHED, data: { title: "خبر گراف‌کیوال آینده", lead: "لید",
      publishedOn: "2030-01-01T08:00:00Z" }) { documentId publishedAt } }`,
      writer
    ).expect(200);
    expect(created.body.errors).toBeUndefined();
    const { documentId, publishedAt } = created.body.data.createArticle;
    expect(publishedAt).toBeNull();
    await app.http().get(`/api/articles/${documentId}`).expect(404);
    const read = await gql(
      `{ articleSchedule(documentId: "${documentId}") { scheduledAt live } }`,
      writer
    ).expect(200);
    expect(read.body.data.articleSchedule).toEqual({
      scheduledAt: '2030-01-01T08:00:00.000Z',
      live: false,
    });
  });

  it('the public Article type has no schedule fields', async () => {
    const res = await gql('{ articles { title scheduledAt } }');
    expect(res.body.errors[0].message).toContain('scheduledAt');
  });
});
