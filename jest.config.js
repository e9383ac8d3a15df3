/**
 * `unit` runs the pure cores without Strapi; `api` boots Strapi on a temporary database (the app is
 * compiled once in globalSetup, each test file boots its own instance); `reliability` runs app processes
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
      // Multi-instance, fault and backup tests on PostgreSQL: `npm run test:reliability`, run in band.
      displayName: 'reliability',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/reliability'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/harness/global-setup.js',
    },
  ],
};
