import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { badRequest, EventBus, EventCachedValue, notFound } from '@retention/api-core';
import { Permission } from '@retention/contracts';
import type {
  ChurnReasonDetail,
  ChurnReasonView,
  ClassifierVersionView,
  LangCode,
  OfferView,
  UpdateChurnReasonRequest,
  UpdateOfferRequest,
} from '@retention/contracts';
import {
  CATCH_ALL_REASON_CODE,
  ChurnReasonDefinition,
  DEFAULT_CHURN_REASONS,
  DEFAULT_OFFERS,
  OfferDefinition,
} from '@retention/domain';
import { DataSource, EntityManager } from 'typeorm';

interface ReasonRow {
  version_id: number;
  version: number;
  code: string;
  sort_order: number;
  reason_group: string;
  managed: boolean;
  implies_competitor: boolean;
  threshold: string;
  content: Pick<ChurnReasonDefinition, 'title' | 'description' | 'typicalPhrases' | 'script' | 'offerCodes'>;
}

interface OfferRow {
  code: string;
  kind: string;
  discount_percent: number | null;
  months: number | null;
  monthly_cost: string;
  one_off_cost: string;
  min_tenure_months: number;
  min_monthly_revenue: string;
  reason_codes: string[] | null;
  content: { title: OfferDefinition['title']; description: OfferDefinition['description'] };
  active: boolean;
}

/** The event a new classifier version publishes: every API process drops the version it keeps as the one in use. */
export const CLASSIFIER_VERSIONED = 'classifier.versioned';

/** Serialises classifier writers across API replicas. */
const CLASSIFIER_LOCK = 7_301_001;

/** Runs SQL on ONE connection and resolves to the rows. */
export type RowQuery = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * The shipped classifier as version 1 and the default offers, unless they are there already.
 * Runs before demo data is generated (which refers to them) and at every start; idempotent and
 * safe with several API replicas starting at once.
 */
export async function seedClassifierDefaults(query: RowQuery): Promise<void> {
  await query('BEGIN');
  try {
    await query('SELECT pg_advisory_xact_lock($1)', [CLASSIFIER_LOCK]);
    const [{ n }] = await query('SELECT count(*)::int AS n FROM classifier_version');
    if (n === 0) {
      const [{ id }] = await query(`INSERT INTO classifier_version (version, note) VALUES (1, 'Shipped default: 33 reasons') RETURNING id`);
      await insertReasons(query, id, DEFAULT_CHURN_REASONS);
    }
    for (const [i, o] of DEFAULT_OFFERS.entries()) {
      await query(
        `INSERT INTO offer (code, kind, discount_percent, months, monthly_cost, one_off_cost, min_tenure_months,
                            min_monthly_revenue, reason_codes, content, sort_order)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (code) DO NOTHING`,
        [o.code, o.kind, o.discountPercent, o.months, o.monthlyCost, o.oneOffCost, o.minTenureMonths, o.minMonthlyRevenue,
          o.reasonCodes, JSON.stringify({ title: o.title, description: o.description }), i],
      );
    }
    await query('COMMIT');
  } catch (e) {
    await query('ROLLBACK');
    throw e;
  }
}

async function insertReasons(query: RowQuery, versionId: number, reasons: readonly ChurnReasonDefinition[]): Promise<void> {
  await query(
    `INSERT INTO churn_reason (version_id, code, sort_order, reason_group, managed, implies_competitor, threshold, content)
     SELECT $1, r.code, r.ord, r.grp, r.managed, r.implies, r.threshold, r.content
       FROM jsonb_to_recordset($2::jsonb) AS r(code text, ord int, grp text, managed boolean, implies boolean, threshold numeric, content jsonb)`,
    [
      versionId,
      JSON.stringify(
        reasons.map((r, i) => ({
          code: r.code,
          ord: i + 1,
          grp: r.group,
          managed: r.managed,
          implies: r.impliesCompetitor,
          threshold: r.threshold,
          content: { title: r.title, description: r.description, typicalPhrases: r.typicalPhrases, script: r.script, offerCodes: r.offerCodes },
        })),
      ),
    ],
  );
}

export function toDefinition(r: ReasonRow): ChurnReasonDefinition {
  return {
    code: r.code,
    group: r.reason_group as ChurnReasonDefinition['group'],
    managed: r.managed,
    impliesCompetitor: r.implies_competitor,
    threshold: Number(r.threshold),
    ...r.content,
  };
}

export function toOfferDefinition(o: OfferRow): OfferDefinition {
  return {
    code: o.code,
    kind: o.kind as OfferDefinition['kind'],
    discountPercent: o.discount_percent,
    months: o.months,
    monthlyCost: Number(o.monthly_cost),
    oneOffCost: Number(o.one_off_cost),
    minTenureMonths: o.min_tenure_months,
    minMonthlyRevenue: Number(o.min_monthly_revenue),
    reasonCodes: o.reason_codes,
    title: o.content.title,
    description: o.content.description,
  };
}

function view(r: ReasonRow, lang: LangCode): ChurnReasonView {
  return {
    code: r.code,
    title: r.content.title[lang],
    description: r.content.description[lang],
    group: r.reason_group,
    managed: r.managed,
    impliesCompetitor: r.implies_competitor,
    threshold: Number(r.threshold),
    offerCodes: r.content.offerCodes,
    version: r.version,
    position: r.sort_order,
  };
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order (jsonb reorders keys). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

@Injectable()
export class ClassifierService implements OnModuleInit {
  /** The version in use (the newest), kept per process: a suggestion asks no query for it. */
  private readonly latest: EventCachedValue<number>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: EventBus,
  ) {
    this.latest = new EventCachedValue(bus, [CLASSIFIER_VERSIONED], async () => {
      const [{ id }] = await this.db.query('SELECT max(id) AS id FROM classifier_version');
      return id as number;
    });
  }

  /** A database without a classifier or offers gets the shipped defaults as version 1. */
  async onModuleInit(): Promise<void> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await seedClassifierDefaults((sql, params) => runner.query(sql, params));
    } finally {
      await runner.release();
    }
  }

  private async insertReasons(tx: EntityManager, versionId: number, reasons: readonly ChurnReasonDefinition[]): Promise<void> {
    await insertReasons((sql, params) => tx.query(sql, params), versionId, reasons);
  }

  private rows(versionId?: number, manager: EntityManager | DataSource = this.db): Promise<ReasonRow[]> {
    return manager.query(
      `SELECT r.*, v.version FROM churn_reason r JOIN classifier_version v ON v.id = r.version_id
        WHERE r.version_id = COALESCE($1, (SELECT max(id) FROM classifier_version))
        ORDER BY r.sort_order`,
      [versionId ?? null],
    );
  }

  /** Versions never change once written, so their definitions are kept (suggestions index them once). */
  private readonly cache = new Map<number, { versionId: number; version: number; reasons: ChurnReasonDefinition[] }>();

  /** The active version's reasons as domain definitions (for suggestions and checks). */
  async activeDefinitions(): Promise<{ versionId: number; version: number; reasons: ChurnReasonDefinition[] }> {
    const id = await this.latest.get();
    const cached = this.cache.get(id);
    if (cached) return cached;
    const rows = await this.rows(id);
    const entry = { versionId: rows[0].version_id, version: rows[0].version, reasons: rows.map(toDefinition) };
    this.cache.set(id, entry);
    return entry;
  }

  /** One reason of the active version, or of the version a request was classified with. */
  async definition(code: string, versionId?: number): Promise<ChurnReasonDefinition & { versionId: number }> {
    const rows = await this.rows(versionId);
    const row = rows.find((r) => r.code === code);
    if (!row) throw badRequest('reasonCode', `no reason ${code} in classifier version ${rows[0]?.version ?? '?'}`);
    return { ...toDefinition(row), versionId: row.version_id };
  }

  async list(lang: LangCode, version?: number): Promise<ChurnReasonView[]> {
    const versionId = version ? await this.versionId(version) : undefined;
    return (await this.rows(versionId)).map((r) => view(r, lang));
  }

  async detail(code: string, lang: LangCode): Promise<ChurnReasonDetail> {
    const row = (await this.rows()).find((r) => r.code === code);
    if (!row) throw notFound('Churn reason', code);
    return {
      ...view(row, lang),
      titles: row.content.title,
      descriptions: row.content.description,
      typicalPhrases: row.content.typicalPhrases,
      script: row.content.script,
    };
  }

  async versions(): Promise<ClassifierVersionView[]> {
    const rows = await this.db.query(
      `SELECT v.version, v.note, u.display_name AS "createdBy", v.created_at AS "createdAt"
         FROM classifier_version v LEFT JOIN app_user u ON u.id = v.created_by ORDER BY v.version DESC`,
    );
    return rows.map((r: ClassifierVersionView & { createdAt: Date }) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  /**
   * Editing never rewrites the past: the active version is copied into a new one with the change
   * applied, and requests keep pointing at the version they were classified with. A change that
   * leaves the reason as it is (an empty body, a repeated PUT) writes nothing and returns the
   * reason of the active version.
   */
  async update(code: string, change: UpdateChurnReasonRequest, userId: string, lang: LangCode): Promise<ChurnReasonDetail> {
    if (code === CATCH_ALL_REASON_CODE && change.managed === false) {
      throw badRequest('managed', 'reason not found counts as managed churn: finding the true reason is the operator’s work (docs/methodology.md)');
    }
    if (change.offerCodes) {
      const known = new Set(DEFAULT_OFFERS.map((o) => o.code));
      const rows: { code: string }[] = await this.db.query('SELECT code FROM offer');
      rows.forEach((r) => known.add(r.code));
      const unknown = change.offerCodes.filter((c) => !known.has(c));
      if (unknown.length) throw badRequest('offerCodes', `unknown offer codes: ${unknown.join(', ')}`);
    }
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CLASSIFIER_LOCK]);
      const current = await this.rows(undefined, tx);
      const target = current.find((r) => r.code === code);
      if (!target) throw notFound('Churn reason', code);
      const before = toDefinition(target);
      const after: ChurnReasonDefinition = {
        ...before,
        threshold: change.threshold ?? before.threshold,
        managed: change.managed ?? before.managed,
        impliesCompetitor: change.impliesCompetitor ?? before.impliesCompetitor,
        title: change.titles ?? before.title,
        description: change.descriptions ?? before.description,
        typicalPhrases: change.typicalPhrases ?? before.typicalPhrases,
        offerCodes: change.offerCodes ?? before.offerCodes,
        script: change.script ?? before.script,
      };
      // A change that changes nothing (an empty body, a retry, only the values it has) is no new version.
      if (canonicalJson(after) === canonicalJson(before)) return;
      const reasons = current.map((r) => (r.code === code ? after : toDefinition(r)));
      const [{ id }] = await tx.query(
        `INSERT INTO classifier_version (version, note, created_by)
         VALUES ((SELECT max(version) + 1 FROM classifier_version), $1, $2) RETURNING id`,
        [change.note?.trim() || `Changed ${code}`, userId],
      );
      await this.insertReasons(tx, id, reasons);
      await this.bus.publish(tx, { type: CLASSIFIER_VERSIONED, audience: Permission.ClassifierManage });
    });
    this.latest.invalidate();
    return this.detail(code, lang);
  }

  private async versionId(version: number): Promise<number> {
    const rows = await this.db.query('SELECT id FROM classifier_version WHERE version = $1', [version]);
    if (!rows.length) throw notFound('Classifier version', String(version));
    return rows[0].id;
  }

  async offers(): Promise<OfferDefinition[]> {
    const rows: OfferRow[] = await this.db.query('SELECT * FROM offer WHERE active ORDER BY sort_order, code');
    return rows.map(toOfferDefinition);
  }

  async offerViews(lang: LangCode): Promise<OfferView[]> {
    const rows: OfferRow[] = await this.db.query('SELECT * FROM offer ORDER BY sort_order, code');
    return rows.map((o) => this.offerView(o, lang));
  }

  private offerView(o: OfferRow, lang: LangCode): OfferView {
    const d = toOfferDefinition(o);
    return {
      code: d.code,
      kind: d.kind,
      title: d.title[lang],
      description: d.description[lang],
      titles: d.title,
      discountPercent: d.discountPercent,
      months: d.months,
      monthlyCost: d.monthlyCost,
      oneOffCost: d.oneOffCost,
      minTenureMonths: d.minTenureMonths,
      minMonthlyRevenue: d.minMonthlyRevenue,
      reasonCodes: d.reasonCodes,
      active: o.active,
    };
  }

  async updateOffer(code: string, change: UpdateOfferRequest, lang: LangCode): Promise<OfferView> {
    const rows: OfferRow[] = await this.db.query(
      `WITH changed AS (UPDATE offer SET
         discount_percent = CASE WHEN $2::boolean THEN $3::smallint ELSE discount_percent END,
         months = CASE WHEN $4::boolean THEN $5::smallint ELSE months END,
         monthly_cost = COALESCE($6, monthly_cost),
         one_off_cost = COALESCE($7, one_off_cost),
         min_tenure_months = COALESCE($8, min_tenure_months),
         min_monthly_revenue = COALESCE($9, min_monthly_revenue),
         reason_codes = CASE WHEN $10::boolean THEN $11::text[] ELSE reason_codes END,
         active = COALESCE($12, active),
         updated_at = app_now()
       WHERE code = $1 RETURNING *)
       SELECT * FROM changed`,
      [
        code,
        change.discountPercent !== undefined, change.discountPercent ?? null,
        change.months !== undefined, change.months ?? null,
        change.monthlyCost ?? null, change.oneOffCost ?? null, change.minTenureMonths ?? null, change.minMonthlyRevenue ?? null,
        change.reasonCodes !== undefined, change.reasonCodes ?? null,
        change.active ?? null,
      ],
    );
    if (!rows.length) throw notFound('Offer', code);
    return this.offerView(rows[0], lang);
  }
}
