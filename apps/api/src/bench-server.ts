import type { ChildProcess } from 'node:child_process';

/** Waits until the started server answers `url` (2 minutes at most), failing at once if it exits. */
export async function waitFor(url: string, server: ChildProcess): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The server did not answer within 2 minutes');
}

/**
 * A demo user's sign-in (the benchmark data has the demo users, password = user name): the bearer token
 * alone, which each request then carries as `Authorization: Bearer <token>`.
 */
export async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: username }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${username}: ${res.status} (the benchmark data has the demo users)`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
