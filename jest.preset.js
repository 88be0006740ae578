const { join } = require('path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Each project's counts go to tmp/test-results, where `npm test` adds them up for CI.
  reporters: ['default', join(__dirname, 'tools/jest-count-reporter.js')],
};
