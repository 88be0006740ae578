export * from './lib/hidden-churn.module';
export * from './lib/hidden-churn.service';
export * from './lib/scan.sql';
export * from './lib/rules';
export * from './lib/call-list.sql';
