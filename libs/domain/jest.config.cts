module.exports = {
  displayName: 'domain',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  collectCoverageFrom: [
    '<rootDir>/src/**/*.ts',
    '!<rootDir>/src/**/*.spec.ts',
    '!<rootDir>/src/index.ts',
  ],
  coverageDirectory: '<rootDir>/../../coverage/libs/domain',
  coverageReporters: ['text-summary'],
  // The domain holds the rules: every line and branch is tested.
  coverageThreshold: { global: { branches: 100, functions: 100, lines: 100, statements: 100 } },
};
