import type { PlanAlertKind } from './plans-reports';
/**
 * Server-sent events of `GET /api/events`: each names what changed, the console fetches what it shows.
 * Event names (the SSE `event:` field) are the `type`s below; `ready` comes first, once the stream listens,
 * `ping` every 25 s keeps proxies from closing an idle stream.
 */

/** A disconnect request changed (created, claimed, released, postponed, resolved, an approval asked or decided). */
export interface RequestChangedEvent {
  type: 'request';
  requestId: string;
  /** The audit trail's action: create, claim, release, postpone, resolve, approval_requested, approval_approved, approval_rejected. */
  action: string;
  from: string | null;
  to: string;
  /** User names: who did it, and who holds the request now. */
  actor: string | null;
  assignee: string | null;
  offerCode: string | null;
}

/** A postponed request's call-back time has come (announced once, at the start of the minute after it). */
export interface CallbackDueEvent {
  type: 'callback_due';
  requestId: string;
  /** The operator who is to call back. */
  assignee: string | null;
  subscriberName: string;
  callbackAt: string;
}

/** A hidden-churn case's approval was asked or decided (the operator working the case hears the decision). */
export interface CaseChangedEvent {
  type: 'case';
  caseId: string;
  /** approval_requested, approval_approved, approval_rejected. */
  action: string;
  /** User names: who did it, and the operator the case is assigned to. */
  actor: string | null;
  assignee: string | null;
  offerCode: string | null;
}

export type ConsoleEvent = RequestChangedEvent | CallbackDueEvent | PlanAlertEvent | CaseChangedEvent;
export type ConsoleEventType = ConsoleEvent['type'];

/**
 * A plan alert was raised or cleared (to managers only: the stream sends it to those who manage plans).
 * The console fetches the alerts themselves from `GET /api/plan-alerts`.
 */
export interface PlanAlertEvent {
  type: 'plan_alert';
  alertId: string;
  kind: PlanAlertKind;
  state: 'raised' | 'cleared';
}
