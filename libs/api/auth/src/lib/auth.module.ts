import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@retention/api-core';
import { DataSource } from 'typeorm';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleStorage } from './login-throttle.storage';
import { resolveJwtSecret } from './jwt-secret';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [ConfigService, DataSource],
      useFactory: async (config: ConfigService<AppConfig, true>, db: DataSource) => ({
        // A key object made once: given the text, the JWT library builds one on every verification, first
        // trying it as a public key (which throws), on every request.
        secret: createSecretKey(Buffer.from(await resolveJwtSecret(config.get('JWT_SECRET', { infer: true }), db))),
        signOptions: { expiresIn: config.get('JWT_TTL', { infer: true }) },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, DataSource],
      useFactory: (config: ConfigService<AppConfig, true>, db: DataSource) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.get('LOGIN_ATTEMPTS_PER_MINUTE', { infer: true }) }],
        // In PostgreSQL, not this process's memory: every API process counts against one limit.
        storage: new LoginThrottleStorage(db),
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, SessionsService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService],
})
export class AuthModule {}
