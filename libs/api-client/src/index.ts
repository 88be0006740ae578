export * from './lib/client';
export type { paths, components, operations } from './lib/schema';
