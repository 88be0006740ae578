import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Sign-in attempt counts kept in PostgreSQL (table login_throttle, migration AddLoginThrottle), so
 * that every API process, on one machine (WORKERS) or several, counts against the same limit.
 * One statement counts the attempt in its fixed window, starts a new window when the last one has
 * ended, and blocks the key for `blockDuration` once the limit is passed; concurrent attempts on
 * one key queue on its row, so none is lost. The windows run on the wall clock (`now()`), not the
 * application's clock (`app_now()`): a limit on attempts a minute is about real time, and processes whose
 * application clocks differ (a test clock, a server set to another date) must not stretch one another's windows.
 */
export class LoginThrottleStorage implements ThrottlerStorage {
  private calls = 0;

  constructor(private readonly db: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [row] = await this.db.query(
      `INSERT INTO login_throttle AS w (key, hits, window_ends, blocked_until)
       SELECT $1, 1, now() + $2 * interval '1 millisecond', CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN w.window_ends <= now() THEN 1 ELSE w.hits + 1 END,
         window_ends = CASE WHEN w.window_ends <= now() THEN EXCLUDED.window_ends ELSE w.window_ends END,
         blocked_until = CASE
           WHEN w.blocked_until > now() THEN w.blocked_until
           WHEN (CASE WHEN w.window_ends <= now() THEN 1 ELSE w.hits + 1 END) > $3 THEN now() + $4 * interval '1 millisecond'
         END
       RETURNING hits,
                 ceil(extract(epoch FROM window_ends - now()))::int AS "timeToExpire",
                 COALESCE(blocked_until > now(), false) AS "isBlocked",
                 COALESCE(ceil(extract(epoch FROM blocked_until - now())), 0)::int AS "timeToBlockExpire"`,
      [key, ttl, limit, blockDuration],
    );
    // Now and then, forget windows long over (the table holds only recent sign-in attempts).
    if (++this.calls % 100 === 0) {
      await this.db.query(`DELETE FROM login_throttle WHERE window_ends < now() - interval '1 hour' AND (blocked_until IS NULL OR blocked_until < now())`);
    }
    return { totalHits: row.hits, timeToExpire: row.timeToExpire, isBlocked: row.isBlocked, timeToBlockExpire: row.timeToBlockExpire };
  }
}
