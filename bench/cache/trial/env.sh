export NODE_ENV=production STRAPI_TELEMETRY_DISABLED=true HOST=127.0.0.1 PORT=1399 LOG_LEVEL=info \
  APP_KEYS=trial-key-1,trial-key-2 API_TOKEN_SALT=trial-salt ADMIN_JWT_SECRET=trial-admin-jwt \
  TRANSFER_TOKEN_SALT=trial-transfer JWT_SECRET=trial-jwt ENCRYPTION_KEY=trial-encryption-key-0123456789abcdef \
  TRIAL_STATE=/tmp/cache-trial/run/state.json
