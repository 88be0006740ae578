import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, TestApi } from '@retention/test-support';

/** API answers are never stored; the console's hashed files are cached for good, index.html is revalidated. */
describe('Cache-Control', () => {
  let api: TestApi;
  let consoleDir: string;
  beforeAll(async () => {
    // A console build as @angular/build lays it out: content-hashed bundles and media, index.html, favicon.
    consoleDir = mkdtempSync(join(tmpdir(), 'retention-console-'));
    mkdirSync(join(consoleDir, 'media'));
    const files: Record<string, string> = {
      'index.html': '<!doctype html><html><head><title>Retention console</title><link rel="stylesheet" href="styles-I3C7GHFM.css"></head><body><script src="main-FYE4WZ2T.js" type="module"></script></body></html>',
      'main-FYE4WZ2T.js': 'import "./chunk-2NFLSA4Y.js";',
      'chunk-2NFLSA4Y.js': 'export {};',
      'styles-I3C7GHFM.css': 'body { margin: 0 }',
      'media/roboto-cyrillic-400-normal-6JW3Q6UL.woff2': 'wOF2',
      'favicon.ico': 'ico',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(consoleDir, name), content);
    api = await startApi({ STATIC_DIR: consoleDir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('every API answer says no-store, success and errors alike', async () => {
    const operator = `Bearer ${await api.token('operator')}`;
    const answers: [string, number, Promise<{ status: number; headers: Record<string, string> }>][] = [
      ['health', 200, api.http().get('/api/health')],
      ['a read', 200, api.http().get('/api/regions').set('Authorization', operator)],
      ['the OpenAPI document', 200, api.http().get('/api/docs-json')],
      ['an invalid body', 400, api.http().post('/api/auth/login').send({ username: 42 })],
      ['malformed JSON', 400, api.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":')],
      ['a wrong password', 401, api.http().post('/api/auth/login').send({ username: 'operator', password: 'wrong' })],
      ['no token', 401, api.http().get('/api/subscribers')],
      ['a forbidden route', 403, api.http().get('/api/users').set('Authorization', operator)],
      ['an unknown route', 404, api.http().get('/api/no-such-route')],
      ['an unknown record', 404, api.http().get('/api/subscribers/00000000-0000-4000-8000-000000000000').set('Authorization', operator)],
    ];
    for (const [what, status, answer] of answers) {
      const res = await answer;
      expect({ what, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ what, status, cacheControl: 'no-store' });
    }
  });

  it.each(['/main-FYE4WZ2T.js', '/chunk-2NFLSA4Y.js', '/styles-I3C7GHFM.css', '/media/roboto-cyrillic-400-normal-6JW3Q6UL.woff2'])(
    'the hashed console file %s is cached for a year, immutable',
    async (path) => {
      const res = await api.http().get(path).expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    },
  );

  it.each(['/', '/index.html', '/operator/desk', '/favicon.ico'])('%s is revalidated on every use (no-cache)', async (path) => {
    const res = await api.http().get(path).expect(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    if (path !== '/favicon.ico') expect(res.text).toContain('<title>Retention console</title>');
  });
});
