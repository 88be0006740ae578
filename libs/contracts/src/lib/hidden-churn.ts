/** Hidden churn: detection rules, scans, cases and call lists (shapes shared by API and console). */

export type HiddenChurnSignalCode =
  | 'no_payment'
  | 'balance_falling'
  | 'downgrade'
  | 'service_dropped'
  | 'usage_drop'
  | 'long_suspension'
  | 'nps_fall';

export type HiddenChurnCaseStatusCode = 'new' | 'assigned' | 'contacted' | 'returned' | 'lost' | 'false_alarm';

/** One rule's parameters: `enabled`, `weight` (0..95) and its own numbers (days, months, share, ...). */
export interface HiddenChurnRuleParams {
  enabled: boolean;
  weight: number;
  [parameter: string]: number | boolean;
}

export interface HiddenChurnRulesView {
  version: number;
  createdAt: string;
  createdBy: string | null;
  note: string;
  rules: Record<HiddenChurnSignalCode, HiddenChurnRuleParams>;
}

export interface HiddenChurnScanView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  /** 0..100 */
  progress: number;
  stage: string;
  rulesVersion: number;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: {
    subscribersScanned: number;
    flagged: number;
    opened: number;
    updated: number;
    returned: number;
    lost: number;
  } | null;
  error: string | null;
}

/** A sign that fired: its value (days, months, share, points, money) and what it is about. */
export interface HiddenChurnSignalView {
  signal: HiddenChurnSignalCode;
  value: number;
  detail: Record<string, unknown>;
}

export interface HiddenChurnCaseItem {
  id: string;
  subscriberId: string;
  accountNumber: string;
  fullName: string;
  region: string;
  services: string[];
  status: HiddenChurnCaseStatusCode;
  signals: HiddenChurnSignalView[];
  riskScore: number;
  revenueAtStake: number;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  callListId: string | null;
  /** The true reason from the classifier, once an operator closed the case returned or lost. */
  reasonCode: string | null;
}

export interface HiddenChurnCaseEvent {
  at: string;
  actor: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  detail: Record<string, unknown>;
}

export interface HiddenChurnCaseDetail extends HiddenChurnCaseItem {
  /** The offer the subscriber took when the case closed `returned`. */
  offerCode: string | null;
  note: string;
  closeCause: string | null;
  events: HiddenChurnCaseEvent[];
}

export interface ResolveHiddenChurnCase {
  outcome: 'returned' | 'lost' | 'false_alarm';
  /** The true reason from the classifier; required for returned and lost. */
  reasonCode?: string;
  /** An offer the subscriber took (returned only): one the desk would propose for this reason and subscriber. */
  offerCode?: string;
  note?: string;
}

export interface HiddenChurnCaseFilter {
  status?: string;
  signal?: HiddenChurnSignalCode;
  region?: string;
  service?: string;
  minRisk?: number;
}

export interface CreateCallList {
  name: string;
  filter: HiddenChurnCaseFilter;
  /** How many cases, riskiest first */
  size: number;
  operatorIds: string[];
}

export interface CallListView {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  filter: HiddenChurnCaseFilter;
  size: number;
  operators: { id: string; displayName: string; cases: number; open: number }[];
  progress: { total: number; open: number; contacted: number; returned: number; lost: number; falseAlarm: number };
}
