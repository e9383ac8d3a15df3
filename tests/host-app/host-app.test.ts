/**
 * A blog that is not ours (post, category; tests/host-app/app) installs the four plugins from their
 * packed tarballs, configures them in its config/plugins.js, boots on a temporary SQLite database and is
 * asked over real HTTP for what each plugin's README promises.
 */
import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createApiToken } from '../harness/tokens';
import { installHostApp, InstalledHostApp } from './install';

let host: InstalledHostApp;
let strapi: Core.Strapi;
let token: string;

const http = () => request(strapi.server.httpServer);
const get = (url: string) => http().get(url).set('Authorization', token);
const write = (method: 'post' | 'put', url: string, data: Record<string, unknown>) =>
  http()[method](url).set('Authorization', token).send({ data });
const paragraph = (text: string) => ({ __component: 'blog.paragraph', text });

const createCategory = async (data: Record<string, unknown>) =>
  (await write('post', '/api/categories?status=published', data).expect(201)).body.data;
const createPost = async (data: Record<string, unknown>, query = 'status=published') =>
  (await write('post', `/api/posts?${query}`, { summary: 'خلاصه', ...data }).expect(201)).body.data;
/** A GraphQL query that must succeed: its data. */
const graphql = async (query: string) => {
  const res = await http().post('/graphql').set('Authorization', token).send({ query }).expect(200);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
};
const readPost = async (documentId: string, query = '') =>
  (await get(`/api/posts/${documentId}?${query}`).expect(200)).body.data;

beforeAll(async () => {
  host = installHostApp();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: 'host-key-1,host-key-2',
    API_TOKEN_SALT: 'host-api-token-salt',
    ADMIN_JWT_SECRET: 'host-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'host-transfer-token-salt',
    ENCRYPTION_KEY: 'host-encryption-key-0123456789abcdef',
    DATABASE_FILENAME: path.join(host.dir, '.tmp', 'data.db'),
  });
  // The blog's own Strapi, from its node_modules: the plugins are found there, as in any installed app.
  const { createStrapi } = require(path.join(host.dir, 'node_modules', '@strapi', 'strapi'));
  strapi = await createStrapi({
    appDir: host.dir,
    distDir: host.dir,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  token = await createApiToken(strapi);
}, 240000);

afterAll(async () => {
  await strapi?.destroy();
  host?.remove();
});

describe('the packed plugins in a blog', () => {
  it('are loaded from the tarballs, not from our workspace', () => {
    expect(host.tarballs.map((file) => path.basename(file)).sort()).toEqual([
      'pishkhan-jalali-core-0.1.0.tgz',
      'pishkhan-persian-text-rules-0.1.0.tgz',
      'pishkhan-save-pipeline-0.1.0.tgz',
      'pishkhan-strapi-plugin-footer-policy-0.1.0.tgz',
      'pishkhan-strapi-plugin-jalali-date-0.1.0.tgz',
      'pishkhan-strapi-plugin-persian-slug-0.1.0.tgz',
      'pishkhan-strapi-plugin-persian-text-0.1.0.tgz',
    ]);
    for (const name of ['jalali-date', 'persian-slug', 'footer-policy', 'persian-text']) {
      const entry = require.resolve(`@pishkhan/strapi-plugin-${name}/strapi-server`, {
        paths: [host.dir],
      });
      expect(entry).toBe(
        path.join(
          host.dir,
          'node_modules',
          '@pishkhan',
          `strapi-plugin-${name}`,
          'dist/server/index.js'
        )
      );
      expect(strapi.plugin(name)).toBeDefined();
    }
  });
  it('offer their pure cores without Strapi', () => {
    const load = (name: string) =>
      require(require.resolve(`@pishkhan/strapi-plugin-${name}/core`, { paths: [host.dir] }));
    expect(load('persian-slug').persianSlug('سلام دنيا')).toBe('سلام-دنیا');
    expect(
      load('footer-policy').stripTrailingFooter([
        { kind: 'paragraph', text: 'متن.' },
        { kind: 'paragraph', text: 'انتهای پیام/ ۴۲' },
      ]).reporterCode
    ).toBe('42');
  });
});

describe('persian-slug on post', () => {
  it('makes a Persian slug from the title, unique per locale', async () => {
    const first = await createPost({ title: 'سلام دنیا' });
    const second = await createPost({ title: 'سلام دنیا' });
    const english = await createPost({ title: 'سلام دنیا' }, 'status=published&locale=en');
    expect([first.slug, second.slug]).toEqual(['سلام-دنیا', 'سلام-دنیا-2']);
    expect(english.slug).toBe('سلام-دنیا');
  });

  it('redirects an old slug to the current one after a published slug changes', async () => {
    const post = await createPost({ title: 'خبر نخست' });
    await write('put', `/api/posts/${post.documentId}?status=published`, {
      slug: 'خبر-تازه',
    }).expect(200);
    const old = await get(`/api/posts/slug/${encodeURIComponent('خبر-نخست')}`).expect(301);
    expect(decodeURIComponent(old.headers.location)).toBe('/api/posts/slug/خبر-تازه?locale=fa');
    const current = await get(`/api/posts/slug/${encodeURIComponent('خبر-تازه')}`).expect(200);
    expect(current.body.data.documentId).toBe(post.documentId);
  });
});

describe('jalali-date on post.postedOn', () => {
  let post: { documentId: string };
  beforeAll(async () => {
    post = await createPost({ title: 'گزارش آبان', postedOn: '2017-10-31T15:53:00.000Z' });
  });

  it('answers with the Jalali siblings', async () => {
    const read = await readPost(post.documentId);
    expect(read.postedOnJalali.long).toBe('سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳');
    expect(read.publishedAtJalali).toEqual(expect.objectContaining({ iso: expect.any(String) }));
  });

  it('filters by Jalali dates, in any digits', async () => {
    const month = await get(
      `/api/posts?filters[postedOn][$gte]=${encodeURIComponent('۱۳۹۶/۰۸/۰۱')}&filters[postedOn][$lt]=1396/09/01`
    ).expect(200);
    expect(month.body.data.map((row: { title: string }) => row.title)).toEqual(['گزارش آبان']);
    const before = await get('/api/posts?filters[postedOn][$lt]=1396/08/01').expect(200);
    expect(before.body.data).toEqual([]);
  });

  it('serves the Jalali archive of a month and a day', async () => {
    const month = await get('/api/posts/archive/1396/08').expect(200);
    expect(month.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([
      post.documentId,
    ]);
    expect((await get('/api/posts/archive/1396/8/10').expect(200)).body.data).toEqual([]);
    await get('/api/posts/archive/1396/13').expect(400);
  });
});

describe('footer-policy by category', () => {
  it('gives each post the footer of its category chain and strips a typed one', async () => {
    const news = await createCategory({
      name: 'اخبار',
      footerMode: 'custom',
      footerText: 'پایان خبر',
    });
    const sport = await createCategory({
      name: 'ورزش',
      footerMode: 'inherit',
      parent: news.documentId,
    });
    const opinion = await createCategory({ name: 'یادداشت', footerMode: 'none' });

    const inSport = await createPost({
      title: 'بازی امروز',
      category: sport.documentId,
      // A typed footer is recognised by its marker «انتهای پیام» (footer-policy's README), whatever the
      // category prints instead.
      content: [paragraph('متن خبر ورزشی.'), paragraph('انتهاي پيام/ ۴۲')],
    });
    const read = await readPost(inSport.documentId, 'populate=content');
    expect(read).toMatchObject({
      footer: 'پایان خبر',
      footerLine: 'پایان خبر/ ۴۲',
      authorCode: '42',
    });
    expect(read.content.map((block: { text: string }) => block.text)).toEqual(['متن خبر ورزشی.']);

    const inOpinion = await createPost({ title: 'نظر من', category: opinion.documentId });
    expect(await readPost(inOpinion.documentId)).toMatchObject({ footer: null, footerLine: null });

    const uncategorised = await createPost({ title: 'بی‌دسته' });
    expect(await readPost(uncategorised.documentId)).toMatchObject({ footer: 'پایان' });
  });
});

describe('persian-text search over post', () => {
  beforeAll(async () => {
    await createPost({
      title: 'كتاب‌هاي تازه',
      content: [paragraph('نمایشگاه ۱۴۰۳ برگزار می‌شود.')],
      postedOn: '2024-05-01T08:00:00.000Z',
    });
  });
  const titlesFor = async (q: string) =>
    (await get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body.data.map(
      (hit: { title: string }) => hit.title
    );

  it('stored the title with Persian letters (hygiene)', async () => {
    expect(await titlesFor('کتاب‌های تازه')).toEqual(['کتاب‌های تازه']);
  });

  it('finds it whatever the spelling: ي/ی, ك/ک, ZWNJ and digits', async () => {
    for (const q of ['كتابهاي', 'کتاب های', 'کتابهای', 'میشود', 'می شود', '1403', '۱۴۰۳'])
      expect(await titlesFor(q)).toEqual(['کتاب‌های تازه']);
  });
});

describe("the plugins in the blog's GraphQL", () => {
  let post: { documentId: string; slug: string };
  beforeAll(async () => {
    const news = await createCategory({
      name: 'گزارش',
      footerMode: 'custom',
      footerText: 'پایان گزارش',
    });
    post = await createPost({
      title: 'گزارش گرافکیوال',
      category: news.documentId,
      postedOn: '2017-11-05T09:30:00.000Z',
      content: [paragraph('متن گزارشی دربارهٔ واژه‌نامه.')],
    });
  });

  it("serves the Jalali siblings and the footer on the blog's own type", async () => {
    const data = await graphql(
      `{ post(documentId: "${post.documentId}") { slug footer footerLine postedOnJalali { long date } } }`
    );
    expect(data.post).toEqual({
      slug: 'گزارش-گرافکیوال',
      footer: 'پایان گزارش',
      footerLine: 'پایان گزارش',
      postedOnJalali: { long: 'یک‌شنبه ۱۴ آبان ۱۳۹۶ ساعت ۱۳:۰۰', date: '۱۳۹۶/۰۸/۱۴' },
    });
  });

  it('filters by Jalali dates and serves the Jalali archive', async () => {
    const filtered = await graphql(
      '{ posts(filters: { postedOn: { gte: "۱۳۹۶/۰۸/۱۴", lt: "1396/08/15" } }) { title } }'
    );
    expect(filtered.posts).toEqual([{ title: 'گزارش گرافکیوال' }]);
    const archive = await graphql('{ postsArchive(year: 1396, month: 8, day: 14) { title } }');
    expect(archive.postsArchive).toEqual([{ title: 'گزارش گرافکیوال' }]);
  });

  it('resolves a slug and searches in Persian', async () => {
    const bySlug = await graphql(
      '{ postBySlug(slug: "گزارش-گرافكيوال") { slug redirected post { title } } }'
    );
    expect(bySlug.postBySlug).toEqual({
      slug: 'گزارش-گرافکیوال',
      redirected: false,
      post: { title: 'گزارش گرافکیوال' },
    });
    const found = await graphql('{ search(q: "واژه نامه") { total hits { title } } }');
    expect(found.search).toEqual({ total: 1, hits: [{ title: 'گزارش گرافکیوال' }] });
  });
});
