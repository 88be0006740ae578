const { mkdirSync, writeFileSync } = require('fs');
const { join, relative } = require('path');

/** The first lines of a failure message, without colours, for the run's closing summary. */
const firstLines = (message) =>
  (message ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('●'))
    .slice(0, 2)
    .join(' ')
    .slice(0, 300);

/**
 * Writes one project's pass/fail counts to tmp/test-results/<project>.json, with each failed test's file, name and
 * first message lines, so that the run's closing summary (tools/test.mjs) names what failed.
 */
class CountReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const project = [...contexts][0]?.config?.displayName?.name ?? 'jest';
    const dir = join(__dirname, '..', 'tmp', 'test-results');
    mkdirSync(dir, { recursive: true });
    const root = join(__dirname, '..');
    const failures = [];
    for (const suite of results.testResults) {
      const file = relative(root, suite.testFilePath);
      if (suite.testExecError || (suite.failureMessage && suite.numFailingTests === 0)) {
        failures.push({ file, test: '(the suite did not run)', message: firstLines(suite.testExecError?.message ?? suite.failureMessage) });
      }
      for (const test of suite.testResults.filter((t) => t.status === 'failed')) {
        failures.push({ file, test: test.fullName, message: firstLines(test.failureMessages.join('\n')) });
      }
    }
    writeFileSync(
      join(dir, `${project}.json`),
      JSON.stringify({
        project,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        // A suite that could not run (compile error, failing setup) has no tests to count: count it as one failure.
        brokenSuites: results.numRuntimeErrorTestSuites,
        failures,
      }),
    );
  }
}

module.exports = CountReporter;
