// Run by spawnEmbeddedPostgres in a process of its own: starts the embedded PostgreSQL of a data
// folder exactly as the server and the commands do, prints {url, shared} as one JSON line, and
// stops it on SIGTERM (if it started it). Killed with SIGKILL, it leaves its PostgreSQL running.
// It imports the one file, by path: a plain `node` process knows no tsconfig path aliases.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../libs/api/core/src/lib/database/embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port), database: 'retention' }).then(
  (db) => {
    process.stdout.write(`${JSON.stringify({ url: db.url, shared: db.shared })}\n`);
    const keepAlive = setInterval(() => undefined, 1 << 30);
    process.once('SIGTERM', () => {
      clearInterval(keepAlive);
      db.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
