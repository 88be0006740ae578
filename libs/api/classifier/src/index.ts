export * from './lib/classifier.module';
export * from './lib/classifier.service';
export * from './lib/reason-learning.service';
export * from './lib/suggestion-sources';
