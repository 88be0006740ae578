import 'reflect-metadata';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { AppConfig, EmbeddedDatabaseError, serveClusterMetrics, validateConfig } from '@retention/api-core';
import { DEMO_USERS } from '@retention/api-auth';
import { AppModule, configureApp } from '@retention/api-app';
import { PreparedDatabase, prepareDatabase } from './database';

async function main(): Promise<void> {
  const config = validateConfig(process.env);
  if (cluster.isWorker) return serve(config);
  const db = await prepareDatabase(config);
  process.env['DATABASE_URL'] = db.url;
  const workers = config.WORKERS === 'auto' ? availableParallelism() : config.WORKERS;
  if (workers > 1) return supervise(config, db, workers);
  return serve(config, db);
}

/**
 * WORKERS > 1: this process prepared the database (and owns the embedded PostgreSQL); the workers
 * share the port (Node's cluster hands out connections) and each runs the whole application. A
 * worker that dies is replaced; a signal stops the workers, then the database.
 */
async function supervise(config: AppConfig, db: PreparedDatabase, workers: number): Promise<void> {
  let closing = false;
  let listening = 0;
  const fork = () => cluster.fork({ DATABASE_URL: db.url });
  cluster.on('listening', () => {
    if (++listening === workers) banner(config, db, workers);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return;
    if (listening < workers) {
      // One that fails before all listen (a port in use, a bad setting) would fail again: stop.
      process.stderr.write(`\nCannot start: worker ${worker.process.pid} exited (${signal ?? code}) before listening.\n`);
      void shutdown('stop', 1);
      return;
    }
    process.stderr.write(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.\n`);
    fork();
  });
  const shutdown = async (signal: string, code = 0) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: stopping ${workers} workers...\n`);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is NonNullable<typeof w> => !!w && !w.isDead());
    await Promise.all(alive.map((w) => new Promise((r) => { w.once('exit', r); w.process.kill('SIGTERM'); })));
    await db.embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A scrape of /metrics lands on one worker, which asks this process for every worker's figures.
  serveClusterMetrics();
  for (let i = 0; i < workers; i++) fork();
}

/** One process serving the console and the API (the only one, or a worker of the cluster). */
async function serve(config: AppConfig, db?: PreparedDatabase): Promise<void> {

  const app = configureApp(await NestFactory.create(AppModule.register(), { bufferLogs: true }));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: stopping...\n`);
    await app.close().catch(() => undefined);
    await db?.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen(config.PORT);
  } catch (e) {
    await db?.embedded?.stop();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new EmbeddedDatabaseError(`Port ${config.PORT} is already in use. Stop what uses it, or set PORT to another port.`);
    }
    throw e;
  }
  if (db) banner(config, db, 1);
}

function banner(config: AppConfig, db: PreparedDatabase, workers: number): void {
  const url = `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `  Retention console:  ${url}`,
    `  API docs:           ${url}/api/docs`,
    `  Database:           ${db.embedded ? `embedded PostgreSQL (${config.PGDATA_DIR})` : 'DATABASE_URL'}`,
    `  Processes:          ${workers === 1 ? '1' : `${workers} workers (pids ${Object.values(cluster.workers ?? {}).map((w) => w?.process.pid).join(', ')})`}`,
  ];
  if (db.embedded) {
    lines.push('  Demo sign-ins (password = user name): ' + DEMO_USERS.map((u) => u.username).join(', '));
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((e) => {
  // A problem a person can fix is one sentence; anything else keeps its stack for the log.
  const known = e instanceof EmbeddedDatabaseError || (e instanceof Error && e.message.startsWith('Invalid configuration'));
  process.stderr.write(`\nCannot start: ${known ? e.message : (e?.stack ?? String(e))}\n`);
  process.exit(1);
});
