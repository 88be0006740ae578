import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, validateSync } from 'class-validator';

/**
 * Express's 'trust proxy' as TRUST_PROXY gives it: false (no proxy: the connection's address is the
 * client's), the number of proxies in front, or their addresses and subnets.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * Reads TRUST_PROXY: unset, '', 'false' or '0' trust no proxy; a whole number is a hop count; otherwise a
 * comma-separated list of addresses, subnets (CIDR) or loopback/linklocal/uniquelocal. Null when it is
 * none of these ('true' included: it would take any client's X-Forwarded-For for its address).
 */
export function parseTrustProxy(raw: unknown): TrustProxy | null {
  const text = raw === undefined || raw === false ? '' : String(raw).trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text) <= 32 ? Number(text) : null;
  const list = text.split(',').map((entry) => entry.trim());
  return list.every(isProxyAddress) ? list : null;
}

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * How logs are written: LOG_FORMAT when set; otherwise JSON in production (NODE_ENV=production) and
 * whenever stdout is not a terminal (a service manager, a pipe, a file: what log collectors read), and
 * readable on a terminal.
 */
export function chooseLogFormat(setting: LogFormat | undefined, stdoutIsTTY: boolean, nodeEnv: string | undefined): LogFormat {
  if (setting) return setting;
  return nodeEnv !== 'production' && stdoutIsTTY ? 'pretty' : 'json';
}

/**
 * Every setting the API reads from the environment, validated once at start: a bad value
 * stops the start with a message naming the variable.
 */
export class AppConfig {
  @IsInt() @Min(1) @Max(65535)
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  PORT = 3000;

  @IsOptional() @IsString()
  DATABASE_URL?: string;

  /**
   * A PostgreSQL replica of DATABASE_URL's database (streaming replication, read-only): the reports and
   * their exports read from it (ReadDatabase), everything else from DATABASE_URL. Unset: everything reads
   * from DATABASE_URL.
   */
  @IsOptional() @IsString()
  @Transform(({ value }) => (value === '' ? undefined : value))
  DATABASE_READ_URL?: string;

  /** Embedded PostgreSQL (without DATABASE_URL): its data folder and port. */
  @IsString()
  PGDATA_DIR = '.pgdata';

  @IsInt() @Min(1) @Max(65535)
  @Transform(({ value }) => (value === undefined ? 54320 : Number(value)))
  PGPORT = 54320;

  /** Secret that signs access tokens. Without it, one is generated and kept in the database. */
  @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  @IsString()
  JWT_TTL = '12h';

  /**
   * How long each API process keeps a session it checked, instead of asking the database on every call: 0 asks
   * every time. An ended session is dropped at once by every process that hears of it (see SessionsService); this
   * bounds how long a kept one is trusted at all.
   */
  @IsNumber() @Min(0) @Max(60)
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  SESSION_CACHE_SECONDS = 5;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `json` (one JSON object a line) or `pretty` (readable, for a person at a terminal); unset: see `chooseLogFormat`. */
  @IsOptional() @IsIn(LOG_FORMATS)
  @Transform(({ value }) => (value === '' ? undefined : value))
  LOG_FORMAT?: LogFormat;

  /** Failed and successful sign-ins allowed per user name and address per minute. */
  @IsInt() @Min(1)
  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /** Demo data size seeded into an empty embedded database; 0 seeds nothing. */
  @IsInt() @Min(0)
  @Transform(({ value }) => (value === undefined ? 20000 : Number(value)))
  DEMO_SUBSCRIBERS = 20000;

  /** A subscriber connected fewer months ago than this counts as a new subscriber in churn. */
  @IsInt() @Min(1) @Max(60)
  @Transform(({ value }) => (value === undefined ? 6 : Number(value)))
  NEW_SUBSCRIBER_MONTHS = 6;

  /** A new disconnect request waiting longer than this breaches the SLA. */
  @IsInt() @Min(1)
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  REQUEST_SLA_MINUTES = 30;

  /** An approval asked this long ago and not decided raises a plan alert for the managers. */
  @IsInt() @Min(1) @Max(1440)
  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  APPROVAL_WAIT_MINUTES = 10;

  /**
   * Shifts the application's clock (JS and SQL alike) by this many milliseconds; 0 is real time.
   * The test suites use it to run every process on one fixed date.
   */
  @IsInt()
  @Transform(({ value }) => (value === undefined || value === '' ? 0 : Number(value)))
  CLOCK_OFFSET_MS = 0;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For): none by
   * default, so a client cannot pick its own address (the sign-in rate limit counts per address).
   */
  @Transform(({ value }) => parseTrustProxy(value))
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value) => value !== null,
      defaultMessage: () =>
        "must be false, the number of proxies in front, or a comma-separated list of their addresses or subnets (e.g. 'loopback' or '10.0.0.0/8'); 'true' is refused, it would believe any client",
    },
  })
  TRUST_PROXY: TrustProxy = false;

  /**
   * Bearer token a Prometheus scraper sends to GET /metrics; without it /metrics is off (404).
   */
  @IsString() @ValidateIf((c: AppConfig) => c.METRICS_TOKEN !== '') @MinLength(16)
  @Transform(({ value }) => (value === undefined ? '' : value))
  METRICS_TOKEN = '';

  /** Whether this process runs background jobs (imports, scheduled reports, …); false: it only queues them. */
  @IsBoolean()
  @Transform(({ value }) => (BOOLEAN_WORDS[String(value)] ?? value))
  JOB_WORKERS = true;

  /** An import file up to this many bytes is imported within its request (201); a larger one runs as a background job (202). */
  @IsInt() @Min(0) @Max(1024 * 1024 * 1024)
  @Transform(({ value }) => (value === undefined || value === '' ? 4 * 1024 * 1024 : Number(value)))
  IMPORT_INLINE_BYTES = 4 * 1024 * 1024;

  /** How often an idle worker asks the queue for a job, in seconds (pg-boss's minimum is 0.5). */
  @IsNumber() @Min(0.5) @Max(60)
  @Transform(({ value }) => (value === undefined || value === '' ? 2 : Number(value)))
  JOB_POLL_SECONDS = 2;

  /** New resolutions (stated words with the chosen reason) after which the reason model is trained again. */
  @IsInt() @Min(1) @Max(1_000_000)
  @Transform(({ value }) => (value === undefined || value === '' ? 200 : Number(value)))
  REASON_MODEL_RETRAIN_AFTER = 200;

  /**
   * How many HTTP processes serve the port (Node's cluster): a whole number, or `auto` for one per
   * core. Nothing a request needs lives in one process's memory (sessions, sign-in limits and jobs are
   * in PostgreSQL), so any process may answer any request.
   */
  @ValidateIf(() => true)
  @ValidateBy({
    name: 'isWorkers',
    validator: { validate: (v: unknown) => v === 'auto' || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 64), defaultMessage: () => 'WORKERS must be auto or a whole number from 1 to 64' },
  })
  @Transform(({ value }) => (value === undefined || value === '' ? 1 : value === 'auto' ? 'auto' : /^\d+$/.test(String(value)) ? Number(value) : value))
  WORKERS: number | 'auto' = 1;
  /** When the nightly hidden-churn scan runs: a 5-field cron in UTC, or `off`. */
  @IsString()
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'HIDDEN_CHURN_SCAN_CRON must be a 5-field cron expression or off' })
  @Transform(({ value }) => (value === undefined || value === '' ? '30 2 * * *' : String(value).trim()))
  HIDDEN_CHURN_SCAN_CRON = '30 2 * * *';
  /**
   * When the monthly churn-to-competitor report is produced (the previous month's, kept in the report archive): a
   * 5-field cron in UTC, or `off`. Default: 06:00 UTC on the 1st of each month.
   */
  @IsString()
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'REPORT_CRON must be a 5-field cron expression or off' })
  @Transform(({ value }) => (value === undefined || value === '' ? '0 6 1 * *' : String(value).trim()))
  REPORT_CRON = '0 6 1 * *';
  /**
   * The SMTP server the monthly report is e-mailed through to the executives with an e-mail address
   * (`smtp://user:pass@host:587`, `smtps://…`); empty (the default) sends no mail.
   */
  @IsString() @ValidateIf((c: AppConfig) => c.SMTP_URL !== '')
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  @Transform(({ value }) => (value === undefined ? '' : String(value).trim()))
  SMTP_URL = '';
  /** The sender of the monthly report's e-mail. */
  @IsString() @MinLength(3)
  @Transform(({ value }) => (value === undefined || value === '' ? 'Retention console <retention@localhost>' : String(value)))
  REPORT_MAIL_FROM = 'Retention console <retention@localhost>';
  /** The language of the monthly report's e-mail: en, ru or uk (the archive offers every language). */
  @IsIn(['en', 'ru', 'uk'], { message: 'REPORT_LANGUAGE must be en, ru or uk' })
  @Transform(({ value }) => (value === undefined || value === '' ? 'en' : String(value)))
  REPORT_LANGUAGE: 'en' | 'ru' | 'uk' = 'en';
  /**
   * The key billing sends (`Authorization: Bearer …`) to post the disconnections it performed; without it that
   * endpoint is off (404).
   */
  @IsString() @ValidateIf((c: AppConfig) => c.BILLING_API_KEY !== '') @MinLength(32)
  @Transform(({ value }) => (value === undefined ? '' : value))
  BILLING_API_KEY = '';

  /** Attempts of a webhook delivery after the first one fails, before it is marked failed (replayable from the console). */
  @IsInt() @Min(0) @Max(20)
  @Transform(({ value }) => (value === undefined || value === '' ? 8 : Number(value)))
  WEBHOOK_RETRIES = 8;

  /** The wait before a webhook delivery's first retry, in seconds; it doubles with each further retry. */
  @IsInt() @Min(1) @Max(3600)
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  WEBHOOK_RETRY_SECONDS = 30;

  /** Where the built console is; served on the same port as the API. */
  @IsOptional() @IsString()
  STATIC_DIR?: string;
}

/** How a boolean setting may be written; unset means the default (true). Anything else fails validation. */
const BOOLEAN_WORDS: Record<string, boolean> = { undefined: true, '': true, true: true, '1': true, false: false, '0': false };

export function validateConfig(env: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
