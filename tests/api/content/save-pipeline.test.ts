import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';

/**
 * The save pipeline (src/save-pipeline.ts, docs/save-pipeline.md) as a client sees it: a refused write
 * takes no news code and no slug, and the answer to a create is the row as stored without reading it again.
 */
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp({ seed: false });
  token = await createApiToken(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

const ARTICLE = 'api::article.article';
const paragraph = (text: string) => ({ __component: 'article.paragraph', text });
const STORY = 'نماینده‌ی مردم تهران گفت: بودجه‌ی سال آینده باید شفاف باشد.';
const create = (data: Record<string, unknown>) =>
  app.http().post('/api/articles?status=published').set('Authorization', token).send({ data });

describe('a refused write', () => {
  it('takes no news code: the next accepted create has the code after the last one', async () => {
    const first = (await create({ title: 'خبر نخست کد', lead: 'لید' }).expect(201)).body.data;
    const refusals = [
      // Two stories pasted together: the footer policy refuses before the write.
      [
        {
          title: 'دو خبر چسبیده',
          body: [
            paragraph(STORY),
            paragraph('انتهای پیام'),
            paragraph('به گزارش ایرنا، خبر دوم اینجا شروع می‌شود.'),
          ],
        },
        'FOOTER_IN_MIDDLE',
      ],
      // A title of tatweel and spaces: persian-text refuses before the write.
      [{ title: 'ـــ  ـ' }, 'BLANK_FIELD'],
    ] as const;
    for (const [data, code] of refusals) {
      const refused = await create(data).expect(400);
      expect(refused.body.error.details.code).toBe(code);
    }
    // Strapi's own validation refuses inside the write, after the slug was claimed: that is rolled back too.
    await create({ title: 'خبر با لید بلند', lead: 'ل'.repeat(3001) }).expect(400);
    const next = (await create({ title: 'خبر دوم کد', lead: 'لید' }).expect(201)).body.data;
    expect(next.newsCode).toBe(first.newsCode + 1);
    const again = (await create({ title: 'خبر با لید بلند', lead: 'لید' }).expect(201)).body.data;
    expect(again.slug).toBe('خبر-با-لید-بلند');
  });
});

describe('the answer to a create', () => {
  it("carries the derived fields from the one read and one write after Strapi's, with no read of the row after that write", async () => {
    const table = app.strapi.db.metadata.get(ARTICLE).tableName;
    const statements: string[] = [];
    const listen = (query: { sql: string }) => statements.push(query.sql);
    app.strapi.db.connection.on('query', listen);
    let created: Record<string, unknown>;
    try {
      created = (await app.strapi.documents(ARTICLE).create({
        data: { title: 'پاسخ بی‌خواندن', lead: 'لید', reporterCode: '۲۳' } as never,
        status: 'published',
      })) as never;
    } finally {
      app.strapi.db.connection.off('query', listen);
    }
    const mentions = (sql: string) => sql.includes(`"${table}"`) || sql.includes(`\`${table}\``);
    // Within the save's transaction: after the pipeline's one write of each row, the row is not read
    // again (what Strapi itself reads after the commit, its content history, is not the answer).
    const commit = statements.findIndex((sql) => /^commit/i.test(sql));
    const inSave = statements.slice(0, commit);
    const lastWrite = inSave.map((sql) => /^update/i.test(sql) && mentions(sql)).lastIndexOf(true);
    expect(lastWrite).toBeGreaterThan(-1);
    expect(
      inSave.slice(lastWrite + 1).filter((sql) => /^select/i.test(sql) && mentions(sql))
    ).toEqual([]);
    // One read of the document's rows after Strapi's write: the first select of them by documentId after its last insert.
    const lastInsert = inSave.map((sql) => /^insert/i.test(sql) && mentions(sql)).lastIndexOf(true);
    const rowReads = inSave
      .slice(lastInsert + 1)
      .filter(
        (sql) =>
          /^select/i.test(sql) && mentions(sql) && /document_id/.test(sql.split(' from ')[1] ?? '')
      );
    expect(rowReads).toHaveLength(1);
    const stored = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { id: created!.id as number } });
    expect(created!).toMatchObject({
      newsCode: stored.newsCode,
      footer: 'انتهای پیام',
      footerLine: 'انتهای پیام/ ۲۳',
      publishedOn: stored.publishedOn,
      updatedAt: stored.updatedAt,
    });
    expect(stored.newsCode).not.toBeNull();
    expect(stored.publishedOn).not.toBeNull();
  });
});
