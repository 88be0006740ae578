import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const GIVEN_ID = /^[\w.-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is a plain token, else a new UUID. Set once
 * on the request (and echoed in the `X-Request-Id` response header); later calls return the same id,
 * so the logger and an error answered before the logger ran (a body that does not parse) agree.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}
