/** Imports from billing: the kinds of file, a run as the API shows it, and the kept mappings. */

export const IMPORT_KINDS = ['subscribers', 'subscriptions', 'payments', 'usage', 'balances', 'disconnections', 'surveys'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The columns of each kind, as a billing file must name them (optional ones may be left out). */
export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly { name: string; required: boolean }[]>> = {
  subscribers: [
    { name: 'account_number', required: true },
    { name: 'full_name', required: true },
    { name: 'region', required: true },
    { name: 'connected_on', required: true },
    { name: 'contract_type', required: true },
    { name: 'status', required: true },
    { name: 'phone', required: false },
    { name: 'address', required: false },
  ],
  subscriptions: [
    { name: 'account_number', required: true },
    { name: 'service', required: true },
    { name: 'tariff', required: true },
    { name: 'monthly_fee', required: true },
    { name: 'started_on', required: true },
    { name: 'ended_on', required: true },
  ],
  payments: [
    { name: 'account_number', required: true },
    { name: 'paid_on', required: true },
    { name: 'amount', required: true },
  ],
  usage: [
    { name: 'account_number', required: true },
    { name: 'month', required: true },
    { name: 'service', required: true },
    { name: 'amount', required: true },
  ],
  balances: [
    { name: 'account_number', required: true },
    { name: 'as_of', required: true },
    { name: 'balance', required: true },
  ],
  disconnections: [
    { name: 'account_number', required: true },
    { name: 'disconnected_on', required: true },
    { name: 'services', required: true },
    { name: 'stated_reason', required: true },
    { name: 'reason_code', required: false },
    { name: 'competitor', required: false },
    { name: 'kind', required: false },
  ],
  surveys: [
    // One of the two names the subscriber: the account number, else a phone in any format (periodic telephony surveys).
    { name: 'account_number', required: false },
    { name: 'phone', required: false },
    { name: 'answered_on', required: true },
    { name: 'kind', required: true },
    { name: 'score', required: true },
    { name: 'comment', required: false },
  ],
};

export type ImportStatus = 'queued' | 'running' | 'completed' | 'rejected' | 'failed';

/** One problem of a file: the line (1 = the header), the column, what is wrong. */
export interface ImportError {
  line: number;
  column: string | null;
  message: string;
}

export type ImportEntity = 'region' | 'service' | 'tariff' | 'competitor';
export const IMPORT_ENTITIES: readonly ImportEntity[] = ['region', 'service', 'tariff', 'competitor'];

/** A reference value the file names that is neither one of our codes nor mapped yet. */
export interface ImportUnknownValue {
  entity: ImportEntity;
  value: string;
  rows: number;
  firstLine: number;
}

/** A stated reason of historical disconnections without a reason code, with the classifier's suggestion. */
export interface ImportStatedReason {
  statedReason: string;
  rows: number;
  suggestion: { code: string; title: string; score: number } | null;
}

export interface ImportRunView {
  id: string;
  kind: ImportKind;
  dryRun: boolean;
  status: ImportStatus;
  rowsRead: number;
  rowsWritten: number;
  /** The first 1,000 errors, in line order. */
  errors: ImportError[];
  errorCount: number;
  /** The header as the file has it (for a column-mapping step), and the mapping of our columns to it that was used. */
  headers: string[];
  columns: Record<string, string>;
  detected: { encoding: string | null; separator: string | null; dateFormats: string[]; decimalSeparators: string[] };
  unknown: ImportUnknownValue[];
  reasons: ImportStatedReason[];
  progress: { bytesRead: number; fileBytes: number };
  failure: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A kept mapping: billing's `source` (compared case-insensitively) means our `target` code. */
export interface ImportMappingView {
  entity: ImportEntity | 'reason';
  source: string;
  target: string;
  updatedAt: string;
}

export interface ImportMappingEntry {
  entity: ImportEntity | 'reason';
  source: string;
  /** An existing code; or, with `create`, the code of a new region, service or competitor named `source`. */
  target: string;
  create?: boolean;
}
