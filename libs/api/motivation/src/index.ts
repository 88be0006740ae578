export * from './lib/motivation.module';
