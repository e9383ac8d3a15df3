/** Secrets and settings every booted test instance needs; a fresh clone has no .env. */
export const applyTestEnv = (): void => {
  const defaults: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: 'test-key-1,test-key-2',
    API_TOKEN_SALT: 'test-api-token-salt',
    ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
    JWT_SECRET: 'test-jwt-secret',
    ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
  };
  for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
};
