import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@retention/api-core';
import { DataSource } from 'typeorm';

/**
 * Liveness (the process answers; a load balancer or orchestrator restarts it when it does not) kept apart
 * from readiness (it can serve: the database answers; traffic is held back while it does not).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The process and its database: a round trip (the same answer as /api/health/ready)' })
  @ApiServiceUnavailableResponse({ description: 'The database is unavailable (the one error shape, like every call then)' })
  check(): Promise<{ status: 'ok'; database: 'up' }> {
    return this.ready();
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers HTTP; the database is not asked (a restart would not bring it back)' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: a database round trip; 503 while the database cannot be reached' })
  @ApiServiceUnavailableResponse({ description: 'The database is unavailable (the one error shape, like every call then)' })
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    // A database that cannot be reached fails here like in any other call: ApiErrorFilter answers 503.
    await this.db.query('SELECT 1');
    return { status: 'ok', database: 'up' };
  }
}
