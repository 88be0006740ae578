export * from './time/months';
export * from './metrics/churn';
export * from './metrics/nps';
export * from './metrics/lifetime';
export * from './plans/forecast';
export * from './segments/temperament';
export * from './disconnect-request/lifecycle';
