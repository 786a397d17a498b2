// Unit specs of the API (no database): error mapping, configuration parsing, pure helpers.
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@passerelle/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    // The generated Prisma client imports `./x.ts`; compiled specs ask for `./x.js`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
