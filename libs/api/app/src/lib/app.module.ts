import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@retention/api-auth';
import { AppConfig, dataSourceOptions, requestIdOf, validateConfig } from '@retention/api-core';
import { ReferenceModule } from '@retention/api-reference';
import { SubscribersModule } from '@retention/api-subscribers';
import { ClassifierModule } from '@retention/api-classifier';
import { RequestsModule } from '@retention/api-requests';
import { PlansModule } from '@retention/api-plans';
import { ReportsModule } from '@retention/api-reports';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health.controller';

/** The built console, served on the API's port when it exists. */
function consoleRoot(configured?: string): string | undefined {
  const candidates = [configured, join(process.cwd(), 'dist/apps/console/browser'), join(__dirname, '../console/browser')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'index.html')));
}

@Module({})
export class AppModule {
  /** Built on call, after main has settled DATABASE_URL (embedded or external). */
  static register(env: Record<string, unknown> = process.env): DynamicModule {
    const config = validateConfig(env);
    const staticRoot = consoleRoot(config.STATIC_DIR);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: () => config }),
        LoggerModule.forRoot({
          // Named wildcard (path-to-regexp 8) so Nest does not warn about a legacy route.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: requestIdOf,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
          },
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: ConfigService<AppConfig, true>) => ({
            ...dataSourceOptions(c.get('DATABASE_URL', { infer: true }) as string),
            autoLoadEntities: true,
          }),
        }),
        TerminusModule,
        AuthModule,
        ReferenceModule,
        SubscribersModule,
        ClassifierModule,
        RequestsModule,
        PlansModule,
        ReportsModule,
        ...(staticRoot ? [ServeStaticModule.forRoot({ rootPath: staticRoot, exclude: ['/api/{*path}'] })] : []),
      ],
      controllers: [HealthController],
    };
  }
}
