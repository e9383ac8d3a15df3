module.exports = async () => {
  const server = globalThis.__PISHKHAN_E2E_SERVER__;
  if (server) await server.stop();
};
