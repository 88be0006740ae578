import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@retention/api-core';
import { DataSource } from 'typeorm';

/**
 * Liveness (the process answers; a load balancer or orchestrator restarts it when it does not) kept apart
 * from readiness (it can serve: the database answers; traffic is held back while it does not).
 */
const READY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'database'],
  properties: { status: { type: 'string', enum: ['ok'] }, database: { type: 'string', enum: ['up'] } },
  example: { status: 'ok', database: 'up' },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The process and its database: a round trip (the same answer as /api/health/ready)' })
  @ApiOkResponse({ description: 'The database answered', schema: READY_SCHEMA })
  check(): Promise<{ status: 'ok'; database: 'up' }> {
    return this.ready();
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers HTTP; the database is not asked (a restart would not bring it back)' })
  @ApiOkResponse({
    description: 'The process answers, with its process id (one of several with WORKERS > 1)',
    schema: { type: 'object', required: ['status', 'pid'], properties: { status: { type: 'string', enum: ['ok'] }, pid: { type: 'integer' } }, example: { status: 'ok', pid: 4242 } },
  })
  live(): { status: 'ok'; pid: number } {
    return { status: 'ok', pid: process.pid };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: a database round trip; 503 while the database cannot be reached' })
  @ApiOkResponse({ description: 'The database answered', schema: READY_SCHEMA })
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    // A database that cannot be reached fails here like in any other call: ApiErrorFilter answers 503.
    await this.db.query('SELECT 1');
    return { status: 'ok', database: 'up' };
  }
}
