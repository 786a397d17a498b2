// The attack suite (`npm run test:security`, part of `npm test`): the real API in-process or as
// built processes, against a fresh migrated PostgreSQL database per run (tests/setup), like the
// integration tests. The browser half (stored XSS in Chromium) is tests/security/browser.
module.exports = {
  displayName: 'security',
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/security/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  moduleNameMapper: {
    '^@passerelle/domain$': '<rootDir>/libs/domain/src/index.ts',
    // The generated Prisma client imports `./x.ts`, which compiles to `./x.js`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
  maxWorkers: 2,
  testTimeout: 60_000,
};
