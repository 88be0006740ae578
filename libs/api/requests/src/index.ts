export * from './lib/requests.module';
export * from './lib/requests.service';
