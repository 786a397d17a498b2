// Integration tests: the real API (AppModule) in-process on a random port, GraphQL over HTTP with
// supertest, against a fresh migrated PostgreSQL database provisioned by tests/setup for this run.
// Every test creates its own uniquely keyed data (tests/factories), so nothing is wiped between tests.
module.exports = {
  displayName: 'integration',
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/integration/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  moduleNameMapper: {
    '^@passerelle/domain$': '<rootDir>/libs/domain/src/index.ts',
    // The generated Prisma client imports `./x.ts`, which compiles to `./x.js`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
  // Each file boots its own API; two at a time fit the 2-core machines.
  maxWorkers: 2,
  testTimeout: 30_000,
};
