import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, appClock, conflict, EventBus, EventCachedValue, JobQueue, notFound } from '@retention/api-core';
import { Permission } from '@retention/contracts';
import type { LangCode, ReasonModelView, ReasonSuggestionView, SuggestionAccuracyView } from '@retention/contracts';
import {
  ChurnReasonDefinition,
  CompetitorName,
  evalItems,
  evaluateSuggester,
  isHeldOut,
  LEARNED_WEIGHT,
  LearnedScorer,
  learnedScorer,
  ReasonModel,
  ReasonModelTrainer,
  REASON_FEATURE_SET,
  seedExamples,
  suggestReasonsDetailed,
} from '@retention/domain';
import type { EvalItem } from '@retention/domain';
import { DataSource } from 'typeorm';
import { ClassifierService } from './classifier.service';
import { activeReasonModel, configuredCompetitorNames, LoadedReasonModel } from './suggestion-sources';

/** The held-back resolutions measured per training (the most recent ones): enough for a figure, quick to compute. */
const HELD_OUT_MEASURED = 2_000;
/** A version as the API shows it (with the number of the classifier version it was trained with). */
const MODEL_COLUMNS = `m.id, m.version, m.status, m.cause, m.requested_at, m.finished_at, m.examples, m.held_out, m.weight,
  cv.version AS classifier_version, m.metrics, m.error, m.active`;
const MODEL_FROM = `reason_model m LEFT JOIN classifier_version cv ON cv.id = m.classifier_version_id`;
/** The resolutions a training reads at most (the most recent ones). */
const TRAINING_LIMIT = 200_000;
const TRAIN_JOB = 'reason-model.train';
/** Longest stretch of training work between two turns of the event loop (milliseconds). */
const SLICE_MS = 10;
const NIGHTLY_JOB = 'reason-model.nightly';
const CHECK_JOB = 'reason-model.check';
/** Serialises asking for a training across API processes. */
const MODEL_LOCK = 7_301_002;
const COMPETITORS_TTL_MS = 30_000;
/** The event a switch publishes: every API process drops the active model it keeps and reads the new one once. */
export const REASON_MODEL_SWITCHED = 'reason-model.switched';
/** A queued or running training older than this is taken as lost (its process stopped) and may be asked again. */
const ABANDONED_AFTER_MINUTES = 5;

interface ModelRow {
  id: number;
  version: number;
  status: ReasonModelView['status'];
  cause: ReasonModelView['cause'];
  requested_at: Date;
  finished_at: Date | null;
  examples: number | null;
  held_out: number | null;
  weight: string | null;
  classifier_version: number | null;
  metrics: Metrics | null;
  error: string | null;
  active: boolean;
}

interface Metrics {
  heldOut: { rules: SuggestionAccuracyView; blended: SuggestionAccuracyView };
  evaluation: { rules: SuggestionAccuracyView; blended: SuggestionAccuracyView };
  beatsRules: boolean;
}

/**
 * Learning from the operators' resolutions (docs/methodology.md, "Reason suggestions"): the stated words and the
 * chosen code land in reason_example (a trigger on disconnect_request); a job trains a new model version nightly,
 * on a manager's request, and once enough new resolutions have come in; a manager switches a version on only
 * when, blended with the synonym table, it beats the table alone on the held-back resolutions.
 */
@Injectable()
export class ReasonLearningService implements OnModuleInit {
  private readonly log = new Logger(ReasonLearningService.name);
  private loaded: LoadedReasonModel | null = null;
  private competitors: { at: number; list: CompetitorName[] } | null = null;
  /** The active version, kept per process (a suggestion asks no query for it), dropped when any process switches. */
  private readonly active: EventCachedValue<LearnedScorer | null>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly classifier: ClassifierService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly bus: EventBus,
  ) {
    this.active = new EventCachedValue(bus, [REASON_MODEL_SWITCHED], () => this.readActiveScorer());
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ modelId: number }>({ name: TRAIN_JOB, retryLimit: 1, handle: (data, job) => this.train(data.modelId, job.signal) });
    await this.jobs.define({ name: NIGHTLY_JOB, cron: '0 3 * * *', handle: async () => void (await this.request('nightly')) });
    await this.jobs.define({ name: CHECK_JOB, cron: '*/10 * * * *', handle: () => this.trainIfEnoughNew() });
    await this.trainIfFeaturesChanged();
  }

  /**
   * After an upgrade that changed the features (REASON_FEATURE_SET): when the newest trained version was trained on
   * older ones, a version on the current features is trained at once, for the manager to switch to (an older version
   * still works while it is active, see REASON_FEATURE_SET, but is not switched on again).
   */
  async trainIfFeaturesChanged(): Promise<void> {
    const [newest] = await this.db.query(
      `SELECT COALESCE((model->>'features')::int, 1) AS features FROM reason_model WHERE status = 'ready' ORDER BY version DESC LIMIT 1`,
    );
    if (newest && Number(newest.features) !== REASON_FEATURE_SET) await this.request('upgrade');
  }

  /** Suggestions for the words, with the active model (if any) blended in and the configured competitors known. */
  async suggest(text: string, lang: LangCode, limit: number): Promise<ReasonSuggestionView[]> {
    const { reasons } = await this.classifier.activeDefinitions();
    const byCode = new Map(reasons.map((r) => [r.code, r]));
    const result = suggestReasonsDetailed(text, {
      reasons,
      limit,
      competitors: await this.configuredCompetitors(),
      learned: await this.active.get(),
    });
    return result.suggestions.map((s) => ({
      code: s.code,
      score: Math.round(s.score * 1000) / 1000,
      title: byCode.get(s.code)?.title[lang] ?? s.code,
      source: s.source,
      ...(result.abstained && s.code === reasons[reasons.length - 1]?.code ? { abstained: result.abstained } : {}),
      ...(result.competitor && byCode.get(s.code)?.impliesCompetitor
        ? { competitor: { code: result.competitor.code, name: result.competitor.name } }
        : {}),
    }));
  }

  async list(): Promise<ReasonModelView[]> {
    const rows: ModelRow[] = await this.db.query(`SELECT ${MODEL_COLUMNS} FROM ${MODEL_FROM} ORDER BY m.version DESC LIMIT 50`);
    return rows.map(view);
  }

  /** Queues a training (one at a time: a queued or running one is returned instead of a second). */
  async request(cause: ReasonModelView['cause'], userId: string | null = null): Promise<ReasonModelView> {
    const row = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MODEL_LOCK]);
      // A training that has not finished within ABANDONED_AFTER was lost with its process: it gives way.
      await tx.query(
        `UPDATE reason_model SET status = 'failed', finished_at = $1, error = 'abandoned: no result within ${ABANDONED_AFTER_MINUTES} minutes'
          WHERE status IN ('queued', 'training') AND requested_at < $1::timestamptz - interval '${ABANDONED_AFTER_MINUTES} minutes'`,
        [appClock().now()],
      );
      const [pending] = await tx.query(`SELECT id FROM reason_model WHERE status IN ('queued', 'training') ORDER BY id LIMIT 1`);
      if (pending) return { id: pending.id as number, fresh: false };
      const [created] = await tx.query(
        `INSERT INTO reason_model (version, cause, requested_by, requested_at)
         VALUES ((SELECT COALESCE(max(version), 0) + 1 FROM reason_model), $1, $2, $3) RETURNING id`,
        [cause, userId, appClock().now()],
      );
      return { id: created.id as number, fresh: true };
    });
    if (row.fresh) await this.jobs.send(TRAIN_JOB, { modelId: row.id }, { singletonKey: `reason-model-${row.id}` });
    return this.one(row.id);
  }

  /** Switches a ready version on (null: the synonym table alone). */
  async activate(version: number | null, userId: string): Promise<ReasonModelView[]> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MODEL_LOCK]);
      if (version === null) {
        await tx.query(`UPDATE reason_model SET active = false WHERE active`);
        await this.bus.publish(tx, { type: REASON_MODEL_SWITCHED, version: null, audience: Permission.ClassifierManage });
        return;
      }
      const [row]: (ModelRow & { features: number })[] = await tx.query(
        `SELECT id, status, metrics, COALESCE((model->>'features')::int, 1) AS features FROM reason_model WHERE version = $1`,
        [version],
      );
      if (!row) throw notFound('Reason model version', String(version));
      if (row.status !== 'ready') throw conflict(`Version ${version} is ${row.status}; only a trained version can be switched on.`);
      if (Number(row.features) !== REASON_FEATURE_SET) {
        throw conflict(`Version ${version} was trained on an older set of word stems; switch on a version trained since.`);
      }
      if (!row.metrics?.beatsRules) {
        throw conflict(`Version ${version} does not beat the synonym table on the held-back resolutions; it stays off.`);
      }
      await tx.query(`UPDATE reason_model SET active = false WHERE active AND version <> $1`, [version]);
      await tx.query(`UPDATE reason_model SET active = true, activated_at = $2, activated_by = $3 WHERE version = $1`, [
        version,
        appClock().now(),
        userId,
      ]);
      await this.bus.publish(tx, { type: REASON_MODEL_SWITCHED, version, audience: Permission.ClassifierManage });
    });
    this.active.invalidate();
    return this.list();
  }

  /** The cron check: a training once REASON_MODEL_RETRAIN_AFTER resolutions came in since the last one. */
  async trainIfEnoughNew(): Promise<void> {
    const after = this.config.get('REASON_MODEL_RETRAIN_AFTER', { infer: true }) as number;
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM reason_example
        WHERE seq > COALESCE((SELECT max(trained_through) FROM reason_model WHERE status = 'ready'), 0)`,
    );
    if (n >= after) await this.request('resolutions');
  }

  /**
   * The training job: reads the history, trains, measures, stores the version (never switches it on). When `signal`
   * aborts (the process is stopping and has handed the job back), it stops between slices and leaves the version
   * `training` for the job's retry to claim and train.
   */
  async train(modelId: number, signal?: AbortSignal): Promise<void> {
    // (A CTE, so that the rows come back as rows: TypeORM answers a bare UPDATE … RETURNING with [rows, count], whose
    // first element is an array even when nothing was claimed, and a model already trained would be trained again.)
    const [claimed] = await this.db.query(
      `WITH claimed AS (UPDATE reason_model SET status = 'training' WHERE id = $1 AND status IN ('queued', 'training') RETURNING id)
       SELECT id FROM claimed`,
      [modelId],
    );
    if (!claimed) return;
    try {
      const { versionId, reasons } = await this.classifier.activeDefinitions();
      const codes = new Set(reasons.map((r) => r.code));
      const rows: { request_id: string; stated_reason: string; reason_code: string; seq: string }[] = await this.db.query(
        `SELECT request_id, stated_reason, reason_code, seq FROM reason_example ORDER BY seq DESC LIMIT $1`,
        [TRAINING_LIMIT],
      );
      const usable = rows.filter((r) => codes.has(r.reason_code));
      const train = usable.filter((r) => !isHeldOut(r.request_id)).map((r) => ({ text: r.stated_reason, code: r.reason_code }));
      const heldOut = usable.filter((r) => isHeldOut(r.request_id));
      const trainer = new ReasonModelTrainer([...codes]);
      await sliced([...seedExamples(reasons), ...train], (e) => trainer.add(e), signal);
      const model = trainer.model();
      const metrics = await this.measure(model, reasons, heldOut.slice(0, HELD_OUT_MEASURED), signal);
      await this.db.query(
        `UPDATE reason_model SET status = 'ready', finished_at = $2, examples = $3, held_out = $4, weight = $5,
                metrics = $6, model = $7, trained_through = $8, classifier_version_id = $9 WHERE id = $1`,
        [modelId, appClock().now(), train.length, heldOut.length, LEARNED_WEIGHT, JSON.stringify(metrics), JSON.stringify(model),
          rows.length ? rows[0].seq : 0, versionId],
      );
    } catch (e) {
      if (signal?.aborted) throw e;
      this.log.error(`reason model ${modelId} failed: ${(e as Error).message}`);
      await this.db.query(`UPDATE reason_model SET status = 'failed', finished_at = $2, error = $3 WHERE id = $1`, [
        modelId,
        appClock().now(),
        String((e as Error).message).slice(0, 500),
      ]);
    }
  }

  private async measure(
    model: ReasonModel,
    reasons: ChurnReasonDefinition[],
    heldOut: { stated_reason: string; reason_code: string }[],
    signal?: AbortSignal,
  ): Promise<Metrics> {
    const competitors = await this.configuredCompetitors();
    const blended = learnedScorer(model, LEARNED_WEIGHT);
    const history: EvalItem[] = heldOut.map((r) => ({ lang: 'en', split: 'test', style: 'S', codes: [r.reason_code], text: r.stated_reason }));
    const test = evalItems('test');
    // Each text's suggestions, computed in slices (see `sliced`), then scored.
    const accuracy = async (items: EvalItem[], learned: LearnedScorer | null) => {
      const codesOf = new Map<string, string[]>();
      await sliced(items, ({ text }) => {
        if (!codesOf.has(text)) codesOf.set(text, suggestReasonsDetailed(text, { reasons, competitors, learned }).suggestions.map((s) => s.code));
      }, signal);
      const { overall } = evaluateSuggester((text) => codesOf.get(text) ?? [], items);
      return { n: overall.n, top1: overall.top1, top3: overall.top3 };
    };
    const heldRules = await accuracy(history, null);
    const heldBlended = await accuracy(history, blended);
    return {
      heldOut: { rules: heldRules, blended: heldBlended },
      evaluation: { rules: await accuracy(test, null), blended: await accuracy(test, blended) },
      beatsRules: heldBlended.n > 0 && heldBlended.top1 > heldRules.top1,
    };
  }

  /** The active version from the database (its model is parsed once per version and kept). */
  private async readActiveScorer(): Promise<LearnedScorer | null> {
    this.loaded = await activeReasonModel((sql, params) => this.db.query(sql, params), this.loaded);
    return this.loaded?.scorer ?? null;
  }

  private async configuredCompetitors(): Promise<CompetitorName[]> {
    const now = Date.now();
    if (!this.competitors || now - this.competitors.at > COMPETITORS_TTL_MS) {
      this.competitors = { at: now, list: await configuredCompetitorNames((sql, params) => this.db.query(sql, params)) };
    }
    return this.competitors.list;
  }

  private async one(id: number): Promise<ReasonModelView> {
    const [row]: ModelRow[] = await this.db.query(`SELECT ${MODEL_COLUMNS} FROM ${MODEL_FROM} WHERE m.id = $1`, [id]);
    return view(row);
  }
}

/**
 * Runs `each` over the items on the API's own thread without holding its event loop: after every SLICE_MS of work
 * it yields (setImmediate), so requests arriving during a training are answered between slices; an aborted `signal`
 * stops it there.
 */
async function sliced<T>(items: readonly T[], each: (item: T) => void, signal?: AbortSignal): Promise<void> {
  let start = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - start >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      start = performance.now();
    }
  }
}

function view(r: ModelRow): ReasonModelView {
  return {
    version: r.version,
    status: r.status,
    cause: r.cause,
    requestedAt: new Date(r.requested_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    examples: r.examples,
    heldOut: r.held_out,
    weight: r.weight === null ? null : Number(r.weight),
    classifierVersion: r.classifier_version,
    heldOutAccuracy: r.metrics?.heldOut ?? null,
    evaluationAccuracy: r.metrics?.evaluation ?? null,
    beatsRules: r.metrics?.beatsRules ?? false,
    active: r.active,
    error: r.error,
  };
}
