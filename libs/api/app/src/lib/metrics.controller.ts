import { Controller, Get, Headers, OnModuleInit, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Metrics, Public, requireBearerKey } from '@retention/api-core';
import { Gauge, Registry } from 'prom-client';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * `GET /metrics` (outside /api) in Prometheus's text format, for a scraper that sends
 * `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN it is off (404); a wrong or missing
 * token is a 401. Not a user's permission: no user token opens it, and it needs none.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    registerDatabaseGauges(this.metrics.registry, this.db, this.config.get('REQUEST_SLA_MINUTES', { infer: true }));
  }

  @Get()
  @Public()
  scrape(@Res({ passthrough: true }) res: Response, @Headers('authorization') authorization?: string): Promise<string> {
    requireBearerKey(authorization, this.config.get('METRICS_TOKEN', { infer: true }), 'METRICS_TOKEN', 'GET /metrics is');
    // Set here, not with @Header (which Nest sets before the handler runs, so on an error answer too).
    res.setHeader('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE);
    return this.metrics.text();
  }
}

/**
 * Gauges read at scrape time: the connection pool (TypeORM's pg pool) and the queue of disconnect
 * requests (new ones waiting, and those waiting longer than REQUEST_SLA_MINUTES, the same rule as the
 * request's `slaBreached`). While the database is down the queue gauge is left out, not wrong.
 */
function registerDatabaseGauges(registry: Registry, db: DataSource, slaMinutes: number): void {
  const pool = () => (db.driver as PostgresDriver).master as Pool | undefined;
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections: total open, idle, and callers waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = pool();
      this.set({ state: 'total' }, p?.totalCount ?? 0);
      this.set({ state: 'idle' }, p?.idleCount ?? 0);
      this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
    },
  });
  new Gauge({
    name: 'disconnect_requests_waiting',
    help: 'Disconnect requests waiting for an operator (status new), by whether they wait longer than REQUEST_SLA_MINUTES',
    labelNames: ['sla'] as const,
    // The database's state: every worker of a cluster reads the same, so their sum would count it twice.
    aggregator: 'first',
    registers: [registry],
    async collect() {
      const rows: { waiting: number; breached: number }[] | null = await db
        .query(
          `SELECT count(*)::int AS waiting,
                  count(*) FILTER (WHERE floor(extract(epoch FROM (app_now() - created_at)) / 60) > $1)::int AS breached
             FROM disconnect_request WHERE status = 'new'`,
          [slaMinutes],
        )
        .catch(() => null);
      this.reset();
      if (!rows) return;
      this.set({ sla: 'within' }, rows[0].waiting - rows[0].breached);
      this.set({ sla: 'breached' }, rows[0].breached);
    },
  });
}
