export * from './lib/subscribers.module';
export * from './lib/subscribers.service';
