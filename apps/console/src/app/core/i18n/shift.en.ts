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
  'segment.edit': 'Correct',
  'segment.note': 'Why (what they said or did)',
  'segment.noteHint': 'Kept with the change, with your name and the time',
  'segment.changedBy': 'Recorded by {name}, {when}',
  'segment.saveError': 'The segment could not be saved.',
  'alerts.openApprovals': 'Open approvals',
} satisfies Record<string, string>;

export type ShiftDictionary = Record<keyof typeof shiftEn, string>;
