import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
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
  app.useStaticAssets(root, { index: false, setHeaders: setCacheHeaders });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    setCacheHeaders(res, index);
    res.sendFile(index, (err) => err && next(err));
  });
}
