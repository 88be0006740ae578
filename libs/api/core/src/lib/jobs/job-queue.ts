import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Global, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import { Counter, Gauge } from 'prom-client';
import type { AppConfig } from '../config/app.config';
import { pgConfig } from '../time/app-clock';
import { Metrics } from '../metrics/metrics';

/** What a feature declares for one kind of background job. */
export interface JobDefinition<T extends object> {
  /** Queue name, e.g. `imports.run`; also the job's name in logs and metrics. */
  name: string;
  /**
   * Runs one job. Throwing fails the attempt; pg-boss retries it up to `retryLimit` times. `signal` aborts when the
   * process stops: the job has then been handed back to the queue (see `beforeApplicationShutdown`), and a handler
   * that can stop early should, leaving its work for the attempt that follows.
   */
  handle: (data: T, job: { id: string; retryCount: number; signal: AbortSignal }) => Promise<void>;
  /** Attempts after the first one fails (default 3), spaced by `retryDelaySeconds` doubling each time. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job that runs longer than this is failed and retried (default 15 minutes). */
  expireInSeconds?: number;
  /** Cron (5 fields, UTC unless `tz`): the queue also gets one job per tick, whichever process sees it first. */
  cron?: string;
  tz?: string;
}

export interface SendOptions {
  /** At most one queued-or-running job per key: a retried request does not queue the work twice. */
  singletonKey?: string;
  /** Run no earlier than this. */
  startAfter?: Date;
}

/**
 * The background job queue: pg-boss 10 on the application's own PostgreSQL (schema `pgboss`, which pg-boss
 * creates and migrates itself). Jobs survive restarts, and each job runs once however many API processes
 * share the database (pg-boss fetches with SELECT … FOR UPDATE SKIP LOCKED). Features call `define` from
 * their constructor or `onModuleInit`; the queue starts when the application has booted, so every definition
 * is known by then. `JOB_WORKERS=false` makes a process send jobs without running any (a web-only node).
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger('JobQueue');
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private boss?: PgBoss;
  private starting?: Promise<PgBoss>;
  /** The jobs this process is running, by id: what it hands back when it stops. */
  private readonly running = new Map<string, { name: string; abort: AbortController }>();

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    metrics: Metrics,
  ) {
    const depth: Gauge<'queue' | 'state'> = new Gauge({
      name: 'job_queue_depth',
      help: 'Background jobs waiting or running, by queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      // The queue's state in the database: the same in every worker of a cluster (not summed).
      aggregator: 'first',
      collect: async () => {
        const boss = this.boss;
        if (!boss) return;
        for (const name of this.definitions.keys()) {
          // getQueueSize counts the jobs in states before the one named: created and retry before active.
          const waiting = await boss.getQueueSize(name, { before: 'active' });
          const notDone = await boss.getQueueSize(name, { before: 'completed' });
          depth.set({ queue: name, state: 'waiting' }, waiting);
          depth.set({ queue: name, state: 'active' }, notDone - waiting);
        }
      },
    });
    this.failures = new Counter({
      name: 'job_failures_total',
      help: 'Background job attempts that failed in this process, by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
    });
  }

  private readonly failures: Counter<'queue'>;
  /** Set as the process stops (beforeApplicationShutdown): jobs are handed back, none started. */
  private handingBack = false;

  /** Declares a kind of job; this process works on it (unless JOB_WORKERS=false) once the queue has started. */
  async define<T extends object>(definition: JobDefinition<T>): Promise<void> {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    const d = definition as unknown as JobDefinition<object>;
    this.definitions.set(d.name, d);
    if (this.boss) await this.attach(this.boss, d);
  }

  /** Queues a job and returns its id, or null when a job with the same `singletonKey` is already queued or running. */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    const boss = await this.started();
    // Every queue is 'stately' (at most one job per key in each state up to active); a job sent without a key
    // gets one of its own, so only the callers that name a key are deduplicated.
    return boss.send(name, data, { singletonKey: options.singletonKey ?? randomUUID(), startAfter: options.startAfter });
  }

  /** The job's state as pg-boss keeps it (`created`, `retry`, `active`, `completed`, `failed`, …), or null. */
  async state(name: string, id: string): Promise<{ state: string; output: unknown } | null> {
    const boss = await this.started();
    const job = await boss.getJobById(name, id, { includeArchive: true });
    return job ? { state: job.state, output: job.output } : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.started();
  }

  /**
   * A stopping process hands its running jobs back at once instead of leaving them `active` until they expire
   * (fifteen minutes by default): each is failed as interrupted, so pg-boss retries it after the queue's retry delay
   * on whichever process is still working, and its handler's signal aborts. The hand-back counts as an attempt, but
   * never as the last one: a job with no attempt left is given one more (see handBack).
   */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    // No new job from here on: the workers stop fetching, and a job a fetch already under way brings is handed back
    // unstarted (see attach).
    this.handingBack = true;
    for (const name of this.definitions.keys()) await boss.offWork(name);
    for (const [id, job] of this.running) {
      // Failed first, then aborted: a handler that ends at once would otherwise have its job completed before the
      // failure lands (pg-boss completes only an active job, and fails only one not yet completed).
      await handBack(boss, job.name, id);
      job.abort.abort();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    this.starting = undefined;
    await boss?.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => undefined);
  }

  private started(): Promise<PgBoss> {
    this.starting ??= this.start().catch((e) => {
      this.starting = undefined;
      throw e;
    });
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const url = this.config.get('DATABASE_URL', { infer: true }) as string;
    const workers = this.config.get('JOB_WORKERS', { infer: true }) as boolean;
    // pg-boss hands its options to pg.Pool, so the connection gets the application's clock setting too.
    const boss = new PgBoss({
      ...pgConfig(url),
      schema: 'pgboss',
      max: 4,
      application_name: 'retention-jobs',
      schedule: workers,
      supervise: workers,
    });
    boss.on('error', (e) => this.log.error(`job queue: ${e.message}`));
    await boss.start();
    for (const d of this.definitions.values()) await this.attach(boss, d);
    this.boss = boss;
    return boss;
  }

  private async attach(boss: PgBoss, d: JobDefinition<object>): Promise<void> {
    const options: PgBoss.Queue = {
      name: d.name,
      policy: 'stately',
      retryLimit: d.retryLimit ?? 3,
      retryDelay: d.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: d.expireInSeconds ?? 15 * 60,
    };
    // createQueue leaves an existing queue as it is: update it, so a changed setting (WEBHOOK_RETRY_SECONDS, say)
    // holds for the jobs sent from now on, not only on a database that never had the queue.
    await boss.createQueue(d.name, options);
    await boss.updateQueue(d.name, options);
    if (!this.config.get('JOB_WORKERS', { infer: true })) return;
    const pollingIntervalSeconds = this.config.get('JOB_POLL_SECONDS', { infer: true }) as number;
    await boss.work<object>(d.name, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
      // Fetched as the process stops: back to the queue unstarted (pg-boss then completes nothing: the job is not active).
      if (this.handingBack) return handBack(boss, d.name, job.id);
      const abort = new AbortController();
      this.running.set(job.id, { name: d.name, abort });
      try {
        await d.handle(job.data, { id: job.id, retryCount: job.retryCount, signal: abort.signal });
      } catch (e) {
        // Handed back on shutdown: the job waits for its retry, and failing it again would spend a second attempt.
        if (abort.signal.aborted) return;
        this.failures.inc({ queue: d.name });
        this.log.warn(`job ${d.name} ${job.id} failed (attempt ${job.retryCount + 1}): ${(e as Error).message}`);
        throw e;
      } finally {
        this.running.delete(job.id);
      }
    });
    if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: d.tz ?? 'UTC' });
  }
}

/**
 * Fails a job as interrupted, so that pg-boss retries it after its queue's retry delay on a process still working.
 * An interruption is not the job's own failure: one that this failure left `failed` (no attempt left: say a training,
 * one retry, interrupted twice by restarts) is queued again with one more attempt (pg-boss's retry, which leaves a job
 * still waiting for its retry as it is).
 */
async function handBack(boss: PgBoss, name: string, id: string): Promise<void> {
  await boss.fail(name, id, { message: 'interrupted: the process running it stopped' }).catch(() => undefined);
  await boss.retry(name, id).catch(() => undefined);
}

/** Provides the one `JobQueue` of the application to every module. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
