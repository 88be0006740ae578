export * from './api-app';
export * from './routes';
export * from './browser';
export * from './fixtures';
export * from './clock';
