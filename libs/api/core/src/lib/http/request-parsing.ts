import { BadRequestException, HttpException, HttpStatus, INestApplication, PayloadTooLargeException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { sendApiError } from './api-error.filter';

/** The largest body a request may carry (JSON or a form). */
export const BODY_LIMIT = '100kb';
/** The deepest nesting of objects and arrays a body may have; the deepest input (a retention script) needs 5. */
export const BODY_MAX_DEPTH = 32;

/** Depth of nested objects and arrays, measured without recursion (a hostile body cannot overflow the stack). */
function nestingDepth(root: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function refuseDeepBodies(req: Request, _res: Response, next: NextFunction): void {
  if (nestingDepth(req.body, BODY_MAX_DEPTH) > BODY_MAX_DEPTH) {
    next(new BadRequestException({ code: 'validation_failed', message: `The request body is nested more than ${BODY_MAX_DEPTH} levels deep.` }));
    return;
  }
  next();
}

/** A path whose percent-escapes do not decode ('%FF') names nothing: 400, before the router tries to read its parameters. */
function refuseUndecodablePaths(req: Request, res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    sendApiError(new BadRequestException({ code: 'validation_failed', message: 'The path has a percent-escape that is not UTF-8.' }), req, res);
    return;
  }
  next();
}

/** body-parser's errors (they carry `type` and a 4xx `status`) in the one error shape. */
function bodyErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: unknown; status?: unknown; message?: unknown };
  if (err instanceof HttpException) {
    sendApiError(err, req, res);
  } else if (e.type === 'entity.too.large') {
    sendApiError(new PayloadTooLargeException({ code: 'payload_too_large', message: `The request body is larger than ${BODY_LIMIT}.` }), req, res);
  } else if (e.type === 'entity.parse.failed') {
    sendApiError(new BadRequestException({ code: 'malformed_body', message: `The request body is not valid JSON: ${String(e.message)}` }), req, res);
  } else if (typeof e.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    // Unsupported charset or encoding, too many form fields, an aborted or mis-sized upload.
    const status = e.status as HttpStatus;
    sendApiError(new HttpException({ code: status === 413 ? 'payload_too_large' : 'bad_request', message: String(e.message) }, status), req, res);
  } else {
    next(err);
  }
}

/**
 * What Express reads before the router, in front of everything else: the path's percent-escapes,
 * and the body parsers (JSON and flat forms up to {@link BODY_LIMIT}, no deeper than
 * {@link BODY_MAX_DEPTH}). What they refuse is answered here in the one error shape with the request
 * id (malformed 400, too large 413, too deep 400); left to Express it would reach the static file
 * server's error handler, which answers every /api error with 404 "Cannot POST".
 * Nest sees the parsers registered and does not add its own.
 */
export function useRequestParsing(app: INestApplication): void {
  const http = app as NestExpressApplication;
  http.use(refuseUndecodablePaths);
  http.useBodyParser('json', { limit: BODY_LIMIT });
  http.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  http.use(refuseDeepBodies, bodyErrors);
}
