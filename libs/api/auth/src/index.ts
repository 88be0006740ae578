export * from './lib/auth.module';
export * from './lib/users.service';
export * from './lib/user.entity';
export * from './lib/password';
export * from './lib/demo-users';
