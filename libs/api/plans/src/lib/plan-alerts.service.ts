import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, appClock, DomainException, EventBus, JobQueue } from '@retention/api-core';
import { Permission, type PlanAlertEvent, type PlanAlertView, type RequestChangedEvent } from '@retention/contracts';
import { monthKeyOf, monthStart, type PendingApproval, planAlerts, type PlanAlertLine } from '@retention/domain';
import { DataSource } from 'typeorm';
import { PlansService } from './plans.service';

export const PLAN_ALERTS_JOB = 'plans.alerts';
const ALERTS_LOCK = 7_301_003;
/** Request changes that move a plan's figures or the approval queue. */
const MOVES_ALERTS = new Set(['resolve', 'approval_requested', 'approval_approved', 'approval_rejected']);

const ALERT_COLUMNS = `a.id, a.kind, to_char(a.month, 'YYYY-MM') AS month, a.service, a.region, a.managed, a.actual::float8 AS actual,
  a.forecast::float8 AS forecast, a.planned::float8 AS planned, a.resolved_requests AS "resolvedRequests", a.approval_id AS "approvalId",
  a.request_id AS "requestId", a.offer_code AS "offerCode", a.waiting_minutes AS "waitingMinutes", a.raised_at AS "raisedAt", a.cleared_at AS "clearedAt"`;

/**
 * Plan alerts for managers. An evaluation computes this moment's alerts (the domain's `planAlerts` over the
 * month's plan figures and the pending approvals) and reconciles them with the open ones in one statement:
 * new keys are raised, keys that no longer hold are cleared, the rest get their figures refreshed. Each
 * raise and clear is published on the event bus to the managers' consoles, when the transaction commits.
 *
 * It runs as a job: every minute (approvals start waiting too long without anything happening) and soon
 * after a request is resolved or an approval asked or decided (heard on the event bus). It evaluates the moment
 * it runs: a burst of events coalesced into one queued job is evaluated after the last of them, not at the first.
 */
@Injectable()
export class PlanAlertsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly log = new Logger('PlanAlerts');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly plans: PlansService,
    private readonly jobs: JobQueue,
    private readonly bus: EventBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: PLAN_ALERTS_JOB,
      cron: '* * * * *',
      retryLimit: 1,
      handle: async () => {
        await this.evaluate(new Date(appClock().nowMs()));
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('JOB_WORKERS', { infer: true })) return;
    (await this.bus.stream()).subscribe((e) => {
      if (e.type !== 'request' || !MOVES_ALERTS.has((e as unknown as RequestChangedEvent).action)) return;
      // One queued evaluation per month: a burst of resolutions is evaluated once.
      this.jobs.send(PLAN_ALERTS_JOB, {}, { singletonKey: `plan-alerts:${monthKeyOf(new Date(appClock().nowMs()))}` })
        .catch((err: Error) => this.log.warn(`plan alerts not queued: ${err.message}`));
    });
  }

  /** Evaluates the alerts at `at` (the month it falls in, and approvals waiting by then); returns what changed. */
  async evaluate(at: Date): Promise<PlanAlertEvent[]> {
    const month = monthKeyOf(at);
    const asOf = at.toISOString().slice(0, 10);
    const plan = await this.plans.get(month, asOf).catch((e: unknown) => {
      if (e instanceof DomainException && e.status === 404) return null; // no plan for the month
      throw e;
    });
    const lines: PlanAlertLine[] = plan?.lines ?? [];
    const approvals: PendingApproval[] = await this.db.query(
      `SELECT id AS "approvalId", request_id AS "requestId", offer_code AS "offerCode",
              floor(extract(epoch FROM ($1::timestamptz - requested_at)) / 60)::int AS "waitingMinutes"
         FROM offer_approval WHERE status = 'pending'`,
      [at.toISOString()],
    );
    const alerts = planAlerts(month, lines, approvals, this.config.get('APPROVAL_WAIT_MINUTES', { infer: true }));
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ALERTS_LOCK]);
      // (Every data-modifying WITH runs whether or not the final SELECT reads it: "kept" refreshes the figures.)
      // The evaluation covers its month's plan alerts and every approval: only those can be cleared by it.
      const changes: { id: string; kind: PlanAlertEvent['kind']; state: PlanAlertEvent['state'] }[] = await tx.query(
        `WITH cur AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(key text, kind text, service text, region text, managed boolean, actual numeric,
                  forecast numeric, planned numeric, "resolvedRequests" int, "approvalId" uuid, "requestId" uuid, "offerCode" text, "waitingMinutes" int)
         ), cleared AS (
           UPDATE plan_alert p SET cleared_at = $3::timestamptz
            WHERE p.cleared_at IS NULL AND (p.month = $2::date OR p.kind = 'approval_waiting')
              AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.key = p.key)
           RETURNING p.id, p.kind
         ), kept AS (
           UPDATE plan_alert p SET actual = cur.actual, forecast = cur.forecast, planned = cur.planned,
                  resolved_requests = cur."resolvedRequests", waiting_minutes = cur."waitingMinutes"
             FROM cur WHERE p.cleared_at IS NULL AND p.key = cur.key
           RETURNING p.id
         ), raised AS (
           INSERT INTO plan_alert (key, kind, month, service, region, managed, actual, forecast, planned, resolved_requests,
                                   approval_id, request_id, offer_code, waiting_minutes, raised_at)
           SELECT cur.key, cur.kind, CASE WHEN cur.kind = 'approval_waiting' THEN NULL ELSE $2::date END, cur.service, cur.region, cur.managed,
                  cur.actual, cur.forecast, cur.planned, cur."resolvedRequests", cur."approvalId", cur."requestId", cur."offerCode",
                  cur."waitingMinutes", $3::timestamptz
             FROM cur
            WHERE NOT EXISTS (SELECT 1 FROM plan_alert p WHERE p.cleared_at IS NULL AND p.key = cur.key)
              AND (cur."approvalId" IS NULL OR EXISTS (SELECT 1 FROM offer_approval o WHERE o.id = cur."approvalId"))
           RETURNING id, kind
         )
         SELECT id, kind, 'raised' AS state FROM raised
         UNION ALL SELECT id, kind, 'cleared' FROM cleared`,
        [JSON.stringify(alerts), monthStart(month), at.toISOString()],
      );
      const events: PlanAlertEvent[] = changes.map((c) => ({ type: 'plan_alert', alertId: c.id, kind: c.kind, state: c.state }));
      for (const e of events) await this.bus.publish(tx, { ...e, audience: Permission.PlansManage });
      return events;
    });
  }

  /** The open alerts, newest first, and (with `includeCleared`) those cleared in the last day too. */
  async list(includeCleared: boolean): Promise<PlanAlertView[]> {
    const rows: (PlanAlertView & { raisedAt: Date; clearedAt: Date | null })[] = await this.db.query(
      `SELECT ${ALERT_COLUMNS} FROM plan_alert a
        WHERE a.cleared_at IS NULL OR ($1 AND a.cleared_at > app_now() - interval '1 day')
        ORDER BY a.cleared_at IS NULL DESC, a.raised_at DESC, a.id LIMIT 200`,
      [includeCleared],
    );
    return rows.map((r) => ({
      ...r,
      raisedAt: new Date(r.raisedAt).toISOString(),
      clearedAt: r.clearedAt ? new Date(r.clearedAt).toISOString() : null,
    }));
  }
}
