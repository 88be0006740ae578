export * from './lib/reports.module';
export * from './lib/reports.service';
export * from './lib/churn-facts.sql';
export * from './lib/rollups';
export { exportCell, toCsv, toXlsx, type Sheet } from './lib/export';
