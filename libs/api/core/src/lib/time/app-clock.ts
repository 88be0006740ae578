import { Clock, shiftedClock } from '@retention/domain';

/**
 * The one clock of every API process (server, CLI, demo generator), shifted by CLOCK_OFFSET_MS
 * (0 in production). SQL reads the same time through `app_now()` / `app_today()`: each pooled
 * connection gets the offset as the `app.clock_offset_ms` setting (see {@link clockConnectionOptions}).
 */
export function clockOffsetMs(env: Record<string, unknown> = process.env): number {
  const raw = env['CLOCK_OFFSET_MS'];
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`CLOCK_OFFSET_MS must be whole milliseconds, got '${String(raw)}'`);
  return value;
}

let clock: Clock | undefined;

export function appClock(): Clock {
  return (clock ??= shiftedClock(clockOffsetMs()));
}

/** libpq startup options that give a session the API's clock (empty on the real clock). */
export function clockConnectionOptions(offsetMs = clockOffsetMs()): string | undefined {
  return offsetMs ? `-c app.clock_offset_ms=${offsetMs}` : undefined;
}

/** A `pg` Pool/Client configuration on the API's clock. */
export function pgConfig<T extends object>(url: string, extra?: T): { connectionString: string; options?: string } & T {
  return { connectionString: url, options: clockConnectionOptions(), ...(extra as T) };
}
