export * from './lib/classifier.module';
export * from './lib/classifier.service';
