/* API tests: the whole Nest application in-process, over HTTP with supertest, against a real
   PostgreSQL (embedded, started once per run by the global setup). */
module.exports = {
  displayName: 'api-tests',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/../support/pg-global-setup.ts',
  globalTeardown: '<rootDir>/../support/pg-global-teardown.ts',
  testTimeout: 60000,
};
