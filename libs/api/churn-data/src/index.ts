export * from './lib/churn-data.module';
export * from './lib/base-flows.service';
export * from './lib/churn-facts.sql';
export * from './lib/rollups';
export * from './lib/segments.sql';
export * from './lib/survey-credit.sql';
