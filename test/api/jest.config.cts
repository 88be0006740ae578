/* API tests: the whole Nest application in-process, over HTTP with supertest, against a real
   PostgreSQL (embedded, started once per run by the global setup). */
module.exports = {
  displayName: 'api-tests',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    // Compiled with the OpenAPI plugin, as the build compiles the API (see test/support/swagger-transformer.js).
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', astTransformers: { before: ['<rootDir>/../support/swagger-transformer.js'] } }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/../support/pg-global-setup.ts',
  globalTeardown: '<rootDir>/../support/pg-global-teardown.ts',
  testTimeout: 60000,
};
