import type { EmbeddedDatabase } from '@retention/api-core';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>)['__EMBEDDED_PG__'] as EmbeddedDatabase | undefined;
  await db?.stop();
}
