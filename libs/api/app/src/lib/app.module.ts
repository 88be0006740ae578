import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@retention/api-auth';
import { AppConfig, chooseLogFormat, dataSourceOptions, EventsModule, JobsModule, OutboxModule, MetricsModule, QUERY_VALUE_LOG_PATHS, ReadDatabaseModule, requestIdOf, validateConfig } from '@retention/api-core';
import { ReferenceModule } from '@retention/api-reference';
import { SubscribersModule } from '@retention/api-subscribers';
import { ClassifierModule } from '@retention/api-classifier';
import { RequestsModule } from '@retention/api-requests';
import { MotivationModule } from '@retention/api-motivation';
import { PlansModule } from '@retention/api-plans';
import { ReportsModule } from '@retention/api-reports';
import { ImportsModule } from '@retention/api-imports';
import { HiddenChurnModule } from '@retention/api-hidden-churn';
import { WebhooksModule } from '@retention/api-webhooks';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { build as prettyStream } from 'pino-pretty';
import type { Options as PinoHttpOptions } from 'pino-http';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

@Module({})
export class AppModule {
  /**
   * Built on call, after main has settled DATABASE_URL (embedded or external). Logs go to stdout
   * unless `logDestination` says otherwise: as JSON, or readable (pino-pretty) when `chooseLogFormat` says so.
   */
  static register(env: Record<string, unknown> = process.env, options: { logDestination?: DestinationStream } = {}): DynamicModule {
    const config = validateConfig(env);
    const pinoOptions: PinoHttpOptions = {
      level: config.LOG_LEVEL,
      genReqId: requestIdOf,
      // Never a credential, a password (should a body ever be logged) or the values of a failed query.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', '*.password', '*.passwordHash', ...QUERY_VALUE_LOG_PATHS],
      // A request's line names the call (id, method, URL, caller's address) and its answer's status and time; the
      // dozen headers of each request and answer are left out: they were most of every line's bytes and 3.5-5.8 %
      // of the API's processor time under load (docs/scaling.md).
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: () => config }),
        MetricsModule,
        EventsModule,
        JobsModule,
        OutboxModule,
        LoggerModule.forRoot({
          // Named wildcard (path-to-regexp 8) so Nest does not warn about a legacy route.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: options.logDestination ? [pinoOptions, options.logDestination] : prettyOnTerminal(pinoOptions, config),
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: ConfigService<AppConfig, true>) => ({
            ...dataSourceOptions(c.get('DATABASE_URL', { infer: true }) as string),
            autoLoadEntities: true,
          }),
        }),
        ReadDatabaseModule,
        AuthModule,
        ReferenceModule,
        SubscribersModule,
        ClassifierModule,
        RequestsModule,
        PlansModule,
        ReportsModule,
        ImportsModule,
        MotivationModule,
        HiddenChurnModule,
        WebhooksModule,
      ],
      controllers: [HealthController, MetricsController],
    };
  }
}

/** Standard output as pino writes it (JSON lines), or through pino-pretty for a person at a terminal. */
function prettyOnTerminal(pinoOptions: PinoHttpOptions, config: AppConfig): PinoHttpOptions | [PinoHttpOptions, DestinationStream] {
  if (chooseLogFormat(config.LOG_FORMAT, process.stdout.isTTY === true, process.env['NODE_ENV']) === 'json') return pinoOptions;
  return [pinoOptions, prettyStream({ destination: 1, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })];
}
