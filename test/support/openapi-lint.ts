import { spawnSync } from 'node:child_process';

/**
 * Redocly's recommended rules over a document (examples validated against their schemas, additional
 * properties refused). @redocly/openapi-core is an ES module, which Jest's CommonJS runtime cannot load: it
 * runs in a Node process of its own, the document on stdin, the problems on stdout.
 */
export function lintWithRedocly(document: unknown): string[] {
  const script = `
    import { createConfig, lintFromString } from '@redocly/openapi-core';
    let source = '';
    for await (const chunk of process.stdin) source += chunk;
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: '/api/docs-json', config });
    process.stdout.write(JSON.stringify(problems.map((p) =>
      p.severity + ' ' + p.ruleId + ': ' + p.message + ' at ' + p.location.map((l) => l.pointer).join(', '))));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(document), encoding: 'utf8', cwd: __dirname, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`The linter failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
