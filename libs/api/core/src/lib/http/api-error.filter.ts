import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ApiFieldError } from '@retention/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';
import { DomainException } from './domain.exception';

const CODES: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** One error shape for every 4xx and 5xx; never a stack trace to the client. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toApiError(exception);
    body.requestId = typeof req.id === 'string' ? req.id : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    res.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
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
      if (status === 413) message = 'The request body is too large.';
      return {
        statusCode: status,
        error: (r['code'] as string) ?? CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'),
        message: message || exception.message,
        ...(fields ? { fields } : {}),
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      // Constraint violations the validators did not catch are still the client's doing.
      if (code === '23505') return { statusCode: 409, error: 'conflict', message: 'A record with the same key already exists.' };
      if (code === '23503') return { statusCode: 409, error: 'conflict', message: 'The record is referenced by other data.' };
      if (code === '22P02' || code === '22007' || code === '22008') {
        return { statusCode: 400, error: 'validation_failed', message: 'A value has the wrong format.' };
      }
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: CODES[503], message: DATABASE_UNAVAILABLE_MESSAGE };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal_error', message: 'Something went wrong on our side.' };
  }
}
