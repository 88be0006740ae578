export * from './api-app';
export * from './routes';
export * from './browser';
export * from './fixtures';
export * from './clock';
export * from './embedded-postgres-process';
export * from './route-inputs';
export * from './bad-input';
