export * from './lib/reports.module';
export * from './lib/reports.service';
export { exportCell, toCsv, toXlsx, type Sheet } from './lib/export';
export { ReportArchiveService } from './lib/archive/report-archive.service';
