import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiErrorFilter, AppConfig, createValidationPipe, Metrics, useRequestParsing } from '@retention/api-core';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { serveConsole } from './console-static';
import { buildOpenApiDocument, setApiPrefix, UNPREFIXED_CONTROLLERS } from './openapi-document';

/** Everything main and the API tests share: prefix, body parsing, validation, errors, headers, proxies, the console's files, docs. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  countRequests(app);
  setApiPrefix(app);
  // Answers are per user and per moment, errors included: no browser or proxy keeps a copy.
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Served over plain HTTP on an operator's LAN as often as behind TLS: upgrading would break it.
          upgradeInsecureRequests: null,
        },
      },
      // HSTS belongs to the TLS terminator in front of the console, not to a plain-HTTP server.
      strictTransportSecurity: false,
    }),
  );
  useRequestParsing(app);
  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  // Express hashes every answer's body (SHA-1) into a weak ETag for conditional GETs; the API's answers are
  // `no-store`, so no client ever asks with it (a resource that has versions, a plan or a bonus scheme, sets its
  // own ETag, which Express keeps). The console's files are served with their own caching (console-static.ts).
  http.set('etag', false);
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default): req.ip, which the
  // sign-in rate limit counts by, is otherwise the connection's address, whatever a client sends.
  const config = app.get(ConfigService<AppConfig, true>);
  http.set('trust proxy', config.get('TRUST_PROXY', { infer: true }));
  // The API always runs on Express (@nestjs/platform-express).
  serveConsole(app as NestExpressApplication, config.get('STATIC_DIR', { infer: true }), ['/api', ...UNPREFIXED_CONTROLLERS.map((c) => `/${c}`)]);

  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * Counts every answer and its time by method, route TEMPLATE (`/api/subscribers/:id`, never the URL with
 * its ids, which would make a label value per subscriber) and status; what no route matched (the
 * console's files, unknown paths, bodies refused before routing) is `unmatched`.
 */
function countRequests(app: INestApplication): void {
  const metrics = app.get(Metrics);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const template = (req.route as { path?: unknown } | undefined)?.path;
      const labels = { method: req.method, route: typeof template === 'string' ? req.baseUrl + template : 'unmatched', status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  });
}
