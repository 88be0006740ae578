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
  'alerts.inRegion': ', region {r}',
  'alerts.raised': 'Plan alert: {text}',
  'alerts.openPlan': 'Open the plan',
  'segment.edit': 'Correct',
  'segment.note': 'Why (what they said or did)',
  'segment.noteHint': 'Kept with the change, with your name and the time',
  'segment.changedBy': 'Recorded by {name}, {when}',
  'segment.saveError': 'The segment could not be saved.',
  'plan.invalid.required': 'Enter a value',
  'plan.invalid.wholeNumber': 'A whole number, 0 or more',
  'plan.invalid.rateAbove': '{value} % is above 100 %: a save rate is a share of requests',
  'plan.invalid.rateFormat': 'A per cent from 0 to 100, e.g. 35',
  'plan.invalid.summary': 'Values to fix: {count}. A total marked ? waits for them, and the plan cannot be saved until then.',
  'alerts.openApprovals': 'Open approvals',
} satisfies Record<string, string>;

export type ShiftDictionary = Record<keyof typeof shiftEn, string>;
