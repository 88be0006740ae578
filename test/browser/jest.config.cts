/* Browser tests: the built console and API (one port) on a real PostgreSQL, driven in
   Debian's Chromium by playwright-core. */
module.exports = {
  displayName: 'browser-tests',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/../support/server-global-setup.ts',
  globalTeardown: '<rootDir>/../support/server-global-teardown.ts',
  testTimeout: 90000,
};
