#!/usr/bin/env node
// `npm test`: lint (module boundaries included), then every Jest project: unit tests, API tests
// against a real PostgreSQL, browser tests in Chromium. Ends with the line CI reads:
// `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true', FORCE_COLOR: '0' };
const results = join(root, 'tmp', 'test-results');
rmSync(results, { recursive: true, force: true });

const run = (args) => spawnSync('npx', ['nx', ...args], { cwd: root, env, stdio: 'inherit' }).status ?? 1;

const started = Date.now();
const lint = run(['run-many', '-t', 'lint', '--parallel=2']);
const tests = run(['run-many', '-t', 'test', '--parallel=1', '--outputStyle=stream']);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(results)) {
  for (const file of readdirSync(results).filter((f) => f.endsWith('.json')).sort()) {
    const r = JSON.parse(readFileSync(join(results, file), 'utf8'));
    console.log(`  ${r.project.padEnd(24)} ${r.passed} passed, ${r.failed + r.brokenSuites} failed`);
    passed += r.passed;
    failed += r.failed + r.brokenSuites;
    skipped += r.skipped;
  }
}
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
