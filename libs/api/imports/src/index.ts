export * from './lib/imports.module';
export * from './lib/imports.service';
export * from './lib/import-pipeline';
export * from './lib/import-kinds';
export * from './lib/import-runs';
export * from './lib/import-mappings';
export * from './lib/import-values.sql';
