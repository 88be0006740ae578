import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * Log fields that may carry the values a failed statement was given (password hashes, secrets,
 * personal data): a query's parameters and PostgreSQL's detail ("Failing row contains (...)",
 * "Key (...)=(...) already exists"). The API's logger redacts them wherever an error is logged.
 */
export const QUERY_VALUE_LOG_PATHS = ['err.parameters', 'err.detail', 'err.driverError.parameters', 'err.driverError.detail'];

/**
 * TypeORM's logger: a failed query is logged with its SQL, error code and message, never with its
 * parameters or PostgreSQL's detail (TypeORM's own loggers print both). Output goes through Nest's
 * logger, so the API writes it as JSON through pino with the other logs.
 */
export class QueryLogger implements Logger {
  private readonly out = new NestLogger('Database');

  logQuery(): void {
    // Successful queries are not logged.
  }

  logQueryError(error: string | Error, query: string): void {
    const e = (typeof error === 'string' ? { message: error } : error) as { message: string; code?: string; constraint?: string };
    const code = e.code ? ` [${e.code}${e.constraint ? ` ${e.constraint}` : ''}]` : '';
    this.out.error(`Query failed${code}: ${e.message} -- ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.out.warn(`Slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(): void {
    // Schema building is not used (synchronize is off); migration steps are reported by logMigration.
  }

  logMigration(message: string): void {
    this.out.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message));
    else this.out.debug(String(message));
  }
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
