#!/usr/bin/env node
// A fresh clone has no .env: write one with freshly generated local secrets so the CMS starts as is.
// An existing .env is never touched.
const { randomBytes } = require('crypto');
const { existsSync, writeFileSync } = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', '.env');
if (existsSync(file)) process.exit(0);

const secret = () => randomBytes(24).toString('base64');
const lines = [
  '# Generated on first run by scripts/ensure-env.js: local secrets for this machine only.',
  'HOST=0.0.0.0',
  'PORT=1337',
  `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
  `API_TOKEN_SALT=${secret()}`,
  `ADMIN_JWT_SECRET=${secret()}`,
  `TRANSFER_TOKEN_SALT=${secret()}`,
  `JWT_SECRET=${secret()}`,
  `ENCRYPTION_KEY=${secret()}`,
  'STRAPI_TELEMETRY_DISABLED=true',
  'DATABASE_CLIENT=sqlite',
  'DATABASE_FILENAME=.tmp/data.db',
  '',
];
writeFileSync(file, lines.join('\n'), { mode: 0o600 });
console.log('Created .env with new local secrets.');
