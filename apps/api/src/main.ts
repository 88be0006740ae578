import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EmbeddedDatabaseError, validateConfig } from '@retention/api-core';
import { DEMO_USERS } from '@retention/api-auth';
import { AppModule, configureApp } from '@retention/api-app';
import { prepareDatabase } from './database';

async function main(): Promise<void> {
  const config = validateConfig(process.env);
  const db = await prepareDatabase(config);
  process.env['DATABASE_URL'] = db.url;

  const app = configureApp(await NestFactory.create(AppModule.register(), { bufferLogs: true }));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: stopping...\n`);
    await app.close().catch(() => undefined);
    await db.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen(config.PORT);
  } catch (e) {
    await db.embedded?.stop();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new EmbeddedDatabaseError(`Port ${config.PORT} is already in use. Stop what uses it, or set PORT to another port.`);
    }
    throw e;
  }
  const url = `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `  Retention console:  ${url}`,
    `  API docs:           ${url}/api/docs`,
    `  Database:           ${db.embedded ? `embedded PostgreSQL (${config.PGDATA_DIR})` : 'DATABASE_URL'}`,
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
