export * from './lib/plans.module';
export * from './lib/plans.service';
export * from './lib/plan-alerts.service';
