/**
 * `unit` runs the pure cores without Strapi; `api` boots Strapi on a temporary database (the app is
 * compiled once in globalSetup, each test file boots its own instance); `host` installs the packed plugins
 * into a blog of its own (tests/host-app); `reliability` runs app processes
 * against PostgreSQL and is not part of `npm test`.
 */
const tsJest = ['ts-jest', { tsconfig: 'tests/tsconfig.json' }];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/unit'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/api'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/harness/global-setup.js',
    },
    {
      // A blog that is not ours installs the packed plugins (tests/host-app): `npm run test:host`.
      displayName: 'host',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/host-app'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      // Multi-instance, fault and backup tests on PostgreSQL: `npm run test:reliability`, run in band.
      displayName: 'reliability',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/reliability'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/harness/global-setup.js',
    },
  ],
};
