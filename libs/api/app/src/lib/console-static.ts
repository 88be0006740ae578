import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, extname, join, relative, sep } from 'node:path';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The built console: STATIC_DIR, else the build in the working folder or next to the API's bundle. */
function consoleRoot(configured?: string): string | undefined {
  const candidates = [configured, join(process.cwd(), 'dist/apps/console/browser'), join(__dirname, '../console/browser')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'index.html')));
}

/** A file of the console build whose name carries its content hash (main-FYE4WZ2T.js, media/roboto-…-6JW3Q6UL.woff2). */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

/**
 * Hashed files never change under their name: cached for a year without asking again. Everything else
 * (index.html, which names the current hashes, and unhashed files such as favicon.ico) is revalidated.
 */
function setCacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', HASHED_FILE.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};
type Encoding = 'br' | 'gzip';
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Brotli when the browser takes it, else gzip, else none (a `q=0` refuses an encoding). */
export function chooseEncoding(accept: string | undefined): Encoding | undefined {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (e: string) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/**
 * The console's text files compressed once per process with Node's zlib (Brotli at its highest
 * quality, gzip at 9), all of them at start in the background; a file asked for before its turn is
 * compressed then. The build never changes under a running server, so a file is read once.
 */
class CompressedFiles {
  private readonly cache = new Map<string, Promise<{ raw: Buffer; br: Buffer; gzip: Buffer }>>();

  constructor(private readonly root: string) {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    // Big files first: the initial scripts are what a browser waits for.
    const files = walk(root).filter((f) => CompressedFiles.compressible(f)).sort((a, b) => statSync(b).size - statSync(a).size);
    void files.reduce((chain, f) => chain.then(() => this.get(f).then(() => undefined, () => undefined)), Promise.resolve());
  }

  static compressible(file: string): boolean {
    return extname(file) in TYPES && extname(file) !== '.ico';
  }

  get(file: string): Promise<{ raw: Buffer; br: Buffer; gzip: Buffer }> {
    let entry = this.cache.get(file);
    if (!entry) {
      const raw = readFileSync(file);
      entry = Promise.all([
        brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        gzipped(raw, { level: 9 }),
      ]).then(([br, gz]) => ({ raw, br, gzip: gz }));
      this.cache.set(file, entry);
    }
    return entry;
  }

  /** The file under the root a URL path names, or undefined (outside the root, a dot file or folder, missing). */
  resolve(urlPath: string): string | undefined {
    let path: string;
    try {
      path = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (path.includes('\0')) return undefined;
    const file = join(this.root, path);
    const rel = relative(this.root, file);
    if (!rel || rel.split(sep).some((part) => part.startsWith('.'))) return undefined;
    try {
      return statSync(file).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * What follows a file sent with res.sendFile: an error it could still answer goes on to the error handler; a browser
 * that went away meanwhile (a page left while its fonts load) or an answer already under way needs nothing more.
 */
function sent(res: Response, next: NextFunction): (err?: Error) => void {
  return (err) => {
    if (err && !res.headersSent && (err as NodeJS.ErrnoException).code !== 'ECONNABORTED') next(err);
  };
}

/**
 * Serves the built console, when there is one, on the API's port: its files, and index.html for any other
 * GET outside the API's paths (`apiPaths`: /api and the unprefixed /metrics), which are the console's own
 * routes. Plain Express middleware ahead of the API's routes; errors of API requests (a malformed body, say)
 * stay the API's to answer.
 */
export function serveConsole(app: NestExpressApplication, staticDir: string | undefined, apiPaths: readonly string[]): void {
  const root = consoleRoot(staticDir);
  if (!root) return;
  const isApi = (path: string) => apiPaths.some((p) => path === p || path.startsWith(`${p}/`));
  const index = join(root, 'index.html');
  const compressed = new CompressedFiles(root);
  // A text file (or index.html for a console route), compressed when the browser accepts it.
  const sendCompressed = (req: Request, res: Response, next: NextFunction, file: string) => {
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    res.setHeader('Vary', 'Accept-Encoding');
    if (!encoding) return false;
    compressed.get(file).then((f) => {
      setCacheHeaders(res, file);
      res.setHeader('Content-Type', TYPES[extname(file)]);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', f[encoding].length);
      res.end(req.method === 'HEAD' ? undefined : f[encoding]);
    }, next);
    return true;
  };
  // The console's files, in this one middleware: an API request passes by without a look at the disk (Express's
  // static middleware, before the API's routes, looked for a file of every API GET's path: a failed stat each).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    const file = compressed.resolve(req.path);
    if (!file) return next();
    if (CompressedFiles.compressible(file) && sendCompressed(req, res, next, file)) return;
    setCacheHeaders(res, file);
    res.sendFile(relative(root, file), { root, cacheControl: false }, sent(res, next));
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    if (sendCompressed(req, res, next, index)) return;
    setCacheHeaders(res, index);
    res.sendFile(index, sent(res, next));
  });
}
