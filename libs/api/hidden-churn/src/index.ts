export * from './lib/hidden-churn.module';
export * from './lib/hidden-churn.service';
export * from './lib/scan.sql';
