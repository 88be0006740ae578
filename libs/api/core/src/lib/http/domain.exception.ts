import type { ApiFieldError } from '@retention/contracts';

/**
 * A feature's own error: a stable code, an HTTP status and a readable message.
 * Features subclass it (or call the helpers) instead of throwing framework exceptions.
 */
export class DomainException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: ApiFieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what: string, key: string) => new DomainException(404, 'not_found', `${what} ${key} was not found.`);
export const conflict = (message: string, code = 'conflict') => new DomainException(409, code, message);
export const badRequest = (field: string, problem: string) =>
  new DomainException(400, 'validation_failed', `${field}: ${problem}`, [{ field, problems: [problem] }]);
