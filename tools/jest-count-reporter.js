const { mkdirSync, writeFileSync } = require('fs');
const { join } = require('path');

/** Writes one project's pass/fail counts to tmp/test-results/<project>.json. */
class CountReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const project = [...contexts][0]?.config?.displayName?.name ?? 'jest';
    const dir = join(__dirname, '..', 'tmp', 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${project}.json`),
      JSON.stringify({
        project,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        // A suite that could not run (compile error, failing setup) has no tests to count: count it as one failure.
        brokenSuites: results.numRuntimeErrorTestSuites,
      }),
    );
  }
}

module.exports = CountReporter;
