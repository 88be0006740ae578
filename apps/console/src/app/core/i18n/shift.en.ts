/** Plan alerts, segment editing on the card, plan validation and the users list's search (en). */
export const shiftEn = {
  'alerts.button': 'Plan alerts',
  'alerts.buttonCount': 'Plan alerts: {count} open',
  'alerts.title': 'Plan alerts',
  'alerts.none': 'No open alerts.',
  'alerts.loadError': 'The alerts could not be loaded.',
  'alerts.churnPace.managed': '{service}{region}: managed churn on course to {forecast} against a plan of {planned} ({actual} so far)',
  'alerts.churnPace.unmanaged': '{service}{region}: unmanaged churn on course to {forecast} against a plan of {planned} ({actual} so far)',
  'alerts.saveRate': '{service}{region}: save rate {actual} against a target of {planned} ({resolved} resolved)',
  'alerts.approvalWaiting': 'An approval of {offer} has waited {minutes} min',
  'alerts.inRegion': ', {region}',
  'alerts.raised': 'Plan alert: {text}',
  'alerts.openPlan': 'Open the plan',
  'alerts.openApprovals': 'Open approvals',
} satisfies Record<string, string>;

export type ShiftDictionary = Record<keyof typeof shiftEn, string>;
