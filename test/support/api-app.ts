import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { Pool } from 'pg';
import type { DestinationStream } from 'pino';
import type { AddressInfo } from 'node:net';
import { ApiClient, createApiClient } from '@retention/api-client';
import { AppModule, configureApp } from '@retention/api-app';

export interface TestApi {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  pool: Pool;
  /** Bearer token of a demo user (password = user name), signed in once per app and kept. */
  token: (username: string) => Promise<string>;
  /** A new sign-in (a session of its own), for tests that end it. */
  signIn: (username: string, password?: string) => Promise<string>;
  /**
   * The typed client (@retention/api-client, generated from the OpenAPI document) over real HTTP to this
   * application (listening on a free loopback port from the first call), as a demo user or with a token.
   */
  client: (auth?: { user: string } | { token: string }) => Promise<ApiClient>;
  close: () => Promise<void>;
}

/**
 * The real application, in-process, on the run's PostgreSQL. Its logs are silent unless TEST_LOG_LEVEL
 * or env's LOG_LEVEL says otherwise; `logDestination` receives them instead of stdout.
 */
export async function startApi(env: Record<string, string> = {}, options: { logDestination?: DestinationStream } = {}): Promise<TestApi> {
  // Built as main builds it (NestFactory, not a testing module, whose providers are made before the HTTP
  // adapter exists: ServeStaticModule would then serve nothing).
  // No training queued by the ten-minute check for new resolutions (REASON_MODEL_RETRAIN_AFTER): the specs resolve
  // hundreds of requests, so at a minute ending in 0 some spec's application would start one and, closing with its
  // spec, leave it 'training' (every retrain asked for then waited on it for minutes). A spec may set its own.
  const module = AppModule.register(
    { ...process.env, LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent', DEMO_SUBSCRIBERS: '0', REASON_MODEL_RETRAIN_AFTER: '1000000', ...env },
    options,
  );
  const app = configureApp(await NestFactory.create(module, { bufferLogs: true, abortOnError: false }));
  await app.init();
  // main's listen() flushes the start-up logs and stops buffering; supertest needs no listen.
  app.flushLogs();
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 4 });
  // Sign-in attempts are counted in the shared database (every API process counts against one
  // limit): each test application starts with none counted, so suites do not lock each other out.
  await pool.query('DELETE FROM login_throttle');
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  const signIn = async (username: string, password = username): Promise<string> =>
    (await http().post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken;
  let baseUrl: string | undefined;
  const token = async (username: string) => {
    const cached = tokens.get(username) ?? (await signIn(username));
    tokens.set(username, cached);
    return cached;
  };
  return {
    app,
    http,
    pool,
    signIn,
    token,
    async client(auth) {
      if (!baseUrl) {
        await app.listen(0, '127.0.0.1');
        baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      }
      return createApiClient({ baseUrl, token: !auth ? undefined : 'token' in auth ? auth.token : await token(auth.user) });
    },
    async close() {
      await pool.end();
      await app.close();
    },
  };
}
