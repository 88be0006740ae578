export * from './lib/webhooks.module';
export * from './lib/webhooks.service';
export * from './lib/signature';
