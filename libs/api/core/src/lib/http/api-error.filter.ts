import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ApiFieldError } from '@retention/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';
import { DomainException } from './domain.exception';
import { requestIdOf } from './request-id';

/** The `error` code of an answer by its status, unless the exception names its own. */
export const ERROR_CODES: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

const logger = new Logger('ApiError');

/** The one error shape for an exception, without the request id. Never a stack trace. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof DomainException) {
    return { statusCode: exception.status, error: exception.code, message: exception.message, fields: exception.fields };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const r = (typeof response === 'object' && response !== null ? response : {}) as Record<string, unknown>;
    const fields = Array.isArray(r['fields']) ? (r['fields'] as ApiFieldError[]) : undefined;
    let message = typeof response === 'string' ? response : (r['message'] as string | string[] | undefined);
    if (Array.isArray(message)) message = message.join('; ');
    return {
      statusCode: status,
      error: (r['code'] as string) ?? ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'),
      message: message || exception.message,
      ...(fields ? { fields } : {}),
    };
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    // Constraint violations the validators did not catch are still the client's doing.
    if (code === '23505') return { statusCode: 409, error: 'conflict', message: 'A record with the same key already exists.' };
    if (code === '23503') return { statusCode: 409, error: 'conflict', message: 'The record is referenced by other data.' };
    // Class 22, data exceptions: a value too long, out of range, of the wrong format or with a NUL.
    // The validators are the gate and should have refused it (the filter logs that they did not);
    // the transaction that met it has rolled back, so the answer is the client's 400, not a 500.
    if (code?.startsWith('22')) {
      logger.warn({ err: exception, sqlState: code }, 'A data exception reached PostgreSQL past the validators');
      return { statusCode: 400, error: 'validation_failed', message: 'A value is too long, out of range or has the wrong format.' };
    }
  }
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: ERROR_CODES[503], message: DATABASE_UNAVAILABLE_MESSAGE };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal_error', message: 'Something went wrong on our side.' };
}

/** Answers with the error shape and the request's id; logs what is ours (5xx). */
export function sendApiError(exception: unknown, req: Request, res: Response): void {
  const body = toApiError(exception);
  body.requestId = requestIdOf(req, res);
  if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
    // One line per refused call while the database is away, not a stack trace each.
    logger.warn({ requestId: body.requestId, cause: (exception as Error)?.message }, DATABASE_UNAVAILABLE_MESSAGE);
  } else if (body.statusCode >= 500) {
    logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
  }
  res.status(body.statusCode).json(body);
}

/** One error shape for every 4xx and 5xx; never a stack trace to the client. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendApiError(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }
}
