export * from './lib/app.module';
export * from './lib/configure-app';
export * from './lib/openapi-document';
