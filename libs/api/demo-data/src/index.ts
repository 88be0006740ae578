export {
  generateDemoData,
  isDatabaseEmpty,
  DEFAULT_DEMO_SEED,
} from './lib/demo-data';
export type { DemoDataOptions, DemoDataSummary } from './lib/demo-data';
export { generateDemoPlans } from './lib/demo-plans';
