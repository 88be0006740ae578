import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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
      'main-FYE4WZ2T.js': `import "./chunk-2NFLSA4Y.js";\nexport const words = "${'retention console '.repeat(2000)}";\n`,
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

  it('every API answer says no-store, success and errors alike, with no body-hash ETag', async () => {
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
      // No ETag hashed from the body (Express's default): nothing may keep a copy to revalidate.
      expect({ what, status: res.status, cacheControl: res.headers['cache-control'], etag: res.headers['etag'] }).toEqual({ what, status, cacheControl: 'no-store', etag: undefined });
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

  it('looks on disk for no file of an API path, and for the console file asked for', async () => {
    // Node's fs as the console's middleware and Express's file sending call it (a module object, so a spy sees them).
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const stat = jest.spyOn(fs, 'stat');
    const statSync = jest.spyOn(fs, 'statSync');
    const looked = () => [...stat.mock.calls, ...statSync.mock.calls].map(([p]) => String(p)).filter((p) => p.startsWith(consoleDir));
    try {
      await api.http().get('/api/regions').set('Authorization', `Bearer ${await api.token('operator')}`).expect(200);
      await api.http().get('/api/no-such-route').expect(404);
      expect(looked()).toEqual([]);
      const icon = await api.http().get('/favicon.ico').expect(200);
      expect(icon.headers['cache-control']).toBe('no-cache');
      expect(looked()).toContain(join(consoleDir, 'favicon.ico'));
    } finally {
      stat.mockRestore();
      statSync.mockRestore();
    }
  });

  /** The raw bytes of an answer, not decoded (supertest would decode gzip and Brotli on its own). */
  async function raw(path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    const server: Server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  }

  it('sends the console compressed: Brotli when the browser takes it, else gzip, else as it is', async () => {
    const br = await raw('/main-FYE4WZ2T.js', 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toContain('text/javascript');
    const text = brotliDecompressSync(br.body).toString();
    expect(text).toContain('import "./chunk-2NFLSA4Y.js"');
    expect(br.body.length).toBeLessThan(text.length / 20);

    const gz = await raw('/main-FYE4WZ2T.js', 'gzip;q=1, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(text);

    const plain = await raw('/main-FYE4WZ2T.js', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(text);

    const route = await raw('/operator/desk', 'br');
    expect(route.headers['content-encoding']).toBe('br');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(route.body).toString()).toContain('<title>Retention console</title>');
  });

  it('compresses only files inside the console build', async () => {
    // A file next to the build, not in it.
    const outside = `${consoleDir}-secret.js`;
    writeFileSync(outside, 'const secret = "not for the browser";');
    try {
      const name = outside.split('/').pop() as string;
      for (const path of [`/..%2F${name}`, `/%2E%2E/${name}`, `/..%5C${name}`]) {
        const res = await raw(path, 'br');
        const text = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body).toString() : res.body.toString();
        expect(text).not.toContain('not for the browser');
      }
    } finally {
      rmSync(outside, { force: true });
    }
  });
});
