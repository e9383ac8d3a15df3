// One app instance from the compiled app (dist/), served like `strapi start` but without the admin panel:
// the second instance of the multi-instance tests and the servers of the cache benchmark. The environment
// decides the database and the cache mode (RESPONSE_CACHE, REDIS_URL). Stops cleanly on SIGTERM.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

(async () => {
  const strapi = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  await strapi.start();
  const stop = async () => {
    await strapi.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
