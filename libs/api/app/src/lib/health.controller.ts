import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@retention/api-core';
import { DataSource } from 'typeorm';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness with a database round trip' })
  @ApiServiceUnavailableResponse({ description: 'The database is unavailable (the one error shape, like every call then)' })
  async check(): Promise<{ status: 'ok'; database: 'up' }> {
    // A database that cannot be reached fails here like in any other call: ApiErrorFilter answers 503.
    await this.db.query('SELECT 1');
    return { status: 'ok', database: 'up' };
  }
}
