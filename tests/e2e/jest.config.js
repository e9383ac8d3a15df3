/**
 * The editors' admin, tested in a real browser: playwright-core drives Debian's Chromium against the
 * built app started by globalSetup (`strapi start` on a temporary SQLite database). Run through
 * `npm run test:e2e` (tests/e2e/run.js), which builds the admin first when it is missing or stale.
 */
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  testSequencer: '<rootDir>/tests/e2e/harness/sequencer.js',
  globalSetup: '<rootDir>/tests/e2e/harness/global-setup.js',
  globalTeardown: '<rootDir>/tests/e2e/harness/global-teardown.js',
  testTimeout: 180000,
  maxWorkers: 1,
};
