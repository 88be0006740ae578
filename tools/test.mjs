#!/usr/bin/env node
// `npm test`: lint (module boundaries included), then every Jest project: unit tests, API tests
// against a real PostgreSQL, browser tests in Chromium. Ends with the line CI reads:
// `N passed, N failed`.
//
// Options (for .ci/run's second runtime): `--no-lint` skips lint, `--exclude a,b` leaves those Jest
// projects out, `--expect-node 24` stops unless this process runs on that Node major (the tests run
// on the `node` first on PATH, so a run on another Node puts that one first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true', FORCE_COLOR: '0' };
const results = join(root, 'tmp', 'test-results');
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const withLint = !argv.includes('--no-lint');
const excluded = option('--exclude');
const expectNode = option('--expect-node');
console.log(`Node ${process.version} (${process.execPath})`);
if (expectNode && process.versions.node.split('.')[0] !== expectNode) {
  console.log(`expected Node ${expectNode}, this is ${process.version}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
rmSync(results, { recursive: true, force: true });

const run = (args) => spawnSync('npx', ['nx', ...args], { cwd: root, env, stdio: 'inherit' }).status ?? 1;

const started = Date.now();
const lint = withLint ? run(['run-many', '-t', 'lint', '--parallel=2']) : 0;
const tests = run(['run-many', '-t', 'test', '--parallel=1', '--outputStyle=stream', ...(excluded ? [`--exclude=${excluded}`] : [])]);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
if (existsSync(results)) {
  for (const file of readdirSync(results).filter((f) => f.endsWith('.json')).sort()) {
    const r = JSON.parse(readFileSync(join(results, file), 'utf8'));
    console.log(`  ${r.project.padEnd(24)} ${r.passed} passed, ${r.failed + r.brokenSuites} failed`);
    passed += r.passed;
    failed += r.failed + r.brokenSuites;
    skipped += r.skipped;
    for (const f of r.failures ?? []) failures.push(`  FAILED ${r.project} ${f.file} › ${f.test}: ${f.message}`);
  }
}
// The failed tests again at the end, where a CI log's tail shows them.
for (const line of failures) console.log(line);
if (lint !== 0) {
  console.log('  lint failed (see above): counted as one failure');
  failed += 1;
}
if (tests !== 0 && failed === 0) {
  console.log('  a test target failed without reporting counts: counted as one failure');
  failed += 1;
}
console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || lint !== 0 || tests !== 0 ? 1 : 0);
