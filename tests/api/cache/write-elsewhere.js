// Another process on the same database (like `npm run import` or `npm run search:rebuild`): boots the app
// headless, writes and publishes a story inside a transaction, as the importer does, and exits.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..', '..');
const [documentId, title] = process.argv.slice(2);

(async () => {
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.db.transaction(async () => {
    await strapi
      .documents('api::article.article')
      .update({ documentId, locale: 'fa', data: { title } });
    await strapi.documents('api::article.article').publish({ documentId, locale: 'fa' });
  });
  // Strapi reads the written entries once more after the commit (for its events); let that finish, or
  // closing the pool aborts it.
  const pool = strapi.db.connection.client.pool;
  for (let i = 0; i < 50 && pool && pool.numUsed() + pool.numPendingAcquires() > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
