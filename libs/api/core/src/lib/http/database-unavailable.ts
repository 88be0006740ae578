/** Socket errors of a database that is down, restarting or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** SQLSTATE: class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now). */
const SQLSTATE = /^(08...|57P0[123])$/;
/** What `pg` and its pool say without a code when a connection breaks or none can be had in time. */
const PG_MESSAGES = ['Connection terminated', 'Client has encountered a connection error', 'timeout exceeded when trying to connect'];

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable at the moment; try again shortly.';

/**
 * True when an error means the database cannot be reached (as opposed to a statement it refused):
 * the error itself, TypeORM's `driverError`, a `cause`, or any of an AggregateError's errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && PG_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => isDatabaseUnavailable(x, depth + 1));
}
