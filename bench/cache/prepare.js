// Fills a fresh database for the cache benchmark: the demo content plus N published stories spread over
// the sections and the year 1403, with bodies and a quote, and a full-access API token for the publisher.
// Prints one JSON line: { token, stories: [{ documentId, slug, newsCode }], sections: [documentId] }.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');
const count = Number(process.argv[2] || 120);

const paragraph = (i, n) => ({
  __component: 'article.paragraph',
  text: `بند ${n} از گزارش شماره ${i}: نمایندگان مجلس درباره‌ی بودجه‌ی سال آینده و واگذاری خدمات دولتی به دفاتر پیشخوان گفت‌وگو کردند و خواستار شفافیت بیشتر شدند.`,
});

(async () => {
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  const sections = await strapi
    .documents('api::section.section')
    .findMany({ locale: 'fa', status: 'published' });
  const [official] = await strapi
    .documents('api::official.official')
    .findMany({ locale: 'fa', status: 'published' });
  const stories = [];
  const start = Date.UTC(2024, 2, 21, 6, 0, 0); // 1 Farvardin 1403
  for (let i = 0; i < count; i += 1) {
    const body = [1, 2, 3, 4, 5].map((n) => paragraph(i, n));
    body.splice(2, 0, {
      __component: 'article.quote',
      text: 'خدمات باید به مردم نزدیک‌تر شود.',
      official: official.documentId,
      role: 'نماینده مجلس',
    });
    const created = await strapi.documents('api::article.article').create({
      locale: 'fa',
      status: 'published',
      data: {
        title: `گزارش شماره ${i} درباره‌ی بودجه و دفاتر پیشخوان`,
        kicker: 'گزارش',
        lead: `لید گزارش شماره ${i}: خلاصه‌ای از آنچه در جلسه‌ی امروز گذشت.`,
        author: 'خبرنگار پیشخوان',
        section: sections[i % sections.length].documentId,
        publishedOn: new Date(start + i * 36 * 3600 * 1000).toISOString(),
        body,
      },
    });
    stories.push({
      documentId: created.documentId,
      slug: created.slug,
      newsCode: created.newsCode,
    });
  }
  const token = await strapi
    .service('admin::api-token')
    .create({ name: 'bench-publisher', type: 'full-access', lifespan: null });
  process.stdout.write(
    `\n${JSON.stringify({ token: token.accessKey, stories, sections: sections.map((s) => s.documentId) })}\n`
  );
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
