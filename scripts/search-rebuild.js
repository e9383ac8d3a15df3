#!/usr/bin/env node
// Rebuilds the search index from the articles table (after a restore, or to index existing data).
// Needs the compiled server: run `npm run build` first.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

(async () => {
  const appDir = path.resolve(__dirname, '..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const count = await strapi.plugin('persian-text').service('index').rebuild();
  console.log(`Search index rebuilt: ${count} article(s).`);
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
