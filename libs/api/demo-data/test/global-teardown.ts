export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __demoDataDatabase__?: { stop(): Promise<void> } }).__demoDataDatabase__;
  await db?.stop();
}
