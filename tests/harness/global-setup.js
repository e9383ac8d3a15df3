// Compiles the app (server TypeScript, not the admin) once for every API test file.
const path = require('path');

module.exports = async () => {
  const appDir = path.resolve(__dirname, '..', '..');
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: false });
};
