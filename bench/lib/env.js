'use strict';
/**
 * The environment both apps run with: production mode, quiet logs, no telemetry, fixed local secrets
 * (the same as tests/harness/test-env.ts, never real ones), no demo content.
 */
const baseEnv = () => ({
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
  STRAPI_TELEMETRY_DISABLED: 'true',
  APP_KEYS: 'bench-key-1,bench-key-2',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  JWT_SECRET: 'bench-jwt-secret',
  ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef',
  SEED_DEMO: 'false',
  HOST: '127.0.0.1',
});

/** process.env without DATABASE_* and the app settings a developer's shell may hold, plus `extra`. */
const childEnv = (extra) => {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(DATABASE_|PORT$|HOST$|NODE_ENV$|SEED_DEMO$|FOOTER_)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...baseEnv(), ...extra };
};

module.exports = { baseEnv, childEnv };
