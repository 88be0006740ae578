export * from './lib/plans.module';
export * from './lib/plans.service';
