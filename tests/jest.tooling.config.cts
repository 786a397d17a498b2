// Checks of the repository's own tooling (lint rules, conventions).
module.exports = {
  displayName: 'tooling',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/lint/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/lint/tsconfig.json' }] },
  testTimeout: 60_000,
};
