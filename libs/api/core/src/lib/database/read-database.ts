import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app.config';
import { pgConfig } from '../time/app-clock';

/**
 * Where the reports and their exports read: a PostgreSQL replica when DATABASE_READ_URL is set (a pool of
 * its own, opened on first use, with the application's clock like every connection), else the primary's
 * own pool. The one place that decides; a feature injects `ReadDatabase` for reads that may lag the
 * primary by the replica's delay, and keeps its writes (and reads that must see them) on the DataSource.
 */
@Injectable()
export class ReadDatabase implements OnModuleDestroy {
  private readonly replica: Pool | undefined;

  constructor(@InjectDataSource() private readonly primary: DataSource, @Inject(ConfigService) config: ConfigService<AppConfig, true>) {
    const url = config.get('DATABASE_READ_URL', { infer: true }) as string | undefined;
    this.replica = url ? new Pool(pgConfig(url, { max: Number(process.env['DB_POOL_SIZE'] ?? 20), connectionTimeoutMillis: 10_000 })) : undefined;
  }

  /** True when reads go to a replica. */
  get isReplica(): boolean {
    return this.replica !== undefined;
  }

  /** Rows of a read-only statement, as `DataSource.query` gives them (untyped by default, like it). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.replica) return this.primary.query(sql, params);
    return (await this.replica.query(sql, params)).rows as T[];
  }

  /**
   * How far the reads are behind the primary, in seconds: 0 on the primary; on a replica the time since the
   * last transaction it replayed (real time: lag is a wall-clock fact, not a business date), 0 when it has
   * nothing to replay; null when the replica cannot say.
   */
  async lagSeconds(): Promise<number | null> {
    if (!this.replica) return 0;
    const [row] = await this.query<{ lag: number | null }>(
      `SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0
                   WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 END AS lag`,
    );
    return row?.lag ?? null;
  }

  async onModuleDestroy(): Promise<void> {
    await this.replica?.end();
  }
}

@Global()
@Module({ providers: [ReadDatabase], exports: [ReadDatabase] })
export class ReadDatabaseModule {}
