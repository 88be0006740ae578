#!/usr/bin/env node
// The registry mirror here lacks some other platforms' optional binaries (rollup, sass-embedded,
// unrs, msgpackr-extract), so `npm install` leaves them out of package-lock.json and a later
// `npm ci` refuses the lockfile ("Missing: X from lock file"). This adds an entry for each
// missing optional dependency, marked optional and tagged with the platform its name states,
// so npm ci skips it on this platform exactly as it would with a complete lockfile.
// Run after every `npm install`: `node tools/fix-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'openbsd', 'openharmony', 'linux', 'win32', 'sunos', 'netbsd', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'loong64', 'ppc64', 's390x', 'mips64el'];

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = OS.find((o) => tokens.includes(o));
  let cpu = CPU.find((c) => tokens.includes(c) || tokens.includes(`${c}le`));
  if (!cpu && tokens.includes('eabi')) cpu = 'arm';
  if (!cpu && tokens.some((t) => t.startsWith('gnueabihf') || t.startsWith('musleabihf'))) cpu = 'arm';
  const libc = tokens.includes('musl') || tokens.some((t) => t.startsWith('musleabi')) ? 'musl' : tokens.includes('gnu') ? 'glibc' : undefined;
  if (tokens.includes('wasm32') || tokens.includes('wasi')) return { cpu: ['wasm32'] };
  if (name.endsWith('all-unknown') || name.endsWith('unknown-all')) return { os: ['!android', '!darwin', '!freebsd', '!linux', '!win32'] };
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [where, pkg] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${where ? `${where}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue; // not a platform binary: leave npm to decide
    packages[`node_modules/${name}`] = { version: spec.replace(/^[\^~=]/, ''), optional: true, ...platform };
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fix-lockfile: added ${added} missing optional platform entries`);
