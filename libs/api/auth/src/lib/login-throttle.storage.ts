import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Sign-in attempt counts kept in PostgreSQL (table login_throttle, migration AddLoginThrottle), so
 * that every API process, on one machine (WORKERS) or several, counts against the same limit.
 * One statement counts the attempt in its fixed window, starts a new window when the last one has
 * ended, and blocks the key for `blockDuration` once the limit is passed; concurrent attempts on
 * one key queue on its row, so none is lost.
 */
export class LoginThrottleStorage implements ThrottlerStorage {
  private calls = 0;

  constructor(private readonly db: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [row] = await this.db.query(
      `WITH t AS (SELECT app_now() AS now)
       INSERT INTO login_throttle AS w (key, hits, window_ends, blocked_until)
       SELECT $1, 1, t.now + $2 * interval '1 millisecond', CASE WHEN 1 > $3 THEN t.now + $4 * interval '1 millisecond' END FROM t
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN w.window_ends <= app_now() THEN 1 ELSE w.hits + 1 END,
         window_ends = CASE WHEN w.window_ends <= app_now() THEN EXCLUDED.window_ends ELSE w.window_ends END,
         blocked_until = CASE
           WHEN w.blocked_until > app_now() THEN w.blocked_until
           WHEN (CASE WHEN w.window_ends <= app_now() THEN 1 ELSE w.hits + 1 END) > $3 THEN app_now() + $4 * interval '1 millisecond'
         END
       RETURNING hits,
                 ceil(extract(epoch FROM window_ends - app_now()))::int AS "timeToExpire",
                 COALESCE(blocked_until > app_now(), false) AS "isBlocked",
                 COALESCE(ceil(extract(epoch FROM blocked_until - app_now())), 0)::int AS "timeToBlockExpire"`,
      [key, ttl, limit, blockDuration],
    );
    // Now and then, forget windows long over (the table holds only recent sign-in attempts).
    if (++this.calls % 100 === 0) {
      await this.db.query(`DELETE FROM login_throttle WHERE window_ends < app_now() - interval '1 hour' AND (blocked_until IS NULL OR blocked_until < app_now())`);
    }
    return { totalHits: row.hits, timeToExpire: row.timeToExpire, isBlocked: row.isBlocked, timeToBlockExpire: row.timeToBlockExpire };
  }
}
