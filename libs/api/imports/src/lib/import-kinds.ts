import type { ImportKind } from '@retention/contracts';

/**
 * What each kind of billing file holds and how it lands: its columns (as the issue names them) with the
 * check each value gets while the file streams past, then the set-based SQL over the staged rows. Every
 * kind follows the same steps (import-pipeline.ts): `resolve` builds the work table `import_ready`
 * from the staged rows with the ids they refer to; `checks` are the errors found there (line, column,
 * message); `unknown` lists the reference values nobody mapped yet; `merge` writes the rows into the real
 * tables keyed by their natural key, changing nothing that is already so (a second import writes nothing).
 */

export type ColumnType =
  | { type: 'text'; max: number }
  | { type: 'ref'; entity: 'region' | 'service' | 'tariff' | 'competitor' }
  | { type: 'codes' }
  | { type: 'date' }
  | { type: 'month' }
  | { type: 'decimal'; precision: number; scale: number; min?: 'positive' | 'zero' }
  | { type: 'choice'; choices: readonly string[] };

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** A value must be present in every row (required columns only; stated_reason may be empty). */
  nonEmpty?: boolean;
  spec: ColumnType;
}

/** An error found over the staged rows: rows of import_ready `where` holds, with the message as an SQL expression. */
export interface SqlCheck {
  column: string;
  where: string;
  message: string;
}

/** A reference value the file names and nobody mapped yet: `value` an SQL expression over import_ready rows where `where` holds. */
export interface UnknownQuery {
  entity: 'region' | 'service' | 'tariff' | 'competitor';
  column: string;
  value: string;
  where: string;
  /** When the rows carry several values in one field (services). */
  unnest?: boolean;
}

export interface MergeContext {
  userId: string | null;
  newSubscriberMonths: number;
}

export interface KindSpec {
  kind: ImportKind;
  columns: ColumnSpec[];
  resolve: string;
  checks: SqlCheck[];
  unknown: UnknownQuery[];
  /** Statements run in order; each returns rows `{ n }` (or, an INSERT without RETURNING, its count), whose sum is the rows written. */
  merge: (ctx: MergeContext) => { sql: string; params: unknown[] }[];
}

const ACCOUNT: ColumnSpec = { name: 'account_number', required: true, nonEmpty: true, spec: { type: 'text', max: 32 } };
const MONEY = (min?: 'positive' | 'zero') => ({ type: 'decimal' as const, precision: 12, scale: 2, min });

/** A reference resolved by its code (case-insensitive), else through a kept mapping. */
function ref(entity: string, table: string, value: string, alias: string): string {
  return `LEFT JOIN ${table} ${alias}_c ON ${alias}_c.code = lower(${value})
          LEFT JOIN import_mapping ${alias}_m ON ${alias}_m.entity = '${entity}' AND ${alias}_m.source = lower(${value}) AND ${alias}_c.id IS NULL
          LEFT JOIN ${table} ${alias}_t ON ${alias}_t.code = ${alias}_m.target`;
}
const refId = (alias: string) => `COALESCE(${alias}_c.id, ${alias}_t.id)`;

const unknownAccount: SqlCheck = { column: 'account_number', where: 'subscriber_id IS NULL', message: `'unknown account ' || account_number` };
const duplicate = (key: string): SqlCheck => ({ column: key, where: 'first_line <> line', message: `'the same ' || '${key}' || ' as line ' || first_line` });
const unknownRef = (entity: string, column: string, idColumn: string): SqlCheck => ({
  column,
  where: `${column} IS NOT NULL AND ${idColumn} IS NULL`,
  message: `'unknown ${entity} "' || ${column} || '": map it to one of ours or create it'`,
});

const STATUS = `CASE WHEN s.disconnected_on IS NOT NULL THEN s.status ELSE r.status END`;

const subscribers: KindSpec = {
  kind: 'subscribers',
  columns: [
    ACCOUNT,
    { name: 'full_name', required: true, nonEmpty: true, spec: { type: 'text', max: 160 } },
    { name: 'region', required: true, nonEmpty: true, spec: { type: 'ref', entity: 'region' } },
    { name: 'connected_on', required: true, nonEmpty: true, spec: { type: 'date' } },
    { name: 'contract_type', required: true, nonEmpty: true, spec: { type: 'choice', choices: ['month_to_month', '12m', '24m'] } },
    { name: 'status', required: true, nonEmpty: true, spec: { type: 'choice', choices: ['active', 'suspended', 'disconnected'] } },
    { name: 'phone', required: false, spec: { type: 'text', max: 32 } },
    { name: 'address', required: false, spec: { type: 'text', max: 240 } },
  ],
  resolve: `
    SELECT st.*, ${refId('r')} AS region_id,
           first_value(st.line) OVER (PARTITION BY st.account_number ORDER BY st.line) AS first_line
      FROM import_stage st ${ref('region', 'region', 'st.region', 'r')}`,
  checks: [unknownRef('region', 'region', 'region_id'), duplicate('account_number')],
  unknown: [{ entity: 'region', column: 'region', value: 'region', where: 'region_id IS NULL' }],
  // A recorded disconnection (its day and kind, from the disconnections import or the desk) is not undone
  // by a subscribers file that still says active: the subscriber's status stays.
  // Billing does not know a subscriber's temperament and activity: a new subscriber starts with the
  // console's neutral defaults (phlegmatic, waiting) until the desk records them.
  merge: () => [
    {
      sql: `WITH u AS (
              UPDATE subscriber s SET full_name = r.full_name, region_id = r.region_id, connected_on = r.connected_on::date,
                     contract_type = r.contract_type, status = ${STATUS}, phone = COALESCE(r.phone, s.phone), address = COALESCE(r.address, s.address)
                FROM import_ready r
               WHERE s.account_number = r.account_number
                 AND (s.full_name, s.region_id, s.connected_on, s.contract_type, s.status, s.phone, s.address)
                     IS DISTINCT FROM (r.full_name, r.region_id, r.connected_on::date, r.contract_type, ${STATUS}, COALESCE(r.phone, s.phone), COALESCE(r.address, s.address))
              RETURNING 1)
            SELECT count(*)::int AS n FROM u`,
      params: [],
    },
    {
      // Counted by the statement (no RETURNING row per subscriber kept and counted).
      sql: `INSERT INTO subscriber (account_number, full_name, phone, address, region_id, connected_on, contract_type, status, temperament, activity_segment)
            SELECT r.account_number, r.full_name, COALESCE(r.phone, ''), COALESCE(r.address, ''), r.region_id, r.connected_on::date, r.contract_type, r.status,
                   'phlegmatic', 'waiting'
              FROM import_ready r
             WHERE NOT EXISTS (SELECT 1 FROM subscriber s WHERE s.account_number = r.account_number)`,
      params: [],
    },
  ],
};

const subscriptions: KindSpec = {
  kind: 'subscriptions',
  columns: [
    ACCOUNT,
    { name: 'service', required: true, nonEmpty: true, spec: { type: 'ref', entity: 'service' } },
    { name: 'tariff', required: true, nonEmpty: true, spec: { type: 'ref', entity: 'tariff' } },
    { name: 'monthly_fee', required: true, nonEmpty: true, spec: MONEY('zero') },
    { name: 'started_on', required: true, nonEmpty: true, spec: { type: 'date' } },
    { name: 'ended_on', required: true, spec: { type: 'date' } },
  ],
  resolve: `
    SELECT st.*, s.id AS subscriber_id, ${refId('v')} AS service_id, ${refId('t')} AS tariff_id,
           COALESCE(t_c.service_id, t_t.service_id) AS tariff_service_id,
           first_value(st.line) OVER (PARTITION BY st.account_number, lower(st.service), st.started_on ORDER BY st.line) AS first_line
      FROM import_stage st
      LEFT JOIN subscriber s ON s.account_number = st.account_number
      ${ref('service', 'service', 'st.service', 'v')}
      ${ref('tariff', 'tariff', 'st.tariff', 't')}`,
  checks: [
    unknownAccount,
    unknownRef('service', 'service', 'service_id'),
    unknownRef('tariff', 'tariff', 'tariff_id'),
    {
      column: 'tariff',
      where: 'tariff_id IS NOT NULL AND service_id IS NOT NULL AND tariff_service_id <> service_id',
      message: `'the tariff ' || tariff || ' is not a tariff of the service ' || service`,
    },
    { column: 'ended_on', where: 'ended_on::date < started_on::date', message: `'ends before it starts (' || started_on || ')'` },
    duplicate('started_on'),
  ],
  unknown: [
    { entity: 'service', column: 'service', value: 'service', where: 'service_id IS NULL' },
    { entity: 'tariff', column: 'tariff', value: 'tariff', where: 'tariff_id IS NULL' },
  ],
  // A file without an end does not reopen a subscription that has ended (a recorded disconnection stays).
  merge: () => [
    {
      sql: `WITH u AS (
              UPDATE subscription x SET tariff_id = r.tariff_id, monthly_fee = r.monthly_fee::numeric, ended_on = COALESCE(r.ended_on::date, x.ended_on)
                FROM import_ready r
               WHERE x.subscriber_id = r.subscriber_id AND x.service_id = r.service_id AND x.started_on = r.started_on::date
                 AND (x.tariff_id, x.monthly_fee, x.ended_on) IS DISTINCT FROM (r.tariff_id, r.monthly_fee::numeric, COALESCE(r.ended_on::date, x.ended_on))
              RETURNING 1)
            SELECT count(*)::int AS n FROM u`,
      params: [],
    },
    {
      sql: `WITH i AS (
              INSERT INTO subscription (subscriber_id, service_id, tariff_id, monthly_fee, started_on, ended_on)
              SELECT r.subscriber_id, r.service_id, r.tariff_id, r.monthly_fee::numeric, r.started_on::date, r.ended_on::date
                FROM import_ready r
               WHERE NOT EXISTS (SELECT 1 FROM subscription x
                                  WHERE x.subscriber_id = r.subscriber_id AND x.service_id = r.service_id AND x.started_on = r.started_on::date)
              RETURNING 1)
            SELECT count(*)::int AS n FROM i`,
      params: [],
    },
  ],
};

const payments: KindSpec = {
  kind: 'payments',
  columns: [
    ACCOUNT,
    { name: 'paid_on', required: true, nonEmpty: true, spec: { type: 'date' } },
    { name: 'amount', required: true, nonEmpty: true, spec: MONEY('positive') },
  ],
  // The natural key of a payment: a hash of the account, the day and the amount as one normalised line. The
  // duplicates' window sorts the rows by subscriber, day and key (the key holds the day: the same partitions as by
  // subscriber and key), the order the merge writes them in.
  // The amount is checked and normalised (no leading zeros, at most two decimals): one with two decimals, not
  // negative, is already what numeric(12,2) writes, and only the others are cast (the cast was about a fifth of the key's cost).
  resolve: `
    SELECT q.*, first_value(q.line) OVER (PARTITION BY q.subscriber_id, q.paid_on::date, q.import_key ORDER BY q.line) AS first_line
      FROM (SELECT st.*, s.id AS subscriber_id,
                   md5(st.account_number || '|' || st.paid_on || '|' ||
                       CASE WHEN st.amount LIKE '%.__' AND st.amount NOT LIKE '-%' THEN st.amount ELSE st.amount::numeric(12,2)::text END)::uuid AS import_key
              FROM import_stage st LEFT JOIN subscriber s ON s.account_number = st.account_number) q`,
  checks: [unknownAccount, duplicate('amount')],
  unknown: [],
  // New keys by an anti-join, written in the order of the (subscriber_id, paid_on, import_key) index, which leads
  // the subscriber check too and is the guard (the key holds the day, so it is unique per subscriber and key): a
  // plain insert, not a speculative one (ON CONFLICT) per row, with each index page touched once in turn. Safe
  // because imports write one at a time (their advisory lock), nothing else writes import_key, and a file's own
  // duplicates are errors before anything is written; the unique index stays the guard. The rows written are the
  // statement's count: no RETURNING row per payment kept and counted.
  merge: () => [
    {
      sql: `INSERT INTO payment (subscriber_id, paid_on, amount, import_key)
            SELECT r.subscriber_id, r.paid_on::date, r.amount::numeric, r.import_key FROM import_ready r
             WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.subscriber_id = r.subscriber_id AND p.paid_on = r.paid_on::date AND p.import_key = r.import_key)
             ORDER BY r.subscriber_id, r.paid_on::date, r.import_key`,
      params: [],
    },
  ],
};

const usage: KindSpec = {
  kind: 'usage',
  columns: [
    ACCOUNT,
    { name: 'month', required: true, nonEmpty: true, spec: { type: 'month' } },
    { name: 'service', required: true, nonEmpty: true, spec: { type: 'ref', entity: 'service' } },
    { name: 'amount', required: true, nonEmpty: true, spec: { type: 'decimal', precision: 14, scale: 2, min: 'zero' } },
  ],
  resolve: `
    SELECT st.*, s.id AS subscriber_id, ${refId('v')} AS service_id,
           first_value(st.line) OVER (PARTITION BY st.account_number, lower(st.service), st.month ORDER BY st.line) AS first_line
      FROM import_stage st
      LEFT JOIN subscriber s ON s.account_number = st.account_number
      ${ref('service', 'service', 'st.service', 'v')}`,
  checks: [unknownAccount, unknownRef('service', 'service', 'service_id'), duplicate('month')],
  unknown: [{ entity: 'service', column: 'service', value: 'service', where: 'service_id IS NULL' }],
  merge: () => [
    {
      sql: `WITH i AS (
              INSERT INTO usage_monthly (subscriber_id, service_id, month, amount)
              SELECT r.subscriber_id, r.service_id, r.month::date, r.amount::numeric FROM import_ready r
              ON CONFLICT (subscriber_id, service_id, month) DO UPDATE SET amount = EXCLUDED.amount
               WHERE usage_monthly.amount IS DISTINCT FROM EXCLUDED.amount
              RETURNING 1)
            SELECT count(*)::int AS n FROM i`,
      params: [],
    },
  ],
};

const balances: KindSpec = {
  kind: 'balances',
  columns: [
    ACCOUNT,
    { name: 'as_of', required: true, nonEmpty: true, spec: { type: 'date' } },
    { name: 'balance', required: true, nonEmpty: true, spec: MONEY() },
  ],
  resolve: `
    SELECT st.*, s.id AS subscriber_id,
           first_value(st.line) OVER (PARTITION BY st.account_number, st.as_of ORDER BY st.line) AS first_line
      FROM import_stage st LEFT JOIN subscriber s ON s.account_number = st.account_number`,
  checks: [unknownAccount, duplicate('as_of')],
  unknown: [],
  merge: () => [
    {
      sql: `WITH i AS (
              INSERT INTO balance_snapshot (subscriber_id, as_of, balance)
              SELECT r.subscriber_id, r.as_of::date, r.balance::numeric FROM import_ready r
              ON CONFLICT (subscriber_id, as_of) DO UPDATE SET balance = EXCLUDED.balance
               WHERE balance_snapshot.balance IS DISTINCT FROM EXCLUDED.balance
              RETURNING 1)
            SELECT count(*)::int AS n FROM i`,
      params: [],
    },
    {
      // The subscriber's balance is the latest snapshot's (not counted as rows written: it follows them).
      sql: `WITH latest AS (
              SELECT DISTINCT ON (b.subscriber_id) b.subscriber_id, b.balance
                FROM balance_snapshot b
               WHERE b.subscriber_id IN (SELECT subscriber_id FROM import_ready)
               ORDER BY b.subscriber_id, b.as_of DESC),
            u AS (UPDATE subscriber s SET balance = l.balance FROM latest l
                   WHERE s.id = l.subscriber_id AND s.balance IS DISTINCT FROM l.balance RETURNING 1)
            SELECT 0 AS n FROM (SELECT count(*) FROM u) c`,
      params: [],
    },
  ],
};

/**
 * Historical disconnections land where the churn figures read them (docs/methodology.md): the
 * services end (their subscriptions get ended_on and the kind of ending), the subscriber is disconnected
 * once nothing runs any more, and a voluntary leaver becomes a resolved disconnect request of channel
 * `import` with its reason, whose churn facts the database keeps by the one definition (churn_fact's triggers), so
 * it counts as announced churn, managed or unmanaged by its reason (technical when the reason is a
 * closure). A disconnection for non-payment ends the services as non-payment and writes no request:
 * non-payment is kept apart, as for billing's own cut-offs.
 */
const disconnections: KindSpec = {
  kind: 'disconnections',
  columns: [
    ACCOUNT,
    { name: 'disconnected_on', required: true, nonEmpty: true, spec: { type: 'date' } },
    { name: 'services', required: true, spec: { type: 'codes' } },
    { name: 'stated_reason', required: true, spec: { type: 'text', max: 240 } },
    { name: 'reason_code', required: false, spec: { type: 'text', max: 48 } },
    { name: 'competitor', required: false, spec: { type: 'ref', entity: 'competitor' } },
    { name: 'kind', required: false, spec: { type: 'choice', choices: ['voluntary', 'non_payment'] } },
  ],
  resolve: `
    WITH base AS (
      SELECT st.*, COALESCE(st.kind, 'voluntary') AS request_kind, st.disconnected_on::date AS on_day,
             s.id AS subscriber_id, s.region_id, s.connected_on, ${refId('k')} AS competitor_id,
             (SELECT max(id) FROM classifier_version) AS version_id,
             COALESCE(lower(st.reason_code), rm.target) AS reason
        FROM import_stage st
        LEFT JOIN subscriber s ON s.account_number = st.account_number
        LEFT JOIN import_mapping rm ON rm.entity = 'reason' AND rm.source = lower(st.stated_reason) AND st.reason_code IS NULL
        ${ref('competitor', 'competitor', 'st.competitor', 'k')}),
    listed AS (
      SELECT b.*, sv.codes, sv.unknown_services
        FROM base b
        CROSS JOIN LATERAL (
          SELECT array_agg(COALESCE(v.code, vm.code)::text ORDER BY COALESCE(v.code, vm.code)) FILTER (WHERE COALESCE(v.code, vm.code) IS NOT NULL) AS codes,
                 array_agg(x.name) FILTER (WHERE COALESCE(v.code, vm.code) IS NULL) AS unknown_services
            FROM unnest(string_to_array(b.services, '|')) AS x(name)
            LEFT JOIN service v ON v.code = lower(x.name)
            LEFT JOIN import_mapping m ON m.entity = 'service' AND m.source = lower(x.name) AND v.id IS NULL
            LEFT JOIN service vm ON vm.code = m.target) sv)
    SELECT l.*, cr.reason_group, cr.implies_competitor, cr.code IS NOT NULL AS reason_known,
           CASE WHEN l.request_kind = 'non_payment' THEN 'non_payment' WHEN cr.reason_group = 'closure' THEN 'technical' ELSE 'voluntary' END AS churn_kind,
           COALESCE(l.codes, run.codes) AS service_codes, run.fees, run.codes AS running,
           first_value(l.line) OVER (PARTITION BY l.account_number, l.on_day, COALESCE(l.codes, run.codes) ORDER BY l.line) AS first_line
      FROM listed l
      LEFT JOIN churn_reason cr ON cr.version_id = l.version_id AND cr.code = l.reason
      LEFT JOIN LATERAL (
        -- The services running on the day (a second import finds them ended on that very day).
        SELECT array_agg(DISTINCT v.code::text ORDER BY v.code::text) AS codes, jsonb_object_agg(v.code, x.monthly_fee) AS fees
          FROM subscription x JOIN service v ON v.id = x.service_id
         WHERE x.subscriber_id = l.subscriber_id AND x.started_on <= l.on_day AND (x.ended_on IS NULL OR x.ended_on >= l.on_day)) run ON true`,
  checks: [
    unknownAccount,
    {
      column: 'services',
      where: 'unknown_services IS NOT NULL',
      message: `'unknown service "' || array_to_string(unknown_services, '", "') || '": map it to one of ours or create it'`,
    },
    { column: 'disconnected_on', where: 'on_day > app_today()', message: `'a historical disconnection cannot be later than today'` },
    {
      column: 'services',
      where: 'subscriber_id IS NOT NULL AND unknown_services IS NULL AND NOT (COALESCE(service_codes, \'{}\') <@ COALESCE(running, \'{}\') AND cardinality(service_codes) > 0)',
      message: `'no subscription to ' || COALESCE(array_to_string(service_codes, ', '), 'any service') || ' was running on ' || disconnected_on`,
    },
    {
      column: 'reason_code',
      where: `request_kind = 'voluntary' AND reason_code IS NOT NULL AND NOT reason_known`,
      message: `'unknown reason code ' || reason_code`,
    },
    {
      column: 'reason_code',
      where: `request_kind = 'voluntary' AND reason_code IS NULL AND NOT reason_known`,
      message: `'no reason code for the stated reason "' || COALESCE(stated_reason, '') || '": confirm the classifier''s suggestion'`,
    },
    unknownRef('competitor', 'competitor', 'competitor_id'),
    duplicate('disconnected_on'),
  ],
  unknown: [
    { entity: 'service', column: 'services', value: 'unknown_services', where: 'unknown_services IS NOT NULL', unnest: true },
    { entity: 'competitor', column: 'competitor', value: 'competitor', where: 'competitor IS NOT NULL AND competitor_id IS NULL' },
  ],
  merge: (ctx) => [
    {
      sql: `WITH new_requests AS (
              SELECT r.* FROM import_ready r
               WHERE r.request_kind = 'voluntary'
                 AND NOT EXISTS (SELECT 1 FROM disconnect_request d
                                  WHERE d.subscriber_id = r.subscriber_id AND d.channel = 'import' AND d.effective_date = r.on_day
                                    AND d.services = r.service_codes)),
            added AS (
              INSERT INTO disconnect_request (subscriber_id, services, all_services, channel, stated_reason, kind, status, outcome,
                                              reason_version_id, reason_code, competitor_id, effective_date, resolved_at, resolved_by,
                                              mrr_at_risk, mrr_lost, is_new_subscriber, note, created_by, created_at, updated_at,
                                              service_fees, region_id, destination)
              SELECT r.subscriber_id, r.service_codes, COALESCE(r.service_codes @> r.running, false), 'import', COALESCE(r.stated_reason, ''), 'voluntary', 'resolved', 'disconnected',
                     r.version_id, r.reason, r.competitor_id, r.on_day, (r.on_day + time '12:00') AT TIME ZONE 'UTC', $1::uuid,
                     f.total, f.total, r.connected_on > r.on_day - make_interval(months => $2::int), 'Imported from billing', $1::uuid,
                     (r.on_day + time '12:00') AT TIME ZONE 'UTC', (r.on_day + time '12:00') AT TIME ZONE 'UTC',
                     f.fees, r.region_id,
                     CASE WHEN r.competitor_id IS NOT NULL OR r.implies_competitor THEN 'competitor' ELSE 'unknown' END
                FROM new_requests r
                CROSS JOIN LATERAL (
                  SELECT COALESCE(jsonb_object_agg(c, r.fees -> c), '{}') AS fees, COALESCE(sum((r.fees ->> c)::numeric), 0) AS total
                    FROM unnest(r.service_codes) c) f
              RETURNING id)
            SELECT array_agg(id) AS ids, count(*)::int AS n FROM added`,
      params: [ctx.userId, ctx.newSubscriberMonths],
    },
    {
      sql: `WITH ended AS (
              UPDATE subscription x
                 SET ended_on = r.on_day,
                     end_reason = CASE r.churn_kind WHEN 'voluntary' THEN 'disconnected' ELSE r.churn_kind END
                FROM import_ready r, service v
               WHERE x.subscriber_id = r.subscriber_id AND v.id = x.service_id AND v.code = ANY (r.service_codes)
                 AND x.started_on <= r.on_day AND (x.ended_on IS NULL OR x.ended_on > r.on_day OR (x.ended_on = r.on_day AND x.end_reason IS NULL))
              RETURNING r.line, r.request_kind)
            -- A voluntary row was counted with its request; a row for non-payment writes here.
            SELECT count(DISTINCT line) FILTER (WHERE request_kind = 'non_payment')::int AS n FROM ended`,
      params: [],
    },
    {
      // A subscriber with nothing running after their last disconnection is disconnected, with its kind.
      sql: `WITH last AS (
              SELECT DISTINCT ON (r.subscriber_id) r.subscriber_id, r.on_day, r.churn_kind
                FROM import_ready r ORDER BY r.subscriber_id, r.on_day DESC, r.line DESC),
            u AS (
              UPDATE subscriber s SET disconnected_on = l.on_day, disconnect_kind = l.churn_kind, status = 'disconnected'
                FROM last l
               WHERE s.id = l.subscriber_id
                 AND NOT EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = s.id AND (x.ended_on IS NULL OR x.ended_on > l.on_day))
                 AND (s.disconnected_on, s.disconnect_kind, s.status) IS DISTINCT FROM (l.on_day, l.churn_kind, 'disconnected')
              RETURNING 1)
            SELECT 0 AS n FROM (SELECT count(*) FROM u) c`,
      params: [],
    },
  ],
};

/**
 * Answers of periodic NPS and CSAT surveys (the columns of POST /api/surveys, with the day). One answer
 * of a kind per subscriber and day: that is the natural key, kept as import_key, so a second import of
 * the file writes nothing and a corrected score replaces the first. An answer counts for the
 * representative at the time of the answer: whoever resolved the subscriber's latest request by the end
 * of that day, else the representative the subscriber has (assigned by a manager).
 * A row names its subscriber by account number or, for periodic telephony surveys, by phone in any
 * format: looked up as subscriber search looks phones up (the SQL phone_term over subscriber_search_term);
 * a phone no subscriber has, or that several have, is an error of its line and column.
 */
const surveys: KindSpec = {
  kind: 'surveys',
  columns: [
    { name: 'account_number', required: false, spec: { type: 'text', max: 32 } },
    { name: 'phone', required: false, spec: { type: 'text', max: 32 } },
    { name: 'answered_on', required: true, nonEmpty: true, spec: { type: 'date' } },
    { name: 'kind', required: true, nonEmpty: true, spec: { type: 'choice', choices: ['nps', 'csat'] } },
    { name: 'score', required: true, nonEmpty: true, spec: { type: 'choice', choices: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] } },
    { name: 'comment', required: false, spec: { type: 'text', max: 2000 } },
  ],
  resolve: `
    SELECT q.*, first_value(q.line) OVER (PARTITION BY q.import_key ORDER BY q.line) AS first_line
      FROM (SELECT st.*, s.id AS subscriber_id, s.representative_id AS current_representative, ph.matches AS phone_matches,
                   md5(COALESCE(s.account_number, st.account_number, 'phone ' || st.phone) || '|' || st.answered_on || '|' || st.kind)::uuid AS import_key
              FROM import_stage st
              LEFT JOIN LATERAL (SELECT count(DISTINCT t.account_number)::int AS matches, min(t.account_number) AS account_number
                                   FROM subscriber_search_term t
                                  WHERE st.account_number IS NULL AND t.term >= phone_term(st.phone) AND t.term < phone_term(st.phone) || chr(1114111)) ph ON true
              LEFT JOIN subscriber s ON s.account_number = COALESCE(st.account_number, CASE WHEN ph.matches = 1 THEN ph.account_number END)) q`,
  checks: [
    { column: 'account_number', where: 'account_number IS NULL AND phone IS NULL', message: `'names no subscriber: give an account number or a phone'` },
    { column: 'account_number', where: 'account_number IS NOT NULL AND subscriber_id IS NULL', message: `'unknown account ' || account_number` },
    { column: 'phone', where: 'account_number IS NULL AND phone IS NOT NULL AND phone_matches = 0', message: `'no subscriber has the phone ' || phone` },
    {
      column: 'phone',
      where: 'account_number IS NULL AND phone_matches > 1',
      message: `'the phone ' || phone || ' is ' || phone_matches || ' subscribers'' (the same last nine digits): give the account number'`,
    },
    { column: 'score', where: `kind = 'csat' AND score::int NOT BETWEEN 1 AND 5`, message: `'a CSAT score is 1 to 5, not ' || score` },
    { column: 'answered_on', where: 'answered_on::date > app_today()', message: `'the day ' || answered_on || ' is after today'` },
    duplicate('kind'),
  ],
  unknown: [],
  merge: () => [
    {
      sql: `WITH i AS (
              INSERT INTO survey_answer (subscriber_id, kind, score, answered_on, comment, representative_id, import_key)
              SELECT r.subscriber_id, r.kind, r.score::smallint, r.answered_on::date, NULLIF(btrim(r.comment), ''),
                     COALESCE((SELECT d.resolved_by FROM disconnect_request d
                                WHERE d.subscriber_id = r.subscriber_id AND d.status = 'resolved' AND d.resolved_by IS NOT NULL
                                  AND d.resolved_at < (r.answered_on::date + 1)::timestamp AT TIME ZONE 'UTC'
                                ORDER BY d.resolved_at DESC LIMIT 1), r.current_representative),
                     r.import_key
                FROM import_ready r
              ON CONFLICT (import_key) WHERE import_key IS NOT NULL DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment
               WHERE (survey_answer.score, survey_answer.comment) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.comment)
              RETURNING 1)
            SELECT count(*)::int AS n FROM i`,
      params: [],
    },
  ],
};

export const KINDS: Readonly<Record<ImportKind, KindSpec>> = { subscribers, subscriptions, payments, usage, balances, disconnections, surveys };
