// Starts the app once for the browser tests (see server.js); E2E_BASE_URL points at a running one instead.
const { startServer } = require('./server');

module.exports = async () => {
  if (process.env.E2E_BASE_URL) return;
  const server = await startServer();
  globalThis.__PISHKHAN_E2E_SERVER__ = server;
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_SERVER_LOG = server.logFile;
  console.log(`\nStrapi started for the browser tests on ${server.url}`);
};
