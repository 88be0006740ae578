import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig, appClock, AuthenticatedUser, badRequest, conflict, DomainException, EventBus, Events, JobQueue, notFound, outboxCommitted, outboxCtes, outboxWritten,
  queryPrepared, unplanned,
} from '@retention/api-core';
import { ClassifierService } from '@retention/api-classifier';
import { BaseFlowsService } from '@retention/api-churn-data';
import type {
  ApprovalView,
  CallbackDueEvent,
  CaseChangedEvent,
  DisconnectRequestView,
  OfferProposal,
  Page,
  PresentationView,
  RequestChangedEvent,
  RequestEventView,
} from '@retention/contracts';
import {
  addMonths,
  availableActions,
  churnedServices,
  churnKind,
  ChurnKind,
  IllegalTransitionError,
  isSave,
  ltv as lifetimeValue,
  monthKeyOf,
  newSubscriberSince,
  nextStatus,
  parseInstant,
  rankOffers,
  RequestAction,
  RequestKind,
  RequestStatus,
  resolutionProblems,
  resolvedDestination,
  saveState,
  subscriptionEndReason,
  tenureMonths,
} from '@retention/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  BillingDisconnectionDto,
  CreateDisconnectRequestDto,
  ListRequestsQueryDto,
  PostponeDisconnectRequestDto,
  ResolveDisconnectRequestDto,
} from './requests.dto';

interface RequestRow {
  id: string;
  status: RequestStatus;
  assignee_id: string | null;
  subscriber_id: string;
  services: string[];
  reason_version_id: number | null;
  kind: RequestKind;
}

const today = () => appClock().today();
// A create's Idempotency-Key is locked in advisory-lock namespace 7301003 by lock_subscriber_for_request (migration
// CreateRequestInOneStatement).
/** The minute's job that announces call-backs come due (see announceDueCallbacks). */
export const CALLBACKS_DUE_JOB = 'desk-callbacks-due';

/** Advisory-lock namespace of billing's event ids. */
const BILLING_EVENT_LOCK = 7_301_004;
/** What a disconnection billing performed is classified as: the true reason is not known to the console. */
const BILLING_REASON = 'other_unknown';

export interface BillingDisconnectionResult {
  eventId: string;
  replayed: boolean;
  accountNumber: string;
  /** The requests that record it: an open one of the subscriber that it closed, and/or one made for it. */
  requests: DisconnectRequestView[];
}

/** SHA-256 of a validated body with its keys in a fixed order: what "the same body" means for an Idempotency-Key. */
function fingerprint(body: object): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical)
      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * Active subscriptions of a subscriber, with service codes and fees, by service code (a request's services keep that
 * order): the SQL function `active_subscriptions` (migration LockSubscriberForRequest), which the create's
 * `lock_subscriber_for_request` reads too.
 */
const ACTIVE_SUBSCRIPTIONS = `SELECT id, service, fee, started_on FROM active_subscriptions($1) ORDER BY service`;

const VIEW_COLUMNS = `
  SELECT d.*, s.account_number, s.full_name AS subscriber_name, s.disconnected_on::text AS subscriber_disconnected_on,
         r.code AS region_code, u.username AS assignee_username, u.display_name AS assignee_name, cv.version AS reason_version,
         extract(epoch FROM (COALESCE(d.resolved_at, app_now()) - d.created_at)) / 60 AS waiting_minutes`;
/** Where a view's request comes from: the table, or a statement's `RETURNING *` (a create answers from its insert). */
const viewFrom = (requests = 'disconnect_request') => `
    FROM ${requests} d
    JOIN subscriber s ON s.id = d.subscriber_id
    JOIN region r ON r.id = s.region_id
    LEFT JOIN app_user u ON u.id = d.assignee_id
    LEFT JOIN classifier_version cv ON cv.id = d.reason_version_id`;
/** A view's audit trail as JSON, oldest first: `events` are request_event rows (the table, or an insert's `RETURNING *`). */
const eventsOf = (events = 'request_event') => `
  (SELECT COALESCE(json_agg(json_build_object('at', e.at, 'actor', u.display_name, 'action', e.action, 'from', e.from_status,
                                              'to', e.to_status, 'data', e.data) ORDER BY e.at, e.id), '[]')
     FROM ${events} e LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.request_id = d.id) AS events`;

/**
 * The writing part of a new request's statement, after the caller's CTE `req` (a row, or none when nothing is to be
 * written: subscriber_id, region_id, connected_on date, active json, the subscriber's active subscriptions as
 * [{service, fee}], and services text[], the services asked for, already checked against them): the request with
 * the fees of its services as they are now (each service's fees summed, to the cent) and the subscriber's region,
 * new when connected on or after the first date still new (`newSubscriberSince`), its audit record and its outbox
 * event (request.created). Nine parameters from `$first`: channel, stated reason, kind, Idempotency-Key, body hash,
 * creator, the first date still new, the event type and the account number (RequestsService.insertParams).
 */
const insertRequestCtes = (first: number) => {
  const [channel, reason, kind, key, hash, by, since, type, account] = Array.from({ length: 9 }, (_, i) => `$${first + i}`);
  return `
  fees AS (
    SELECT req.*, f.service_fees, f.mrr_at_risk
      FROM req CROSS JOIN LATERAL (
        SELECT COALESCE(jsonb_object_agg(x.service, x.fee::float8), '{}') AS service_fees, COALESCE(sum(x.fee), 0) AS mrr_at_risk
          FROM (SELECT a->>'service' AS service, round(sum((a->>'fee')::numeric), 2) AS fee
                  FROM json_array_elements(req.active) a WHERE a->>'service' = ANY (req.services) GROUP BY 1) x) f),
  inserted AS (
    INSERT INTO disconnect_request (subscriber_id, services, all_services, channel, stated_reason, kind, status, mrr_at_risk,
                                    is_new_subscriber, idempotency_key, idempotency_body_hash, created_by, service_fees, region_id)
    SELECT f.subscriber_id, f.services, NOT EXISTS (SELECT 1 FROM json_array_elements(f.active) a WHERE a->>'service' <> ALL (f.services)),
           ${channel}::text, ${reason}::text, ${kind}::text, 'new', f.mrr_at_risk, COALESCE(f.connected_on >= ${since}::date, false),
           ${key}::text, ${hash}::text, ${by}::uuid,
           f.service_fees, f.region_id
      FROM fees f
    RETURNING *),
  audit AS (
    INSERT INTO request_event (request_id, actor_id, action, from_status, to_status, data)
    SELECT d.id, d.created_by, 'create', NULL, 'new', jsonb_build_object('channel', d.channel, 'services', d.services, 'statedReason', d.stated_reason)
      FROM inserted d
    RETURNING *),
  ${outboxCtes(type, `SELECT jsonb_build_object('requestId', d.id, 'accountNumber', ${account}::text, 'services', d.services, 'kind', d.kind,
                                               'channel', d.channel, 'mrrAtRisk', d.mrr_at_risk::float8) AS payload FROM inserted d`)}`;
};

/** The new request as `get` shows it, who made it (for the console's event) and how many webhook deliveries it got. */
const requestWritten = () => `
  ${VIEW_COLUMNS}, ${eventsOf('audit')},
         (SELECT c.username FROM app_user c WHERE c.id = d.created_by) AS actor, (SELECT count(*) FROM fan_out)::int AS deliveries
  ${viewFrom('inserted')}`;

/**
 * A disconnect-request create as one statement (migration CreateRequestInOneStatement): `lock_subscriber_for_request`
 * ($1 account number, $2 creator, $3 Idempotency-Key) finds an earlier request of the key or locks the subscriber and
 * reads its active subscriptions and open requests; the request ($4: the services asked for, none for all that are
 * active) is written when the subscriber is not disconnected, every service asked for is active, there is a service
 * to disconnect and no open request covers any of them. One row: the verdict_ columns (what was found and why
 * nothing was written), and the new request's view when it was; none for an unknown account number. The services
 * asked for are `unplanned`: planned with them (an array whose length the custom plans counted), the statement was
 * planned at every call, 1.7 ms, for the plan of the same shape that it now keeps.
 */
const CREATE_REQUEST = `
  WITH asked AS (SELECT ${unplanned('$4', 'text[]')} AS services),
       locked AS (SELECT * FROM lock_subscriber_for_request($1, $2, $3)),
       checked AS (
         SELECT l.*, c.codes,
                ARRAY(SELECT x FROM unnest(asked.services) WITH ORDINALITY t(x, i) WHERE x <> ALL (c.codes) ORDER BY i) AS unknown,
                CASE WHEN cardinality(asked.services) > 0 THEN asked.services ELSE c.codes END AS services
           FROM locked l CROSS JOIN asked
           CROSS JOIN LATERAL (SELECT ARRAY(SELECT DISTINCT a->>'service' FROM json_array_elements(l.active) a ORDER BY 1) AS codes) c),
       verdict AS (
         SELECT k.*, (SELECT o->>'id' FROM json_array_elements(k.open) WITH ORDINALITY t(o, i)
                       WHERE ARRAY(SELECT json_array_elements_text(o->'services')) && k.services ORDER BY i LIMIT 1) AS open_id
           FROM checked k),
       req AS (
         SELECT v.id AS subscriber_id, v.region_id, v.connected_on, v.active, v.services FROM verdict v
          WHERE v.earlier_id IS NULL AND v.status <> 'disconnected' AND cardinality(v.unknown) = 0 AND cardinality(v.services) > 0
            AND v.open_id IS NULL),
       ${insertRequestCtes(5)}
  SELECT v.earlier_id AS verdict_earlier_id, v.earlier_hash AS verdict_earlier_hash, v.status AS verdict_status, v.codes AS verdict_codes,
         v.unknown AS verdict_unknown, v.services AS verdict_services, v.open_id AS verdict_open_id, w.*
    FROM verdict v LEFT JOIN (${requestWritten()}) w ON true`;

@Injectable()
export class RequestsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly classifier: ClassifierService,
    private readonly baseFlows: BaseFlowsService,
    private readonly bus: EventBus,
    private readonly jobs: JobQueue,
    private readonly events: Events,
  ) {}

  async onModuleInit(): Promise<void> {
    // At the start of every minute, once across the API processes (pg-boss makes one job per cron tick): tell
    // the consoles of the call-backs that came due during the minute before.
    await this.jobs.define({
      name: CALLBACKS_DUE_JOB,
      cron: '* * * * *',
      retryLimit: 0,
      handle: async () => {
        await this.announceDueCallbacks(new Date(Math.floor(appClock().nowMs() / 60_000) * 60_000));
      },
    });
  }

  /**
   * Publishes a callback_due event for each postponed request whose call-back time falls in the minute before
   * `minute` (and has come): each minute's job covers its own minute, so a call-back is announced once, with
   * nothing written. Returns how many.
   */
  async announceDueCallbacks(minute: Date): Promise<number> {
    const due: { request_id: string; callback_at: Date; subscriber_name: string; assignee: string | null }[] = await this.db.query(
      `SELECT d.id AS request_id, d.callback_at, s.full_name AS subscriber_name, a.username AS assignee
         FROM disconnect_request d
         JOIN subscriber s ON s.id = d.subscriber_id
         LEFT JOIN app_user a ON a.id = d.assignee_id
        WHERE d.status = 'postponed' AND d.callback_at >= $1::timestamptz - interval '1 minute' AND d.callback_at < $1::timestamptz
          AND d.callback_at <= app_now()`,
      [minute.toISOString()],
    );
    for (const r of due) {
      const event: CallbackDueEvent = {
        type: 'callback_due', requestId: r.request_id, assignee: r.assignee, subscriberName: r.subscriber_name,
        callbackAt: new Date(r.callback_at).toISOString(),
      };
      await this.bus.publish(this.db, { ...event });
    }
    return due.length;
  }

  private get slaMinutes(): number {
    return this.config.get('REQUEST_SLA_MINUTES', { infer: true });
  }

  /**
   * A new request. An Idempotency-Key is the caller's own: a retry with the same key and the same
   * body returns the request the first call made; the same key with another body is a 422; another
   * user's key of the same spelling is another key. Calls with one caller's key queue on an
   * advisory lock, so concurrent retries find the first one's request instead of racing it (the
   * unique index on (created_by, idempotency_key) backs this up).
   *
   * One statement outside a transaction (`CREATE_REQUEST`: it commits as it ends), so a create is one round trip:
   * the statement decides and writes, and answers with what it found when it wrote nothing; the checks below only
   * name what stopped it.
   */
  async create(dto: CreateDisconnectRequestDto, idempotencyKey: string | undefined, actor: AuthenticatedUser): Promise<{ view: DisconnectRequestView; replayed: boolean }> {
    if (idempotencyKey !== undefined && !/^[\w.:-]{1,128}$/.test(idempotencyKey)) {
      throw badRequest('Idempotency-Key', 'must be 1–128 letters, digits, dots, colons, dashes or underscores');
    }
    const bodyHash = idempotencyKey ? fingerprint(dto) : null;
    const [row]: (Record<string, unknown> & {
      id: string | null; actor: string | null; deliveries: number | null;
      verdict_earlier_id: string | null; verdict_earlier_hash: string | null; verdict_status: string | null;
      verdict_codes: string[] | null; verdict_unknown: string[] | null; verdict_services: string[] | null; verdict_open_id: string | null;
    })[] = await queryPrepared(
      this.db,
      CREATE_REQUEST,
      [dto.accountNumber, actor.id, idempotencyKey ?? null, [...new Set(dto.services)],
        ...this.insertParams({ channel: dto.channel, statedReason: dto.statedReason ?? '', kind: dto.kind ?? 'voluntary', accountNumber: dto.accountNumber,
          idempotencyKey: idempotencyKey ?? null, bodyHash, createdBy: actor.id })],
    );
    if (!row) throw notFound('Subscriber with account number', dto.accountNumber);
    if (row.verdict_earlier_id) {
      if (row.verdict_earlier_hash !== bodyHash) {
        throw new DomainException(422, 'idempotency_key_reused',
          `Idempotency-Key ${idempotencyKey} was already used for a request with a different body; use a new key for a new request.`,
          [{ field: 'Idempotency-Key', problems: ['was already used with a different body'] }]);
      }
      // A replay reads the first call's request as it is now.
      return { view: await this.get(row.verdict_earlier_id, actor), replayed: true };
    }
    if (row.verdict_status === 'disconnected') throw conflict(`Subscriber ${dto.accountNumber} is already disconnected.`, 'already_disconnected');
    const codes = row.verdict_codes ?? [];
    if (row.verdict_unknown?.length) {
      throw badRequest('services', `the subscriber has no active ${row.verdict_unknown.join(', ')}; active: ${codes.join(', ') || 'none'}`);
    }
    if (!row.verdict_services?.length) throw conflict(`Subscriber ${dto.accountNumber} has no active services to disconnect.`, 'no_active_services');
    if (row.verdict_open_id) {
      throw new DomainException(409, 'open_request_exists', `An open request ${row.verdict_open_id} already covers these services.`);
    }
    if (!row.id) throw new Error(`The create of a request for ${dto.accountNumber} wrote nothing and named no reason.`);
    // Committed: the webhook worker and the open consoles hear of it (see notifyCommitted).
    outboxCommitted(this.db, row.deliveries ?? 0);
    this.bus.publishCommitted(this.db, { ...this.created(row.id, row.actor) });
    return { view: this.viewWithEvents(row, actor), replayed: false };
  }

  /** The console's event of a new request. */
  private created(requestId: string, actor: string | null): RequestChangedEvent {
    return { type: 'request', requestId, action: 'create', from: null, to: 'new', actor, assignee: null, offerCode: null };
  }

  /** The parameters of `insertRequestCtes`, in its order. */
  private insertParams(r: {
    channel: string; statedReason: string; kind: RequestKind; accountNumber: string; idempotencyKey: string | null; bodyHash: string | null; createdBy: string | null;
  }): unknown[] {
    const since = newSubscriberSince(today(), this.config.get('NEW_SUBSCRIBER_MONTHS', { infer: true }));
    return [r.channel, r.statedReason, r.kind, r.idempotencyKey, r.bodyHash, r.createdBy, since, 'request.created', r.accountNumber];
  }

  /**
   * A new request of billing's (inside its transaction): the same statement's writing part as a create's
   * (`insertRequestCtes`), from the subscriber billing locked and read.
   */
  private async insertRequest(
    tx: EntityManager,
    sub: { id: string; region_id: string; connected_on: string },
    active: { service: string; fee: number }[],
    services: string[],
    r: { channel: string; statedReason: string; kind: RequestKind; accountNumber: string; idempotencyKey: string | null; bodyHash: string | null; createdBy: string | null },
  ): Promise<Record<string, unknown> & { id: string }> {
    const [row]: (Record<string, unknown> & { id: string; actor: string | null; deliveries: number })[] = await queryPrepared(
      tx,
      `WITH req AS (SELECT $1::uuid AS subscriber_id, $2::uuid AS region_id, $3::date AS connected_on, $4::json AS active, $5::text[] AS services),
            ${insertRequestCtes(6)}
       ${requestWritten()}`,
      [sub.id, sub.region_id, sub.connected_on, JSON.stringify(active), services, ...this.insertParams(r)],
    );
    await outboxWritten(tx, row.deliveries);
    await this.announce(tx, this.created(row.id, row.actor));
    return row;
  }

  /**
   * A disconnection billing performed (POST /api/billing/disconnections), recorded as the console records any
   * churn: through a resolved disconnect request. An open request of the subscriber that covers some of the
   * services is closed by it (disconnected, or partially retained when it asked for more services than billing
   * ended); the services no open request covered get a request of their own (channel `api`), resolved at once.
   * The kind billing gives (non-payment or voluntary) is the requests' kind, so non-payment churn stays apart;
   * the reason is "reason not found". Idempotent by billing's event id: the same body replays the first answer,
   * another body is a 422.
   */
  async recordBillingDisconnection(dto: BillingDisconnectionDto): Promise<BillingDisconnectionResult> {
    const on = dto.disconnectedOn ?? today();
    if (on > today()) throw badRequest('disconnectedOn', 'must not be in the future: post a disconnection once billing has performed it');
    const bodyHash = fingerprint(dto);
    const reason = await this.classifier.definition(BILLING_REASON);
    const result = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BILLING_EVENT_LOCK, dto.eventId]);
      const [earlier] = await tx.query('SELECT body_hash, request_ids FROM billing_disconnection WHERE event_id = $1', [dto.eventId]);
      if (earlier) {
        if (earlier.body_hash !== bodyHash) {
          throw new DomainException(422, 'event_id_reused', `Billing event ${dto.eventId} was already posted with a different body.`,
            [{ field: 'eventId', problems: ['was already posted with a different body'] }]);
        }
        return { ids: earlier.request_ids as string[], replayed: true };
      }
      const [sub] = await queryPrepared(
        tx,
        `SELECT id, status, region_id, connected_on::text AS connected_on FROM subscriber WHERE account_number = $1 FOR UPDATE`,
        [dto.accountNumber],
      );
      if (!sub) throw notFound('Subscriber with account number', dto.accountNumber);
      const active: { service: string; fee: number; started_on: string }[] = await tx.query(ACTIVE_SUBSCRIPTIONS, [sub.id]);
      const activeCodes = [...new Set(active.map((a) => a.service))];
      const unknown = (dto.services ?? []).filter((s) => !activeCodes.includes(s));
      if (unknown.length) throw badRequest('services', `the subscriber has no active ${unknown.join(', ')}; active: ${activeCodes.join(', ') || 'none'}`);
      const services = dto.services?.length ? [...new Set(dto.services)] : activeCodes;
      if (!services.length) throw conflict(`Subscriber ${dto.accountNumber} has no active services to disconnect.`, 'no_active_services');
      const notYet = active.filter((a) => services.includes(a.service) && a.started_on > on);
      if (notYet.length) {
        throw badRequest('disconnectedOn', `is before ${notYet.map((a) => `${a.service} started (${a.started_on})`).join(', ')}`);
      }

      const ids: string[] = [];
      let uncovered = services;
      const open: RequestRow[] = await tx.query(
        `SELECT id, status, assignee_id, subscriber_id, services, reason_version_id, kind FROM disconnect_request
          WHERE subscriber_id = $1 AND status <> 'resolved' AND services && $2::text[] ORDER BY created_at FOR UPDATE`,
        [sub.id, services],
      );
      for (const row of open) {
        await this.closeByBilling(tx, row, services, on, dto, reason);
        uncovered = uncovered.filter((s) => !row.services.includes(s));
        ids.push(row.id);
      }
      if (uncovered.length) {
        const row = await this.insertRequest(tx, sub, active, uncovered, {
          channel: 'api', statedReason: `Disconnected by billing (event ${dto.eventId})`, kind: dto.kind, accountNumber: dto.accountNumber,
          idempotencyKey: null, bodyHash: null, createdBy: null,
        });
        await this.closeByBilling(tx, row as unknown as RequestRow, services, on, dto, reason);
        ids.push(row.id);
      }
      await tx.query(`INSERT INTO billing_disconnection (event_id, body_hash, subscriber_id, request_ids) VALUES ($1, $2, $3, $4)`,
        [dto.eventId, bodyHash, sub.id, ids]);
      return { ids, replayed: false };
    });
    const system = { id: '00000000-0000-0000-0000-000000000000' } as AuthenticatedUser;
    return {
      eventId: dto.eventId,
      replayed: result.replayed,
      accountNumber: dto.accountNumber,
      requests: await Promise.all(result.ids.map((id) => this.get(id, system))),
    };
  }

  /** Resolves one request with what billing disconnected of its services, as `resolve` records a disconnection. */
  private async closeByBilling(
    tx: EntityManager,
    row: RequestRow,
    billed: string[],
    on: string,
    dto: BillingDisconnectionDto,
    reason: { versionId: number; group: string; impliesCompetitor: boolean },
  ): Promise<void> {
    const leaving = row.services.filter((s) => billed.includes(s));
    const kept = row.services.filter((s) => !billed.includes(s));
    const outcome = kept.length ? 'partially_retained' : 'disconnected';
    // Billing's kind is the request's: a request taken as voluntary that billing ended for debt is non-payment.
    await tx.query(`UPDATE disconnect_request SET kind = $2 WHERE id = $1`, [row.id, dto.kind]);
    const kind = churnKind(dto.kind, reason.group);
    const mrrLost = await this.endSubscriptions(tx, { ...row, kind: dto.kind }, leaving, on, kind);
    const destination = resolvedDestination({ outcome, reasonImpliesCompetitor: reason.impliesCompetitor });
    await tx.query(
      `UPDATE disconnect_request
          SET status = 'resolved', updated_at = app_now(), outcome = $2, reason_version_id = $3, reason_code = $4, kept_services = $5,
              effective_date = $6, resolved_at = app_now(), resolved_by = NULL, mrr_lost = $7, destination = $8
        WHERE id = $1`,
      [row.id, outcome, reason.versionId, BILLING_REASON, kept.length ? kept : null, on, mrrLost, destination],
    );
    await this.audit(tx, row.id, null, 'billing_disconnection', row.status, 'resolved', { eventId: dto.eventId, kind: dto.kind, services: leaving, effectiveDate: on, mrrLost });
    await this.events.emit('request.resolved', {
      requestId: row.id, accountNumber: dto.accountNumber, outcome, kind, reasonCode: BILLING_REASON, disconnectedServices: leaving, keptServices: kept,
      effectiveDate: on, mrrLost, offerCode: null, byBilling: dto.eventId,
    }, tx);
  }

  /** The queue: call-backs due to me first, then the oldest waiting, then the rest. */
  async list(q: ListRequestsQueryDto, actor: AuthenticatedUser): Promise<Page<DisconnectRequestView>> {
    const statuses = q.status ? q.status.split(',') : ['new', 'in_progress', 'postponed'];
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const params: unknown[] = [statuses, actor.id, limit, offset];
    // Open requests only (the queue's default), also said as the open-queue index's own predicate: the statement is
    // prepared, and a generic plan (made without $1's value) can then still read that partial index. There the
    // statuses, the page and what is searched are `unplanned`: planned with them, every page cost a plan (0.9 ms,
    // about what it ran) for the plan the statement now keeps. With resolved requests (a history of hundreds of
    // thousands) the statuses choose the plan (a generic one read all resolved requests in twice the time), so that
    // statement is still planned with its values.
    const open = !statuses.includes('resolved');
    const value = (param: string, type: string) => (open ? unplanned(param, type) : param);
    const where = [`d.status = ANY(${value('$1', 'text[]')})`];
    if (open) where.push(`d.status <> 'resolved'`);
    if (q.mine) where.push('d.assignee_id = $2');
    if (q.subscriberId) {
      params.push(q.subscriberId);
      where.push(`d.subscriber_id = $${params.length}`);
    }
    if (q.search?.trim()) {
      // The one subscriber search (search_prefixes over subscriber_search_term): account, name in either order
      // and in Latin or Cyrillic, phone in any format, each from its start.
      params.push(q.search.trim());
      where.push(`s.account_number IN (SELECT t.account_number FROM unnest(${value(`search_prefixes($${params.length})`, 'text[]')}) p
                    JOIN subscriber_search_term t ON t.term >= p AND t.term < p || chr(1114111))`);
    }
    const rows = await queryPrepared(
      this.db,
      `${VIEW_COLUMNS}, count(*) OVER () AS total ${viewFrom()}
        WHERE ${where.join(' AND ')}
        ORDER BY (d.status = 'postponed' AND d.assignee_id = $2 AND d.callback_at <= app_now()) DESC,
                 (d.status = 'in_progress' AND d.assignee_id = $2) DESC,
                 (d.status = 'new') DESC,
                 CASE WHEN d.status = 'resolved' THEN NULL ELSE d.created_at END ASC NULLS LAST,
                 d.resolved_at DESC NULLS LAST
        LIMIT ${value('$3', 'int')} OFFSET ${value('$4', 'int')}`,
      params,
    );
    return { items: rows.map((r: Record<string, unknown>) => this.view(r, actor)), total: rows.length ? Number(rows[0]['total']) : 0, limit, offset };
  }

  async get(id: string, actor: AuthenticatedUser): Promise<DisconnectRequestView> {
    // The request and its audit trail in one round trip.
    const [row] = await queryPrepared(
      this.db,
      `${VIEW_COLUMNS}, ${eventsOf()} ${viewFrom()} WHERE d.id = $1`,
      [id],
    );
    if (!row) throw notFound('Disconnect request', id);
    return this.viewWithEvents(row, actor);
  }

  private viewWithEvents(row: Record<string, unknown>, actor: AuthenticatedUser): DisconnectRequestView {
    const events: RequestEventView[] = (row['events'] as (RequestEventView & { at: string })[]).map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
    return { ...this.view(row, actor), events };
  }

  private view(r: Record<string, any>, actor: AuthenticatedUser): DisconnectRequestView {
    const waiting = Math.max(0, Math.floor(Number(r['waiting_minutes'])));
    const resolvedAt = r['resolved_at'] ? new Date(r['resolved_at']) : null;
    const isSaved = Boolean(r['outcome']) && isSave(r['outcome']);
    return {
      id: r['id'],
      status: r['status'],
      subscriberId: r['subscriber_id'],
      accountNumber: r['account_number'],
      subscriberName: r['subscriber_name'],
      regionCode: r['region_code'],
      services: r['services'],
      allServices: r['all_services'],
      channel: r['channel'],
      kind: r['kind'],
      statedReason: r['stated_reason'],
      assignee: r['assignee_username'] ?? null,
      assigneeName: r['assignee_name'] ?? null,
      claimedAt: r['claimed_at'] ? new Date(r['claimed_at']).toISOString() : null,
      callbackAt: r['callback_at'] ? new Date(r['callback_at']).toISOString() : null,
      outcome: r['outcome'],
      reasonCode: r['reason_code'],
      reasonVersion: r['reason_version'] ?? null,
      destination: r['destination'] ?? null,
      competitorId: r['competitor_id'],
      offerCode: r['offer_code'],
      offerCost: r['offer_cost'] === null ? null : Number(r['offer_cost']),
      keptServices: r['kept_services'],
      effectiveDate: r['effective_date'] ? toDate(r['effective_date']) : null,
      resolvedAt: resolvedAt?.toISOString() ?? null,
      mrrAtRisk: Number(r['mrr_at_risk']),
      mrrLost: r['mrr_lost'] === null ? null : Number(r['mrr_lost']),
      isNewSubscriber: r['is_new_subscriber'],
      saveState: isSaved && resolvedAt ? saveState(resolvedAt.toISOString().slice(0, 10), today(), r['subscriber_disconnected_on'] ?? null) : null,
      note: r['note'],
      createdAt: new Date(r['created_at']).toISOString(),
      waitingMinutes: waiting,
      slaBreached: r['status'] === 'new' && waiting > this.slaMinutes,
      callbackDue: r['status'] === 'postponed' && !!r['callback_at'] && new Date(r['callback_at']).getTime() <= appClock().nowMs(),
      actions: availableActions({ status: r['status'], assigneeId: r['assignee_id'], actorId: actor.id }),
    };
  }

  /**
   * Every state change goes through here: the row is locked, the domain's transition table
   * decides, the change and its audit record commit together. Concurrent claims serialise on
   * the row lock; all but the first see `in_progress` and get 409.
   */
  private async transition(
    id: string,
    action: RequestAction,
    actor: AuthenticatedUser,
    apply: (tx: EntityManager, row: RequestRow, to: RequestStatus) => Promise<Record<string, unknown>>,
  ): Promise<DisconnectRequestView> {
    await this.db.transaction(async (tx) => {
      const [row]: RequestRow[] = await tx.query(
        'SELECT id, status, assignee_id, subscriber_id, services, reason_version_id, kind FROM disconnect_request WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row) throw notFound('Disconnect request', id);
      let to: RequestStatus;
      try {
        to = nextStatus(action, { status: row.status, assigneeId: row.assignee_id, actorId: actor.id });
      } catch (e) {
        if (e instanceof IllegalTransitionError) throw new DomainException(409, 'illegal_transition', e.message);
        throw e;
      }
      // The step's own UPDATE sets the new status, so the row is never half-way between states.
      const data = await apply(tx, row, to);
      await this.audit(tx, id, actor.id, action, row.status, to, data);
    });
    return this.get(id, actor);
  }

  claim(id: string, actor: AuthenticatedUser): Promise<DisconnectRequestView> {
    return this.transition(id, 'claim', actor, async (tx, _row, to) => {
      await tx.query(
        `UPDATE disconnect_request SET status = $3, assignee_id = $2, claimed_at = app_now(), callback_at = NULL, updated_at = app_now() WHERE id = $1`,
        [id, actor.id, to],
      );
      return {};
    });
  }

  release(id: string, actor: AuthenticatedUser): Promise<DisconnectRequestView> {
    return this.transition(id, 'release', actor, async (tx, _row, to) => {
      await tx.query(`UPDATE disconnect_request SET status = $2, assignee_id = NULL, claimed_at = NULL, updated_at = app_now() WHERE id = $1`, [id, to]);
      return {};
    });
  }

  postpone(id: string, dto: PostponeDisconnectRequestDto, actor: AuthenticatedUser): Promise<DisconnectRequestView> {
    const at = parseInstant(dto.callbackAt);
    if (at.getTime() <= appClock().nowMs()) throw badRequest('callbackAt', 'must be in the future');
    return this.transition(id, 'postpone', actor, async (tx, _row, to) => {
      await tx.query(
        `UPDATE disconnect_request SET status = $4, callback_at = $2, note = CASE WHEN $3 = '' THEN note ELSE $3 END, updated_at = app_now()
          WHERE id = $1`,
        [id, at.toISOString(), dto.note ?? '', to],
      );
      return { callbackAt: at.toISOString(), note: dto.note ?? '' };
    });
  }

  async resolve(id: string, dto: ResolveDisconnectRequestDto, actor: AuthenticatedUser): Promise<DisconnectRequestView> {
    const reason = await this.classifier.definition(dto.reasonCode);
    const rejectIfInvalid = (requestServices?: string[]) => {
      const problems = resolutionProblems({
        outcome: dto.outcome,
        reasonCode: dto.reasonCode,
        reasonImpliesCompetitor: reason.impliesCompetitor,
        destination: dto.destination,
        competitorId: dto.competitorId,
        offerCode: dto.offerCode,
        effectiveDate: dto.effectiveDate,
        keptServices: dto.keptServices,
        requestServices,
        today: today(),
      });
      if (problems.length) {
        throw new DomainException(400, 'validation_failed', problems.map((p) => `${p.field}: ${p.problem}`).join('; '),
          problems.map((p) => ({ field: p.field, problems: [p.problem] })));
      }
    };
    // Everything the body alone decides is refused before any lock; the rest against the locked row.
    rejectIfInvalid();
    if (dto.competitorId) {
      const c = await this.db.query('SELECT 1 FROM competitor WHERE id = $1', [dto.competitorId]);
      if (!c.length) throw badRequest('competitorId', 'no such competitor');
    }

    return this.transition(id, 'resolve', actor, async (tx, row, to) => {
      let offerCost: number | null = null;
      if (dto.offerCode) {
        offerCost = await this.checkOffer(tx, row, dto.offerCode, dto.reasonCode, reason.offerCodes);
      }
      rejectIfInvalid(row.services);
      const kept = dto.keptServices ?? [];
      const leaving = churnedServices(dto.outcome, row.services, kept);
      const kind = churnKind(row.kind, reason.group);
      const mrrLost = leaving.length ? await this.endSubscriptions(tx, row, leaving, dto.effectiveDate ?? today(), kind) : 0;
      const stated = dto.statedReason?.trim();
      let statedChange: { from: string; to: string } | null = null;
      if (stated) {
        const [{ stated_reason: before }] = await tx.query(`SELECT stated_reason FROM disconnect_request WHERE id = $1`, [id]);
        if (before !== stated) {
          await tx.query(`UPDATE disconnect_request SET stated_reason = $2 WHERE id = $1`, [id, stated]);
          statedChange = { from: before, to: stated };
        }
      }
      const destination = resolvedDestination({ outcome: dto.outcome, reasonImpliesCompetitor: reason.impliesCompetitor, destination: dto.destination, competitorId: dto.competitorId });
      await tx.query(
        `UPDATE disconnect_request
            SET status = $13, updated_at = app_now(), outcome = $2, reason_version_id = $3, reason_code = $4, competitor_id = $5, offer_code = $6, offer_cost = $7,
                kept_services = $8, effective_date = $9, resolved_at = app_now(), resolved_by = $10, mrr_lost = $11,
                note = CASE WHEN $12 = '' THEN note ELSE $12 END, destination = $14
          WHERE id = $1`,
        [id, dto.outcome, reason.versionId, dto.reasonCode, dto.competitorId ?? null, dto.offerCode ?? null, offerCost,
          dto.outcome === 'partially_retained' ? kept : null, dto.effectiveDate ?? null, actor.id, mrrLost, dto.note ?? '', to, destination],
      );
      // The work is sent: nobody's unsent draft of it is worth restoring any more.
      await tx.query(`DELETE FROM request_draft WHERE request_id = $1`, [id]);
      // Who resolved the subscriber's latest request serves them from now on (their representative).
      await tx.query(`UPDATE subscriber SET representative_id = $2 WHERE id = $1`, [row.subscriber_id, actor.id]);
      const [{ account_number: accountNumber }] = await tx.query(`SELECT account_number FROM subscriber WHERE id = $1`, [row.subscriber_id]);
      const effectiveDate = leaving.length ? dto.effectiveDate ?? today() : null;
      await this.events.emit('request.resolved', {
        requestId: id, accountNumber, outcome: dto.outcome, kind, reasonCode: dto.reasonCode, disconnectedServices: leaving, keptServices: row.services.filter((s) => !leaving.includes(s)),
        effectiveDate, mrrLost, offerCode: dto.offerCode ?? null,
      }, tx);
      if (dto.offerCode) {
        await this.events.emit('offer.applied', { requestId: id, accountNumber, offerCode: dto.offerCode, offerCost, services: row.services.filter((s) => !leaving.includes(s)) }, tx);
      }
      return { outcome: dto.outcome, reasonCode: dto.reasonCode, reasonVersionId: reason.versionId, destination, competitorId: dto.competitorId ?? null,
        offerCode: dto.offerCode ?? null, offerCost, keptServices: kept, effectiveDate: dto.effectiveDate ?? null, mrrLost,
        ...(statedChange ? { statedReason: statedChange } : {}) };
    });
  }

  /** The offer must exist, fit the reason and subscriber, and carry a manager's approval when above the operator's limit. */
  private async checkOffer(tx: EntityManager, row: RequestRow, offerCode: string, reasonCode: string, chain: string[]): Promise<number> {
    const ranked = await this.rankFor(tx, row.subscriber_id, reasonCode, chain);
    const offer = ranked.find((o) => o.code === offerCode);
    if (!offer) throw badRequest('offerCode', `the offer ${offerCode} does not exist or does not fit the reason ${reasonCode}`);
    if (!offer.eligible) throw badRequest('offerCode', `the subscriber is not eligible for ${offerCode} (${offer.ineligibleBecause.join(', ')})`);
    if (offer.needsApproval) {
      await this.requireApproval(tx, { requestId: row.id }, offerCode);
    }
    return offer.cost;
  }

  /**
   * End the leaving services; all of them ends the subscriber. Both are recorded with the kind of
   * ending (voluntary or non-payment, kept apart: docs/methodology.md). Returns the monthly revenue lost.
   */
  private async endSubscriptions(tx: EntityManager, row: RequestRow, services: string[], on: string, kind: ChurnKind): Promise<number> {
    const ended: { fee: number }[] = await tx.query(
      `WITH ended AS (
         UPDATE subscription x SET ended_on = $3, end_reason = $4
           FROM service v
          WHERE v.id = x.service_id AND x.subscriber_id = $1 AND v.code = ANY($2)
            AND (x.ended_on IS NULL OR x.ended_on > $3::date)
         RETURNING x.monthly_fee::float8 AS fee)
       SELECT fee FROM ended`,
      [row.subscriber_id, services, on, subscriptionEndReason(kind)],
    );
    const [{ remaining }] = await tx.query(
      `SELECT count(*)::int AS remaining FROM subscription WHERE subscriber_id = $1 AND (ended_on IS NULL OR ended_on > $2::date)`,
      [row.subscriber_id, on],
    );
    if (remaining === 0) {
      await tx.query(
        `UPDATE subscriber SET disconnected_on = $2, disconnect_kind = $3,
                status = CASE WHEN $2::date <= app_today() THEN 'disconnected' ELSE status END
          WHERE id = $1`,
        [row.subscriber_id, on, kind],
      );
    }
    return Math.round(ended.reduce((s, e) => s + e.fee, 0) * 100) / 100;
  }

  private async rankFor(m: EntityManager | DataSource, subscriberId: string, reasonCode: string, chain: string[]) {
    const [s] = await m.query(
      `SELECT s.connected_on::text AS connected_on, COALESCE(sum(x.monthly_fee), 0)::float8 AS revenue
         FROM subscriber s LEFT JOIN subscription x ON x.subscriber_id = s.id AND x.started_on <= app_today()
              AND (x.ended_on IS NULL OR x.ended_on > app_today())
        WHERE s.id = $1 GROUP BY s.id`,
      [subscriberId],
    );
    const tenure = tenureMonths(s.connected_on, today());
    const ltv = lifetimeValue(s.revenue, await this.expectedLifetimeMonths());
    return rankOffers(await this.classifier.offers(), { reasonCode, reasonOfferCodes: chain, tenureMonths: tenure, monthlyRevenue: s.revenue, ltv });
  }

  private lifetimeCache: { at: number; months: number } | null = null;

  /**
   * The base's expected lifetime over the last twelve whole months, as the reports define it for LTV
   * (docs/methodology.md, "Lifetime"), cached for an hour.
   */
  private async expectedLifetimeMonths(): Promise<number> {
    if (this.lifetimeCache && Date.now() - this.lifetimeCache.at < 3_600_000) return this.lifetimeCache.months;
    const lastMonth = addMonths(monthKeyOf(today()), -1);
    const months = await this.baseFlows.expectedLifetime(addMonths(lastMonth, -11), lastMonth);
    this.lifetimeCache = { at: Date.now(), months };
    return months;
  }

  async offers(id: string, reasonCode: string, lang: 'en' | 'ru' | 'uk'): Promise<OfferProposal[]> {
    const [row] = await this.db.query('SELECT id, subscriber_id FROM disconnect_request WHERE id = $1', [id]);
    if (!row) throw notFound('Disconnect request', id);
    return this.offersForSubscriber(row.subscriber_id, reasonCode, lang, await this.offerApprovals({ requestId: id }));
  }

  /** Per offer, the approval that decides for a request or a case (a granted one), else the latest asked. */
  async offerApprovals(subject: ApprovalSubject, m: Pick<EntityManager, 'query'> = this.db): Promise<Map<string, OfferProposal['approval']>> {
    const [column, id] = subjectColumn(subject);
    return new Map(
      (await m.query(
        `SELECT DISTINCT ON (offer_code) offer_code, status FROM offer_approval WHERE ${column} = $1
          ORDER BY offer_code, status = 'approved' DESC, requested_at DESC, id DESC`,
        [id],
      )).map((a: { offer_code: string; status: OfferProposal['approval'] }) => [a.offer_code, a.status]),
    );
  }

  /**
   * The offers that fit a reason and a subscriber, best first, with the approvals already given or asked (none
   * outside a request): the one ranking for the desk's requests and for hidden-churn cases.
   */
  async offersForSubscriber(
    subscriberId: string,
    reasonCode: string,
    lang: 'en' | 'ru' | 'uk',
    approvals: ReadonlyMap<string, OfferProposal['approval']> = new Map(),
  ): Promise<OfferProposal[]> {
    const reason = await this.classifier.definition(reasonCode);
    const ranked = await this.rankFor(this.db, subscriberId, reasonCode, reason.offerCodes);
    const offers = new Map((await this.classifier.offers()).map((o) => [o.code, o]));
    return ranked.map((r) => ({
      code: r.code,
      title: offers.get(r.code)?.title[lang] ?? r.code,
      description: offers.get(r.code)?.description[lang] ?? '',
      cost: r.cost,
      eligible: r.eligible,
      ineligibleBecause: r.ineligibleBecause,
      needsApproval: r.needsApproval,
      approved: approvals.get(r.code) === 'approved',
      approval: approvals.get(r.code) ?? null,
      inReasonChain: r.chainRank !== null,
    }));
  }

  /** Our tariffs for the subscriber's services beside the competitor's in the subscriber's region. */
  async presentation(id: string, competitorId: string | undefined): Promise<PresentationView> {
    const [row] = await this.db.query('SELECT subscriber_id, services FROM disconnect_request WHERE id = $1', [id]);
    if (!row) throw notFound('Disconnect request', id);
    return this.presentationFor(row.subscriber_id, row.services, competitorId);
  }

  /** The presentation module for a subscriber's services (a request's, or a hidden-churn case's). */
  async presentationFor(subscriberId: string, services: string[], competitorId: string | undefined): Promise<PresentationView> {
    const [s] = await this.db.query(
      `SELECT s.region_id, r.code AS region_code FROM subscriber s JOIN region r ON r.id = s.region_id WHERE s.id = $1`,
      [subscriberId],
    );
    if (!s) throw notFound('Subscriber', subscriberId);
    const row = { ...s, services };
    let competitor: PresentationView['competitor'] = null;
    if (competitorId) {
      const [c] = await this.db.query('SELECT id, name, strengths, weaknesses FROM competitor WHERE id = $1', [competitorId]);
      if (!c) throw badRequest('competitorId', 'no such competitor');
      competitor = c;
    }
    const ours = await this.db.query(
      `SELECT v.code AS service, t.code AS tariff, t.name, t.monthly_price::float8 AS "monthlyPrice", t.speed_mbps AS "speedMbps", t.channels
         FROM tariff t JOIN service v ON v.id = t.service_id WHERE t.active AND v.code = ANY($1) ORDER BY t.monthly_price`,
      [row.services],
    );
    const theirs = competitorId
      ? await this.db.query(
          `SELECT v.code AS service, ct.name, ct.monthly_price::float8 AS "monthlyPrice", ct.speed_mbps AS "speedMbps", ct.channels
             FROM competitor_tariff ct JOIN service v ON v.id = ct.service_id
            WHERE ct.competitor_id = $1 AND ct.region_id = $2 AND v.code = ANY($3) ORDER BY ct.monthly_price`,
          [competitorId, row.region_id, row.services],
        )
      : [];
    return {
      competitor,
      regionCode: row.region_code,
      rows: (row.services as string[]).map((service) => {
        const o = ours.filter((t: { service: string }) => t.service === service).map(({ service: _s, ...t }: Record<string, unknown>) => t);
        const th = theirs.filter((t: { service: string }) => t.service === service).map(({ service: _s, ...t }: Record<string, unknown>) => t);
        return { service, ours: o, theirs: th, advantages: advantages(o, th) };
      }),
    };
  }

  /**
   * Ask a manager to approve an offer. One open (pending or approved) approval per request and
   * offer: the partial unique index decides, so concurrent asks create one approval, and every ask
   * gets that one back. The request row is share-locked so that it cannot be released or resolved
   * while the ask is written.
   */
  async requestApproval(id: string, offerCode: string, note: string | undefined, actor: AuthenticatedUser): Promise<ApprovalView> {
    const approvalId = await this.db.transaction(async (tx) => {
      const [row] = await tx.query('SELECT status, assignee_id FROM disconnect_request WHERE id = $1 FOR SHARE', [id]);
      if (!row) throw notFound('Disconnect request', id);
      if (row.status !== 'in_progress' || row.assignee_id !== actor.id) {
        throw new DomainException(409, 'illegal_transition', 'Only the operator handling the request may ask for an approval.');
      }
      const asked = await this.askApproval(tx, { requestId: id }, offerCode, note, actor.id);
      if (asked.inserted) await this.audit(tx, id, actor.id, 'approval_requested', 'in_progress', 'in_progress', { offerCode });
      return asked.id;
    });
    return (await this.approvals(undefined, approvalId))[0];
  }

  /**
   * The one way an approval is asked, for a request or a hidden-churn case (in the caller's transaction, which has
   * checked that the actor works that request or case): one open (pending or approved) approval per subject and
   * offer, decided by the partial unique indexes, so concurrent asks create one and every ask gets that one back.
   * `inserted` says whether this ask created it (and so is to be audited).
   */
  async askApproval(
    tx: Pick<EntityManager, 'query'>,
    subject: ApprovalSubject,
    offerCode: string,
    note: string | undefined,
    actorId: string,
  ): Promise<{ id: string; inserted: boolean }> {
    const [column, subjectId] = subjectColumn(subject);
    const [offer] = await tx.query('SELECT discount_percent FROM offer WHERE code = $1 AND active', [offerCode]);
    if (!offer) throw badRequest('offerCode', `no active offer ${offerCode}`);
    const [inserted] = await tx.query(
      `INSERT INTO offer_approval (${column}, offer_code, discount_percent, requested_by, note)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (${column}, offer_code) WHERE status IN ('pending', 'approved') DO NOTHING
       RETURNING id`,
      [subjectId, offerCode, offer.discount_percent ?? 0, actorId, note ?? ''],
    );
    if (inserted) return { id: inserted.id as string, inserted: true };
    // Another ask holds the open approval (ON CONFLICT waited for it to commit, so this statement sees it);
    // should a manager have decided it in between, that decision is the answer.
    const [open] = await tx.query(
      `SELECT id FROM offer_approval WHERE ${column} = $1 AND offer_code = $2
        ORDER BY status IN ('pending', 'approved') DESC, requested_at DESC, id DESC LIMIT 1`,
      [subjectId, offerCode],
    );
    return { id: open.id as string, inserted: false };
  }

  /** An offer above the operator's authority needs a granted approval for this request or case: else 409. */
  async requireApproval(m: Pick<EntityManager, 'query'>, subject: ApprovalSubject, offerCode: string): Promise<void> {
    const [column, subjectId] = subjectColumn(subject);
    const approved = await m.query(`SELECT 1 FROM offer_approval WHERE ${column} = $1 AND offer_code = $2 AND status = 'approved'`, [subjectId, offerCode]);
    if (!approved.length) {
      throw new DomainException(409, 'approval_required', `The offer ${offerCode} exceeds your discount limit for this subscriber: ask a manager to approve it.`);
    }
  }

  async approvals(status?: 'pending' | 'approved' | 'rejected', approvalId?: string): Promise<ApprovalView[]> {
    const rows = await this.db.query(
      `SELECT a.id, a.request_id AS "requestId", a.case_id AS "caseId", s.account_number AS "accountNumber", s.full_name AS "subscriberName",
              a.offer_code AS "offerCode", a.discount_percent AS "discountPercent", ru.display_name AS "requestedBy",
              a.requested_at AS "requestedAt", a.status, du.display_name AS "decidedBy", a.decided_at AS "decidedAt", a.note,
              coalesce(d.mrr_at_risk, c.revenue_at_stake)::float8 AS "monthlyRevenue"
         FROM offer_approval a
         LEFT JOIN disconnect_request d ON d.id = a.request_id
         LEFT JOIN hidden_churn_case c ON c.id = a.case_id
         JOIN subscriber s ON s.id = coalesce(d.subscriber_id, c.subscriber_id)
         JOIN app_user ru ON ru.id = a.requested_by
         LEFT JOIN app_user du ON du.id = a.decided_by
        WHERE ($1::text IS NULL OR a.status = $1) AND ($2::uuid IS NULL OR a.id = $2)
        ORDER BY a.requested_at DESC LIMIT 200`,
      [status ?? null, approvalId ?? null],
    );
    const lifetime = await this.expectedLifetimeMonths();
    return rows.map((r: ApprovalView & { requestedAt: Date; decidedAt: Date | null }) => ({
      ...r,
      requestedAt: new Date(r.requestedAt).toISOString(),
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
      ltv: Math.round(lifetimeValue(r.monthlyRevenue, lifetime)),
    }));
  }

  /** A manager's decision on a pending approval, written together with its audit record. */
  async decide(approvalId: string, decision: 'approved' | 'rejected', note: string | undefined, actor: AuthenticatedUser): Promise<ApprovalView> {
    await this.db.transaction(async (tx) => {
      // (A CTE, so that TypeORM returns the rows of the UPDATE as for a SELECT.)
      const [changed] = await tx.query(
        `WITH changed AS (
           UPDATE offer_approval SET status = $2, decided_by = $3, decided_at = app_now(),
                  note = CASE WHEN $4 = '' THEN note ELSE $4 END
            WHERE id = $1 AND status = 'pending' RETURNING request_id, case_id, offer_code)
         SELECT * FROM changed`,
        [approvalId, decision, actor.id, note ?? ''],
      );
      if (!changed) {
        const [exists] = await tx.query('SELECT status FROM offer_approval WHERE id = $1', [approvalId]);
        if (!exists) throw notFound('Approval', approvalId);
        throw conflict(`The approval was already ${exists.status}.`);
      }
      if (changed.request_id) {
        const [{ status }] = await tx.query('SELECT status FROM disconnect_request WHERE id = $1', [changed.request_id]);
        await this.audit(tx, changed.request_id, actor.id, `approval_${decision}`, status, status, { offerCode: changed.offer_code });
      } else {
        await auditCaseApproval(tx, this.bus, changed.case_id, actor.id, `approval_${decision}`, changed.offer_code);
      }
    });
    return (await this.approvals(undefined, approvalId))[0];
  }

  private async audit(m: EntityManager, requestId: string, actorId: string | null, action: string, from: string | null, to: string, data: Record<string, unknown>) {
    // Every change of a request is audited here (its creation in insertRequest's one statement), and announced
    // to the open consoles (announce, delivered when the transaction commits). One round trip: the record, and
    // who the event names.
    const [who] = await m.query(
      `WITH e AS (INSERT INTO request_event (request_id, actor_id, action, from_status, to_status, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING request_id)
       SELECT a.username AS assignee, (SELECT username FROM app_user WHERE id = $2) AS actor
         FROM e JOIN disconnect_request d ON d.id = e.request_id LEFT JOIN app_user a ON a.id = d.assignee_id`,
      [requestId, actorId, action, from, to, JSON.stringify(data)],
    );
    await this.announce(m, {
      type: 'request', requestId, action, from, to, actor: who?.actor ?? null, assignee: who?.assignee ?? null,
      offerCode: typeof data['offerCode'] === 'string' ? data['offerCode'] : null,
    });
  }

  /** The open consoles hear of an audited change of a request once its transaction commits. */
  private async announce(m: EntityManager, event: RequestChangedEvent): Promise<void> {
    await this.bus.publish(m, { ...event });
  }
}

function toDate(v: Date | string): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

type Tariffish = { monthlyPrice: number; speedMbps: number | null; channels: number | null };

/** What our closest offer has over theirs: price, speed, channels. */
function advantages(ours: Tariffish[], theirs: Tariffish[]): { key: string; value: number | string }[] {
  if (!ours.length || !theirs.length) return [];
  const out: { key: string; value: number | string }[] = [];
  const cheapestOurs = Math.min(...ours.map((t) => t.monthlyPrice));
  const cheapestTheirs = Math.min(...theirs.map((t) => t.monthlyPrice));
  if (cheapestOurs < cheapestTheirs) out.push({ key: 'cheaper_entry', value: round2(cheapestTheirs - cheapestOurs) });
  const fastestOurs = Math.max(...ours.map((t) => t.speedMbps ?? 0));
  const fastestTheirs = Math.max(...theirs.map((t) => t.speedMbps ?? 0));
  if (fastestOurs > fastestTheirs && fastestTheirs > 0) out.push({ key: 'faster_top', value: fastestOurs - fastestTheirs });
  const perMbps = (ts: Tariffish[]) => Math.min(...ts.filter((t) => t.speedMbps).map((t) => t.monthlyPrice / (t.speedMbps as number)));
  if (fastestOurs > 0 && fastestTheirs > 0 && perMbps(ours) < perMbps(theirs)) out.push({ key: 'cheaper_per_mbps', value: round2(perMbps(theirs) - perMbps(ours)) });
  const channelsOurs = Math.max(...ours.map((t) => t.channels ?? 0));
  const channelsTheirs = Math.max(...theirs.map((t) => t.channels ?? 0));
  if (channelsOurs > channelsTheirs && channelsTheirs > 0) out.push({ key: 'more_channels', value: channelsOurs - channelsTheirs });
  return out;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** What an approval is asked for: a disconnect request or a hidden-churn case. */
export type ApprovalSubject = { requestId: string } | { caseId: string };

function subjectColumn(subject: ApprovalSubject): ['request_id' | 'case_id', string] {
  return 'requestId' in subject ? ['request_id', subject.requestId] : ['case_id', subject.caseId];
}

/**
 * A hidden-churn case's approval asked or decided: into the case's audit trail (status unchanged: the case waits for
 * the decision as it is), and to the open consoles, so that the operator working the case hears the decision.
 */
export async function auditCaseApproval(
  m: Pick<EntityManager, 'query'>,
  bus: EventBus,
  caseId: string,
  actorId: string,
  action: 'approval_requested' | 'approval_approved' | 'approval_rejected',
  offerCode: string,
): Promise<void> {
  const [c]: { status: string; assignee: string | null; actor: string | null }[] = await m.query(
    `INSERT INTO hidden_churn_case_event (case_id, actor_id, action, from_status, to_status, detail)
     SELECT c.id, $2, $3, c.status, c.status, jsonb_build_object('offerCode', $4::text) FROM hidden_churn_case c WHERE c.id = $1
     RETURNING to_status AS status,
               (SELECT a.username FROM hidden_churn_case c JOIN app_user a ON a.id = c.assignee_id WHERE c.id = $1) AS assignee,
               (SELECT username FROM app_user WHERE id = $2) AS actor`,
    [caseId, actorId, action, offerCode],
  );
  const event: CaseChangedEvent = { type: 'case', caseId, action, actor: c?.actor ?? null, assignee: c?.assignee ?? null, offerCode };
  await bus.publish(m, { ...event });
}
