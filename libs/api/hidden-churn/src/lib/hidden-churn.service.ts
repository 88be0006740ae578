import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuthenticatedUser, badRequest, conflict, DomainException, EventBus, JobQueue, notFound } from '@retention/api-core';
import {
  ApprovalView,
  CallListView,
  HiddenChurnCaseDetail,
  HiddenChurnCaseItem,
  HiddenChurnRulesView,
  HiddenChurnScanView,
  OfferProposal,
  Page,
  PresentationView,
  Role,
} from '@retention/contracts';
import {
  caseActionAllowed,
  HiddenChurnCaseStatus,
  HiddenChurnRules,
  OPEN_CASE_STATUSES,
} from '@retention/domain';
import { auditCaseApproval, RequestApprovalDto, RequestsService } from '@retention/api-requests';
import { DataSource } from 'typeorm';
import { ContactCaseDto, CreateCallListDto, ListCasesQueryDto, ResolveCaseDto, UpdateHiddenChurnRulesDto } from './hidden-churn.dto';
import { buildCallList, caseFilterSql } from './call-list.sql';
import { activeHiddenChurnRules } from './rules';
import { HIDDEN_CHURN_SCAN_LOCK, runHiddenChurnScan } from './scan.sql';

export const SCAN_JOB = 'hidden-churn.scan';
export const NIGHTLY_JOB = 'hidden-churn.nightly';
export const RECOVER_JOB = 'hidden-churn.recover';
const SCAN_RETRIES = 2;

interface ScanRow {
  id: string;
  status: HiddenChurnScanView['status'];
  progress: number;
  stage: string;
  rules_version: number | null;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  counts: HiddenChurnScanView['counts'];
  error: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

@Injectable()
export class HiddenChurnService implements OnModuleInit, OnApplicationBootstrap {
  private readonly log = new Logger('HiddenChurn');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly requests: RequestsService,
    private readonly bus: EventBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ scanId: string }>({
      name: SCAN_JOB,
      retryLimit: SCAN_RETRIES,
      retryDelaySeconds: 5,
      expireInSeconds: 30 * 60,
      handle: (data, job) => this.runScan(data.scanId, job.retryCount),
    });
    await this.jobs.define<object>({ name: RECOVER_JOB, cron: '*/5 * * * *', retryLimit: 0, handle: async () => void (await this.recoverOrphanedScans()) });
    const cron = this.config.get('HIDDEN_CHURN_SCAN_CRON', { infer: true }) as string;
    if (cron !== 'off') {
      await this.jobs.define<object>({ name: NIGHTLY_JOB, cron, retryLimit: 0, handle: async () => void (await this.startScan(null, 'schedule')) });
    }
  }

  /** A worker process that starts picks up the scans a stopped process left running. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('JOB_WORKERS', { infer: true })) await this.recoverOrphanedScans();
  }

  // ---- rules ----

  async rules(): Promise<HiddenChurnRulesView> {
    await activeHiddenChurnRules(this.db);
    const [row] = await this.db.query(
      `SELECT v.id, v.rules, v.note, v.created_at, u.display_name FROM hidden_churn_rules_version v
         LEFT JOIN app_user u ON u.id = v.created_by ORDER BY v.id DESC LIMIT 1`,
    );
    return { version: row.id, rules: row.rules, note: row.note, createdAt: row.created_at.toISOString(), createdBy: row.display_name ?? null };
  }

  /** A change is a new version; a body equal to the rules in force creates none (a retried PUT is safe). */
  async updateRules(dto: UpdateHiddenChurnRulesDto, user: AuthenticatedUser): Promise<HiddenChurnRulesView> {
    const current = await activeHiddenChurnRules(this.db);
    const next = JSON.parse(JSON.stringify(dto.rules)) as HiddenChurnRules;
    const [{ same }] = await this.db.query('SELECT $1::jsonb = $2::jsonb AS same', [JSON.stringify(current.rules), JSON.stringify(next)]);
    if (!same) {
      await this.db.query(`INSERT INTO hidden_churn_rules_version (rules, note, created_by) VALUES ($1::jsonb, $2, $3)`, [
        JSON.stringify(next),
        dto.note ?? '',
        user.id,
      ]);
    }
    return this.rules();
  }

  // ---- scans ----

  /**
   * Queues a scan, or answers the one already queued or running: a partial unique index allows one such scan, so
   * concurrent or retried calls, from any process, share it.
   */
  async startScan(userId: string | null, trigger: 'manual' | 'schedule'): Promise<{ id: string; started: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const inserted: { id: string }[] = await this.db.query(
        `INSERT INTO hidden_churn_scan (status, trigger, requested_by) VALUES ('queued', $1, $2)
         ON CONFLICT ((true)) WHERE status IN ('queued','running') DO NOTHING RETURNING id`,
        [trigger, userId],
      );
      if (inserted.length) {
        const id = inserted[0].id;
        try {
          await this.jobs.send(SCAN_JOB, { scanId: id }, { singletonKey: id });
        } catch (e) {
          await this.db.query(`UPDATE hidden_churn_scan SET status = 'failed', error = $2, finished_at = app_now() WHERE id = $1`, [id, 'The job queue refused the scan.']);
          throw e;
        }
        return { id, started: true };
      }
      const active: { id: string }[] = await this.db.query(`SELECT id FROM hidden_churn_scan WHERE status IN ('queued','running')`);
      if (active.length) return { id: active[0].id, started: false };
    }
    throw conflict('Another scan was just started and finished; try again.');
  }

  /** The job: claims the scan, runs it in one transaction, records the counts. A retried attempt runs it again. */
  async runScan(scanId: string, retryCount: number): Promise<void> {
    const claimed: unknown[] = await this.db.query(
      `WITH u AS (UPDATE hidden_churn_scan SET status = 'running', started_at = coalesce(started_at, app_now()), stage = 'starting', progress = 1, error = NULL
                   WHERE id = $1 AND status IN ('queued','running') RETURNING id)
       SELECT id FROM u`,
      [scanId],
    );
    if (!claimed.length) return;
    const progress = async (stage: string, percent: number) => {
      await this.db.query('UPDATE hidden_churn_scan SET stage = $2, progress = $3 WHERE id = $1', [scanId, stage, percent]);
    };
    try {
      const { version, rules } = await activeHiddenChurnRules(this.db);
      await this.db.query('UPDATE hidden_churn_scan SET rules_version = $2 WHERE id = $1', [scanId, version]);
      // Under the scan lock, and completed in the same transaction. One scan is queued or running at a time, so a
      // lock held by someone else is another attempt of this very scan (one recovered while the first was alive):
      // this attempt leaves it to that one instead of waiting with a connection held.
      const counts = await this.db.transaction(async (tx) => {
        const [{ got }]: { got: boolean }[] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS got', [HIDDEN_CHURN_SCAN_LOCK]);
        if (!got) return null;
        const [row]: { status: string }[] = await tx.query('SELECT status FROM hidden_churn_scan WHERE id = $1', [scanId]);
        if (row?.status !== 'running') return null;
        const c = await runHiddenChurnScan(tx, scanId, version, rules, progress);
        // The clock's instant now, not app_now() (the start of this transaction, which is the whole scan).
        await tx.query(
          `UPDATE hidden_churn_scan SET status = 'completed', stage = 'done', progress = 100, counts = $2::jsonb, finished_at = app_clock_timestamp() WHERE id = $1`,
          [scanId, JSON.stringify(c)],
        );
        return c;
      });
      if (counts) this.log.log(`scan ${scanId}: ${JSON.stringify(counts)}`);
    } catch (e) {
      const last = retryCount >= SCAN_RETRIES;
      await this.db.query(
        `UPDATE hidden_churn_scan SET status = $2, stage = $3, error = $4, finished_at = CASE WHEN $2 = 'failed' THEN app_now() END WHERE id = $1`,
        [scanId, last ? 'failed' : 'running', last ? 'failed' : 'retrying', (e as Error).message.slice(0, 500)],
      );
      throw e;
    }
  }

  /**
   * Scans left `running` by a process that stopped: its transaction rolled back and released the scan lock, but the
   * row still says running and its job stays active in the queue until it expires. When nobody holds the scan lock,
   * no scan is running anywhere, so each such scan is sent to the queue again, once (stage `recovering` until an
   * attempt claims it; the attempt reruns it whole, in one transaction, and the partial unique index on open cases
   * keeps one set of cases). Run at every start of a worker process and every five minutes.
   */
  async recoverOrphanedScans(): Promise<string[]> {
    const ids = await this.db.transaction(async (tx) => {
      const [{ free }]: { free: boolean }[] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS free', [HIDDEN_CHURN_SCAN_LOCK]);
      if (!free) return [];
      // (A CTE, so that the rows come back as rows: TypeORM answers a bare UPDATE with [rows, count].)
      const rows: { id: string }[] = await tx.query(
        `WITH u AS (UPDATE hidden_churn_scan SET stage = 'recovering', error = NULL WHERE status = 'running' AND stage <> 'recovering' RETURNING id)
         SELECT id FROM u`,
      );
      return rows.map((r) => r.id);
    });
    for (const id of ids) {
      this.log.warn(`scan ${id} was left running by a stopped process: sent again`);
      await this.jobs.send(SCAN_JOB, { scanId: id }, { singletonKey: `${id}:recovered:${randomUUID()}` });
    }
    return ids;
  }

  async scan(id: string): Promise<HiddenChurnScanView> {
    const rows: (ScanRow & { display_name: string | null })[] = await this.db.query(
      `SELECT s.*, u.display_name FROM hidden_churn_scan s LEFT JOIN app_user u ON u.id = s.requested_by WHERE s.id = $1`,
      [id],
    );
    if (!rows.length) throw notFound('Scan', id);
    return this.scanView(rows[0]);
  }

  async scans(limit = 20): Promise<HiddenChurnScanView[]> {
    const rows: (ScanRow & { display_name: string | null })[] = await this.db.query(
      `SELECT s.*, u.display_name FROM hidden_churn_scan s LEFT JOIN app_user u ON u.id = s.requested_by ORDER BY s.created_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => this.scanView(r));
  }

  private scanView(r: ScanRow & { display_name: string | null }): HiddenChurnScanView {
    return {
      id: r.id,
      status: r.status,
      progress: r.progress,
      stage: r.stage,
      rulesVersion: r.rules_version ?? 0,
      requestedBy: r.display_name,
      createdAt: r.created_at.toISOString(),
      startedAt: iso(r.started_at),
      finishedAt: iso(r.finished_at),
      counts: r.counts,
      error: r.error,
    };
  }

  // ---- cases ----

  private static readonly CASE_COLUMNS = `
    c.id, c.subscriber_id, s.account_number, s.full_name, g.code AS region, c.services, c.status, c.signals, c.risk_score,
    c.revenue_at_stake, c.opened_at, c.updated_at, c.closed_at, c.assignee_id, u.display_name AS assignee_name, c.call_list_id, c.reason_code`;
  private static readonly CASE_FROM = `
    hidden_churn_case c JOIN subscriber s ON s.id = c.subscriber_id JOIN region g ON g.id = c.region_id
    LEFT JOIN app_user u ON u.id = c.assignee_id`;

  /** Cases by filter; an operator sees only the cases assigned to them. */
  async cases(q: ListCasesQueryDto, user: AuthenticatedUser): Promise<Page<HiddenChurnCaseItem>> {
    const params: unknown[] = [];
    const where = caseFilterSql(q, params);
    const statuses = q.status ? q.status.split(',') : OPEN_CASE_STATUSES;
    where.push(`c.status = ANY ($${params.push(statuses)})`);
    if (user.role === Role.Operator) where.push(`c.assignee_id = $${params.push(user.id)}`);
    const order = q.sort === 'revenue' ? 'c.revenue_at_stake DESC, c.risk_score DESC' : 'c.risk_score DESC, c.revenue_at_stake DESC';
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ${HiddenChurnService.CASE_FROM} WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await this.db.query(
      `SELECT ${HiddenChurnService.CASE_COLUMNS} FROM ${HiddenChurnService.CASE_FROM}
        WHERE ${where.join(' AND ')} ORDER BY ${order}, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { items: rows.map(caseItem), total, limit, offset };
  }

  async caseDetail(id: string, user: AuthenticatedUser): Promise<HiddenChurnCaseDetail> {
    const rows = await this.db.query(
      `SELECT ${HiddenChurnService.CASE_COLUMNS}, c.offer_code, c.note, c.close_cause FROM ${HiddenChurnService.CASE_FROM} WHERE c.id = $1`,
      [id],
    );
    if (!rows.length || (user.role === Role.Operator && rows[0].assignee_id !== user.id)) throw notFound('Case', id);
    const events = await this.db.query(
      `SELECT e.at, u.display_name, e.action, e.from_status, e.to_status, e.detail FROM hidden_churn_case_event e
         LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.case_id = $1 ORDER BY e.at, e.id`,
      [id],
    );
    return {
      ...caseItem(rows[0]),
      offerCode: rows[0].offer_code,
      note: rows[0].note,
      closeCause: rows[0].close_cause,
      events: events.map((e: { at: Date; display_name: string | null; action: string; from_status: string | null; to_status: string; detail: Record<string, unknown> }) => ({
        at: e.at.toISOString(),
        actor: e.display_name,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        detail: e.detail,
      })),
    };
  }

  /** The operator it is assigned to records a call: assigned -> contacted (audited). */
  async contact(id: string, dto: ContactCaseDto, user: AuthenticatedUser): Promise<HiddenChurnCaseDetail> {
    await this.db.transaction(async (tx) => {
      const c = await this.lockOwnCase(tx, id, user);
      if (!caseActionAllowed('contact', c.status)) throw conflict(`The case is ${c.status}; only an assigned case can be contacted.`, 'illegal_transition');
      await tx.query(`UPDATE hidden_churn_case SET status = 'contacted', contacted_at = app_now(), updated_at = app_now(),
                        note = CASE WHEN $2 = '' THEN note ELSE $2 END WHERE id = $1`, [id, dto.note ?? '']);
      await tx.query(
        `INSERT INTO hidden_churn_case_event (case_id, actor_id, action, from_status, to_status, detail) VALUES ($1, $2, 'contact', $3, 'contacted', $4::jsonb)`,
        [id, user.id, c.status, JSON.stringify({ note: dto.note ?? '' })],
      );
    });
    return this.caseDetail(id, user);
  }

  /** The operator closes the case with its outcome and the true reason (classifier version in force), audited. */
  async resolve(id: string, dto: ResolveCaseDto, user: AuthenticatedUser): Promise<HiddenChurnCaseDetail> {
    if (dto.outcome !== 'false_alarm' && !dto.reasonCode) throw badRequest('reasonCode', `reasonCode is required when the outcome is ${dto.outcome}`);
    if (dto.offerCode && dto.outcome !== 'returned') throw badRequest('offerCode', 'an offer is recorded only when the subscriber returned');
    await this.db.transaction(async (tx) => {
      const c = await this.lockOwnCase(tx, id, user);
      if (dto.offerCode && dto.reasonCode) await this.checkOffer(tx, id, c.subscriber_id, dto.reasonCode, dto.offerCode);
      if (!caseActionAllowed('close', c.status)) throw conflict(`The case is already ${c.status}.`, 'illegal_transition');
      let versionId: number | null = null;
      if (dto.reasonCode) {
        const found: { version_id: number }[] = await tx.query(
          `SELECT version_id FROM churn_reason WHERE code = $1 AND version_id = (SELECT max(id) FROM classifier_version)`,
          [dto.reasonCode],
        );
        if (!found.length) throw new DomainException(422, 'unknown_reason', `reasonCode: ${dto.reasonCode} is not in the classifier in force`, [
          { field: 'reasonCode', problems: ['not in the classifier in force'] },
        ]);
        versionId = found[0].version_id;
      }
      await tx.query(
        `UPDATE hidden_churn_case SET status = $2, closed_at = app_now(), closed_on = app_today(), close_cause = 'operator',
                reason_version_id = $3, reason_code = $4, note = CASE WHEN $5 = '' THEN note ELSE $5 END, offer_code = $6, updated_at = app_now()
          WHERE id = $1`,
        [id, dto.outcome, versionId, dto.reasonCode ?? null, dto.note ?? '', dto.offerCode ?? null],
      );
      await tx.query(
        `INSERT INTO hidden_churn_case_event (case_id, actor_id, action, from_status, to_status, detail) VALUES ($1, $2, 'resolve', $3, $4, $5::jsonb)`,
        [id, user.id, c.status, dto.outcome, JSON.stringify({ reasonCode: dto.reasonCode ?? null, offerCode: dto.offerCode ?? null, note: dto.note ?? '' })],
      );
    });
    return this.caseDetail(id, user);
  }

  /**
   * The offers for the case's subscriber and a reason, ranked as the desk ranks them for a disconnect request (one
   * ranking: RequestsService.offersForSubscriber). Only the operator it is assigned to (or a reader) sees them.
   */
  async caseOffers(id: string, reasonCode: string, lang: 'en' | 'ru' | 'uk', user: AuthenticatedUser): Promise<OfferProposal[]> {
    const c = await this.caseDetail(id, user);
    return this.requests.offersForSubscriber(c.subscriberId, reasonCode, lang, await this.requests.offerApprovals({ caseId: id }));
  }

  /**
   * The operator working an open case asks a manager to approve an offer above their authority: the same approvals
   * (table, list, decision) as for a disconnect request. The case keeps its status and waits for the decision; asking
   * again, or at once, answers the one open approval.
   */
  async askApproval(id: string, dto: RequestApprovalDto, user: AuthenticatedUser): Promise<ApprovalView> {
    const approvalId = await this.db.transaction(async (tx) => {
      const c = await this.lockOwnCase(tx, id, user);
      if (!caseActionAllowed('close', c.status)) throw conflict(`The case is already ${c.status}.`, 'illegal_transition');
      const asked = await this.requests.askApproval(tx, { caseId: id }, dto.offerCode, dto.note, user.id);
      if (asked.inserted) await auditCaseApproval(tx, this.bus, id, user.id, 'approval_requested', dto.offerCode);
      return asked.id;
    });
    return (await this.requests.approvals(undefined, approvalId))[0];
  }

  /** The presentation module (our tariffs beside the competitor's) for the case's subscriber and services. */
  async casePresentation(id: string, competitorId: string | undefined, user: AuthenticatedUser): Promise<PresentationView> {
    const c = await this.caseDetail(id, user);
    return this.requests.presentationFor(c.subscriberId, c.services, competitorId);
  }

  /**
   * An offer given on a case is one the desk would propose for the reason and the subscriber; one above the
   * operator's own authority needs a manager's approval granted for this case, as on a disconnect request.
   */
  private async checkOffer(tx: { query: DataSource['query'] }, caseId: string, subscriberId: string, reasonCode: string, offerCode: string): Promise<void> {
    const offer = (await this.requests.offersForSubscriber(subscriberId, reasonCode, 'en')).find((o) => o.code === offerCode);
    if (!offer) throw badRequest('offerCode', `the offer ${offerCode} does not exist or does not fit the reason ${reasonCode}`);
    if (!offer.eligible) throw badRequest('offerCode', `the subscriber is not eligible for ${offerCode} (${offer.ineligibleBecause.join(', ')})`);
    if (offer.needsApproval) await this.requests.requireApproval(tx, { caseId }, offerCode);
  }

  private async lockOwnCase(
    tx: { query: DataSource['query'] },
    id: string,
    user: AuthenticatedUser,
  ): Promise<{ status: HiddenChurnCaseStatus; subscriber_id: string }> {
    const rows: { status: HiddenChurnCaseStatus; assignee_id: string | null; subscriber_id: string }[] = await tx.query(
      'SELECT status, assignee_id, subscriber_id FROM hidden_churn_case WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!rows.length) throw notFound('Case', id);
    if (rows[0].assignee_id !== user.id) throw new DomainException(403, 'forbidden', 'The case is assigned to another operator.');
    return rows[0];
  }

  // ---- call lists ----

  /** Builds a call list (`buildCallList`) for active operators only. */
  async createCallList(dto: CreateCallListDto, user: AuthenticatedUser): Promise<CallListView> {
    const operatorIds = [...new Set(dto.operatorIds)];
    const id = await this.db.transaction(async (tx) => {
      const ops: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE id = ANY ($1) AND role = 'operator' AND active`, [operatorIds]);
      if (ops.length !== operatorIds.length) throw badRequest('operatorIds', 'every id must be an active operator');
      return buildCallList(tx, { name: dto.name, filter: dto.filter ?? {}, size: dto.size, operatorIds, createdBy: user.id });
    });
    return this.callList(id);
  }

  async operators(): Promise<{ id: string; displayName: string; openCases: number }[]> {
    const rows: { id: string; display_name: string; open: number }[] = await this.db.query(
      `SELECT u.id, u.display_name,
              (SELECT count(*)::int FROM hidden_churn_case c WHERE c.assignee_id = u.id AND c.status IN ('assigned','contacted')) AS open
         FROM app_user u WHERE u.role = 'operator' AND u.active ORDER BY u.display_name`,
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, openCases: r.open }));
  }

  async callLists(): Promise<CallListView[]> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM hidden_churn_call_list ORDER BY created_at DESC LIMIT 50');
    return Promise.all(rows.map((r) => this.callList(r.id)));
  }

  async callList(id: string): Promise<CallListView> {
    const rows = await this.db.query(
      `SELECT l.*, u.display_name FROM hidden_churn_call_list l LEFT JOIN app_user u ON u.id = l.created_by WHERE l.id = $1`,
      [id],
    );
    if (!rows.length) throw notFound('Call list', id);
    const ops: { id: string; display_name: string; cases: number; open: number }[] = await this.db.query(
      `SELECT o.operator_id AS id, u.display_name,
              count(c.id)::int AS cases, count(c.id) FILTER (WHERE c.status IN ('assigned','contacted'))::int AS open
         FROM hidden_churn_call_list_operator o JOIN app_user u ON u.id = o.operator_id
         LEFT JOIN hidden_churn_case c ON c.call_list_id = o.call_list_id AND c.assignee_id = o.operator_id
        WHERE o.call_list_id = $1 GROUP BY o.operator_id, u.display_name ORDER BY u.display_name`,
      [id],
    );
    const [pr] = await this.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status IN ('new','assigned'))::int AS open,
              count(*) FILTER (WHERE status = 'contacted')::int AS contacted,
              count(*) FILTER (WHERE status = 'returned')::int AS returned,
              count(*) FILTER (WHERE status = 'lost')::int AS lost,
              count(*) FILTER (WHERE status = 'false_alarm')::int AS false_alarm
         FROM hidden_churn_case WHERE call_list_id = $1`,
      [id],
    );
    const l = rows[0];
    return {
      id: l.id,
      name: l.name,
      createdAt: l.created_at.toISOString(),
      createdBy: l.display_name ?? null,
      filter: l.filter,
      size: l.size,
      operators: ops.map((o) => ({ id: o.id, displayName: o.display_name, cases: o.cases, open: o.open })),
      progress: { total: pr.total, open: pr.open, contacted: pr.contacted, returned: pr.returned, lost: pr.lost, falseAlarm: pr.false_alarm },
    };
  }
}

function caseItem(r: {
  id: string; subscriber_id: string; account_number: string; full_name: string; region: string; services: string[]; status: HiddenChurnCaseStatus;
  signals: HiddenChurnCaseItem['signals']; risk_score: number; revenue_at_stake: string; opened_at: Date; updated_at: Date; closed_at: Date | null;
  assignee_id: string | null; assignee_name: string | null; call_list_id: string | null; reason_code: string | null;
}): HiddenChurnCaseItem {
  return {
    id: r.id,
    subscriberId: r.subscriber_id,
    accountNumber: r.account_number,
    fullName: r.full_name,
    region: r.region,
    services: r.services,
    status: r.status,
    signals: r.signals.map((s) => ({ ...s, value: Number(s.value) })),
    riskScore: r.risk_score,
    revenueAtStake: Number(r.revenue_at_stake),
    openedAt: r.opened_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    closedAt: iso(r.closed_at),
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    callListId: r.call_list_id,
    reasonCode: r.reason_code,
  };
}
