import { bootApp, TestApp } from '../../harness/strapi';
import { toJalaliFields } from '../../../src/jalali';

const SEED_JALALI = {
  year: 1396,
  month: 8,
  day: 9,
  hour: 19,
  minute: 23,
  weekday: 'سه‌شنبه',
  monthName: 'آبان',
  date: '۱۳۹۶/۰۸/۰۹',
  time: '۱۹:۲۳',
  long: 'سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳',
  iso: '1396-08-09T19:23:00+03:30',
};

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
  const publish = (title: string, publishedOn: string) =>
    app.strapi.documents('api::article.article').create({
      locale: 'fa',
      status: 'published',
      data: { title, lead: 'لید', publishedOn } as never,
    });
  // Summer time ended at the end of 1396/06/30, so both are +03:30.
  await publish('آخرین ساعت شهریور', '2017-09-22T20:00:00.000Z'); // 1396/06/31 23:30 Tehran
  await publish('اولین دقیقه‌های مهر', '2017-09-22T20:40:00.000Z'); // 1396/07/01 00:10 Tehran
  await publish('نیمه‌ی آبان', '2017-11-06T08:30:00.000Z'); // 1396/08/15 12:00 Tehran
});
afterAll(async () => {
  await app?.close();
});

const titles = (body: { data: Array<{ title: string }> }) =>
  body.data.map((article) => article.title);

describe('Jalali fields in REST', () => {
  it('the seed article carries publishedOnJalali exactly, and publishedAt/updatedAt siblings', async () => {
    const res = await app
      .http()
      .get('/api/articles?filters[author][$eq]=' + encodeURIComponent('شریف زاده'))
      .expect(200);
    const [article] = res.body.data;
    expect(article.publishedOnJalali).toEqual(SEED_JALALI);
    expect(article.publishedAtJalali).toEqual(
      expect.objectContaining({ year: expect.any(Number), long: expect.any(String) })
    );
    expect(article.updatedAtJalali.iso).toMatch(/^1[34]\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+0[34]:30$/);
    const one = await app.http().get(`/api/articles/${article.documentId}`).expect(200);
    expect(one.body.data.publishedOnJalali.long).toBe('سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳');
  });

  it('populated relations carry them too', async () => {
    const res = await app
      .http()
      .get(
        '/api/sections?populate[articles][fields][0]=title&populate[articles][fields][1]=publishedOn'
      )
      .expect(200);
    const articles = res.body.data.flatMap((section: { articles: unknown[] }) => section.articles);
    expect(articles).toContainEqual(expect.objectContaining({ publishedOnJalali: SEED_JALALI }));
  });

  it('every timestamp at any depth is followed by its sibling, in the bytes koa sends', async () => {
    const res = await app
      .http()
      .get(
        '/api/articles?populate[section]=true&populate[quotedOfficials]=true&populate[body]=true&pagination[pageSize]=100'
      )
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = res.body as Buffer;
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(bytes.length);
    const text = bytes.toString('utf8');
    let checked = 0;
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (['publishedOn', 'publishedAt', 'updatedAt'].includes(key)) {
          const sibling = (node as Record<string, unknown>)[`${key}Jalali`];
          expect(sibling).toEqual(typeof value === 'string' ? toJalaliFields(value) : null);
          expect(text).toContain(
            `${JSON.stringify(key)}:${JSON.stringify(value)},"${key}Jalali":${JSON.stringify(sibling)}`
          );
          checked += 1;
        } else if (!key.endsWith('Jalali')) visit(value);
      }
    };
    visit(JSON.parse(text));
    // Four articles (three timestamps each), the seed's section and its official (two each).
    expect(checked).toBe(4 * 3 + 2 + 2);
  });

  it('display strings use Persian digits and no bidi controls; numbers and iso use Latin digits', async () => {
    const res = await app.http().get('/api/articles').expect(200);
    for (const { publishedOnJalali: jalali } of res.body.data) {
      expect(`${jalali.date}${jalali.time}${jalali.long}`).not.toMatch(
        /[0-9\u0660-\u0669\u200E\u200F\u202A-\u202E\u2066-\u2069]/
      );
      expect(jalali.iso).toMatch(/^[0-9T:+-]+$/);
    }
  });

  it('the admin API is left untouched', async () => {
    const res = await app.http().get('/admin/init').expect(200);
    expect(JSON.stringify(res.body)).not.toContain('Jalali');
  });
});

describe('Jalali filters in REST', () => {
  const filtered = (query: string) => app.http().get(`/api/articles?${query}&sort=publishedOn:asc`);

  it('accepts Jalali dates with Latin or Persian digits, meaning Tehran midnight', async () => {
    const latin = await filtered(
      'filters[publishedOn][$gte]=1396/08/01&filters[publishedOn][$lt]=1396/08/10'
    ).expect(200);
    expect(titles(latin.body)).toEqual([
      'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر',
    ]);
    const persian = await filtered(
      `filters[publishedOn][$gte]=${encodeURIComponent('۱۳۹۶/۰۷/۰۱')}&filters[publishedOn][$lt]=${encodeURIComponent('۱۳۹۶/۰۷/۰۲')}`
    ).expect(200);
    expect(titles(persian.body)).toEqual(['اولین دقیقه‌های مهر']);
  });

  it('accepts a date with a time and month names', async () => {
    const res = await filtered(
      `filters[publishedOn][$gt]=${encodeURIComponent('۹ آبان ۱۳۹۶ ساعت ۱۹:۲۲')}&filters[publishedOn][$lt]=${encodeURIComponent('1396/8/9 19:24')}`
    ).expect(200);
    expect(res.body.data).toHaveLength(1);
  });

  it('still accepts ISO Gregorian values', async () => {
    const res = await filtered('filters[publishedOn][$gte]=2017-11-01T00:00:00Z').expect(200);
    expect(titles(res.body)).toEqual(['نیمه‌ی آبان']);
  });

  it('answers 400 naming the problem for an impossible date', async () => {
    const res = await filtered('filters[publishedOn][$gte]=1402/12/30').expect(400);
    expect(res.body.error.message).toMatch(/Esfand 1402/);
    expect(res.body.error.details.messageFa).toMatch(/اسفند/);
  });
});

describe('the Jalali archive', () => {
  it('a month includes its day 31 in Tehran time, and nothing of the next month', async () => {
    const res = await app.http().get('/api/articles/archive/1396/06').expect(200);
    expect(titles(res.body)).toEqual(['آخرین ساعت شهریور']);
    const day = await app.http().get('/api/articles/archive/1396/6/31').expect(200);
    expect(titles(day.body)).toEqual(['آخرین ساعت شهریور']);
    const next = await app.http().get('/api/articles/archive/1396/7/1').expect(200);
    expect(titles(next.body)).toEqual(['اولین دقیقه‌های مهر']);
  });

  it('padded and unpadded numbers, newest first, paginated like Strapi lists', async () => {
    const padded = await app.http().get('/api/articles/archive/1396/08').expect(200);
    const unpadded = await app.http().get('/api/articles/archive/1396/8').expect(200);
    expect(titles(padded.body)).toEqual([
      'نیمه‌ی آبان',
      'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر',
    ]);
    expect(titles(unpadded.body)).toEqual(titles(padded.body));
    // Newest first, the archive's pages carry the cursor of the next one (none after the last).
    expect(padded.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 25,
      pageCount: 1,
      total: 2,
      nextCursor: null,
    });
    const page2 = await app
      .http()
      .get('/api/articles/archive/1396?pagination[pageSize]=2&pagination[page]=2')
      .expect(200);
    expect(page2.body.meta.pagination).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(page2.body.data[0].publishedOnJalali).toBeDefined();
  });

  it.each([
    ['/api/articles/archive/1402/12/30', /Esfand 1402/],
    ['/api/articles/archive/1396/07/31', /Mehr/],
    ['/api/articles/archive/1396/13', /[Mm]onth 13/],
    ['/api/articles/archive/13x6', /must be a number/],
  ])('%s answers 400 with a clear message', async (url, message) => {
    const res = await app.http().get(url).expect(400);
    expect(res.body.error.message).toMatch(message);
  });
});

describe('Jalali dates in GraphQL', () => {
  it('publishedOnJalali on articles', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .send({
        query:
          '{ articles(filters: { author: { eq: "شریف زاده" } }) { publishedOnJalali { year month day hour minute weekday monthName date time long iso } publishedAtJalali { year } } }',
      })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles[0].publishedOnJalali).toEqual(SEED_JALALI);
  });

  it('articlesArchive', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .send({
        query:
          '{ articlesArchive(year: 1396, month: 6, day: 31) { title publishedOnJalali { long } } }',
      })
      .expect(200);
    expect(res.body.data.articlesArchive).toEqual([
      { title: 'آخرین ساعت شهریور', publishedOnJalali: { long: 'جمعه ۳۱ شهریور ۱۳۹۶ ساعت ۲۳:۳۰' } },
    ]);
    const bad = await app
      .http()
      .post('/graphql')
      .send({ query: '{ articlesArchive(year: 1402, month: 12, day: 30) { title } }' });
    expect(bad.body.errors[0].message).toMatch(/Esfand 1402/);
  });
});

describe('Jalali filters in GraphQL', () => {
  const graphql = (query: string, variables?: Record<string, unknown>) =>
    app.http().post('/graphql').send({ query, variables });
  const graphqlTitles = (body: { data: { articles: Array<{ title: string }> } }) =>
    body.data.articles.map((article) => article.title);

  it('accepts Jalali dates in DateTime filters, inline and in variables, meaning Tehran midnight', async () => {
    const inline = await graphql(
      '{ articles(filters: { publishedOn: { gte: "1396/08/01", lt: "1396/08/10" } }) { title } }'
    ).expect(200);
    expect(inline.body.errors).toBeUndefined();
    expect(graphqlTitles(inline.body)).toEqual([
      'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر',
    ]);
    const variables = await graphql(
      'query ($from: DateTime, $to: DateTime) { articles(filters: { publishedOn: { gte: $from, lt: $to } }) { title } }',
      { from: '۱۳۹۶/۰۷/۰۱', to: '۱۳۹۶/۰۷/۰۲' }
    ).expect(200);
    expect(graphqlTitles(variables.body)).toEqual(['اولین دقیقه‌های مهر']);
  });

  it('still accepts ISO Gregorian values', async () => {
    const res = await graphql(
      '{ articles(filters: { publishedOn: { gte: "2017-11-01T00:00:00Z" } }) { title } }'
    ).expect(200);
    expect(graphqlTitles(res.body)).toEqual(['نیمه‌ی آبان']);
  });

  it.each([
    [
      'inline',
      '{ articles(filters: { publishedOn: { gte: "1402/12/30" } }) { title } }',
      undefined,
    ],
    [
      'in a variable',
      'query ($from: DateTime) { articles(filters: { publishedOn: { gte: $from } }) { title } }',
      { from: '1402/12/30' },
    ],
  ])(
    'refuses an impossible date %s, naming the problem in English and Persian',
    async (_, query, vars) => {
      const res = await graphql(query, vars);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0].message).toMatch(/Esfand 1402/);
      expect(res.body.errors[0].extensions.messageFa).toMatch(/اسفند/);
    }
  );
});

describe('publishedOn', () => {
  it('is set to the publish moment when left empty', async () => {
    const created = await app.strapi.documents('api::article.article').create({
      locale: 'fa',
      data: { title: 'بی‌تاریخ', lead: 'لید' } as never,
    });
    await app.strapi
      .documents('api::article.article')
      .publish({ documentId: created.documentId, locale: 'fa' });
    const res = await app.http().get(`/api/articles/${created.documentId}`).expect(200);
    expect(res.body.data.publishedOn).toBe(res.body.data.publishedAt);
    expect(res.body.data.publishedOnJalali.year).toBeGreaterThanOrEqual(1405);
  });
});
