// Jest's global setup runs under plain Node require, which knows no tsconfig path aliases:
// teach it the workspace's `@retention/*` paths before anything imports them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths });
