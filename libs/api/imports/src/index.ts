export * from './lib/imports.module';
export * from './lib/imports.service';
export * from './lib/import-pipeline';
export * from './lib/import-kinds';
