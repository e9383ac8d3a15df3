/**
 * Two projects: `unit` runs the pure cores without Strapi; `api` boots Strapi on a temporary database.
 * The api project compiles the app once (globalSetup) and each test file boots its own instance.
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
  ],
};
