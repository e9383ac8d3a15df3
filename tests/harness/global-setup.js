// Builds the workspace packages (the plugins load their own dist/) and compiles the app (server
// TypeScript, not the admin) once for every API test file.
const path = require('path');
const { buildPackages } = require('../../scripts/build-packages');

module.exports = async () => {
  const appDir = path.resolve(__dirname, '..', '..');
  await buildPackages({ declarations: false });
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: false });
};
