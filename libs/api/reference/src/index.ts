export * from './lib/reference.module';
export * from './lib/reference.entities';
export * from './lib/reference.service';
