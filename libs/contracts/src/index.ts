export * from './lib/roles';
export * from './lib/auth';
export * from './lib/errors';
export * from './lib/reference';
export * from './lib/subscribers';
export * from './lib/requests';
export * from './lib/plans-reports';
export * from './lib/webhooks';
