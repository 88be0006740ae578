import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, appClock, notFound, queryPrepared, unplanned } from '@retention/api-core';
import type { Page, SetSegmentRequest, SubscriberCard, SubscriberListItem, SurveyAnswerView } from '@retention/contracts';
import { isNewSubscriber, lifetimeRating, nps, scoreTrend, tenureMonths, TREND_STEADY_WITHIN } from '@retention/domain';
import { CREDITED_ANSWERS } from '@retention/api-churn-data';
import { DataSource } from 'typeorm';

/** How many index entries a search reads at most (the bound on a common name's candidates). */
export const SEARCH_CANDIDATES = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Monthly revenue = the fees of the subscriptions running today. */
const MONTHLY_REVENUE = `COALESCE((SELECT sum(x.monthly_fee) FROM subscription x
  WHERE x.subscriber_id = s.id AND x.started_on <= app_today() AND (x.ended_on IS NULL OR x.ended_on > app_today())), 0)::float8`;

@Injectable()
export class SubscribersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Search by account number, phone (any format), name (surname and first name in either order,
   * the last word a prefix; Latin or Cyrillic typing of the same name) or address: a prefix lookup
   * on the normalised terms of subscriber_search_term (migration AddSubscriberSearchTerms), read in
   * index order, which is the ranking: exact term first, then whole words, then longer words.
   * At most SEARCH_CANDIDATES index entries are read, so `total` counts matches up to that bound.
   */
  async search(text: string | undefined, limit: number, offset: number): Promise<Page<SubscriberListItem>> {
    const raw = (text ?? '').trim();
    if (!raw) return this.list(limit, offset);
    // What is typed, as the SQL search_prefixes folds it: the text, or for a number an account number's digits
    // and a phone (phone_term: its national part, whatever the prefix typed), as the survey import looks phones up.
    // The prefixes and the page are `unplanned`: planned with them, each call cost a plan (0.8 ms, more than the search
    // ran) for the same plan as the generic one, which the statement now keeps.
    // The ranking (exact term first, then term, then account number) is one key per index entry, `k`, compared
    // byte by byte: a subscriber's best entry is the least of its keys (a hash aggregate over the candidates), and
    // only the page is sorted (a top-N sort), where sorting every candidate twice (once to keep each subscriber's
    // best entry, once for the ranking) cost a third more of the statement's time at a million subscribers.
    const rows: (SubscriberListItem & { total: string })[] = await queryPrepared(
      this.db,
      `WITH p AS (SELECT unnest(${unplanned('search_prefixes($3)', 'text[]')}) AS p),
            c AS (SELECT x.account_number, ((CASE WHEN x.term = p.p THEN '0' ELSE '1' END) || x.term || chr(1) || x.account_number) COLLATE "C" AS k
                    FROM p CROSS JOIN LATERAL (
                      SELECT term, account_number FROM subscriber_search_term
                       WHERE term >= p.p AND term < p.p || chr(1114111)
                       ORDER BY term, account_number LIMIT ${SEARCH_CANDIDATES}) x),
            d AS (SELECT account_number, min(k) AS k FROM c GROUP BY account_number),
            r AS (SELECT d.*, count(*) OVER () AS total FROM d ORDER BY k LIMIT ${unplanned('$1', 'int')} OFFSET ${unplanned('$2', 'int')})
       SELECT s.id, s.account_number AS "accountNumber", s.full_name AS "fullName", s.phone, s.address,
              rg.code AS "regionCode", s.status, ${MONTHLY_REVENUE} AS "monthlyRevenue", r.total
         FROM r JOIN subscriber s ON s.account_number = r.account_number JOIN region rg ON rg.id = s.region_id
        ORDER BY r.k`,
      [limit, offset, raw],
    );
    const total = rows.length ? Number(rows[0].total) : offset > 0 ? (await this.search(text, 1, 0)).total : 0;
    return { items: rows.map(({ total: _t, ...item }) => item), total, limit, offset };
  }

  /** Every subscriber, by name, a page at a time (an empty search). */
  private async list(limit: number, offset: number): Promise<Page<SubscriberListItem>> {
    const [items, [{ n }]] = await Promise.all([
      this.db.query(
        `SELECT s.id, s.account_number AS "accountNumber", s.full_name AS "fullName", s.phone, s.address,
                r.code AS "regionCode", s.status, ${MONTHLY_REVENUE} AS "monthlyRevenue"
           FROM subscriber s JOIN region r ON r.id = s.region_id
          ORDER BY s.full_name, s.account_number LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS n FROM subscriber`),
    ]);
    return { items, total: n, limit, offset };
  }

  async card(idOrAccount: string, asOf = appClock().now()): Promise<SubscriberCard> {
    const isId = UUID.test(idOrAccount);
    // One statement: the subscriber with its subscriptions, payments, usage and survey answers (under load each
    // further round trip costs the API more than the database).
    const [s] = await queryPrepared(
      this.db,
      `SELECT s.id, s.account_number AS "accountNumber", s.full_name AS "fullName", s.phone, s.address,
              r.code AS "regionCode", r.name AS "regionName", r.names AS "regionNames", to_char(s.connected_on, 'YYYY-MM-DD') AS "connectedOn",
              s.contract_type AS "contractType", s.status, to_char(s.disconnected_on, 'YYYY-MM-DD') AS "disconnectedOn",
              s.disconnect_kind AS "disconnectKind", s.temperament, s.activity_segment AS "activitySegment",
              seg.by AS "segmentChangedBy", seg.at AS "segmentChangedAt",
              s.balance::float8 AS balance, ${MONTHLY_REVENUE} AS "monthlyRevenue",
              (SELECT COALESCE(json_agg(q ORDER BY q.running DESC, q.started_on DESC), '[]') FROM (
                 SELECT x.id, v.code AS service, v.name AS "serviceName", v.names AS "serviceNames", t.code AS tariff, t.name AS "tariffName", t.names AS "tariffNames",
                        x.monthly_fee::float8 AS "monthlyFee", to_char(x.started_on, 'YYYY-MM-DD') AS "startedAt",
                        to_char(x.ended_on, 'YYYY-MM-DD') AS "endedAt", x.end_reason AS "endReason", x.ended_on IS NULL AS running, x.started_on
                   FROM subscription x JOIN service v ON v.id = x.service_id JOIN tariff t ON t.id = x.tariff_id
                  WHERE x.subscriber_id = s.id) q) AS subscriptions,
              (SELECT COALESCE(json_agg(q ORDER BY q."paidOn"), '[]') FROM (
                 SELECT to_char(paid_on, 'YYYY-MM-DD') AS "paidOn", amount::float8 AS amount
                   FROM payment WHERE subscriber_id = s.id AND paid_on > app_today() - interval '24 months') q) AS payments,
              (SELECT COALESCE(json_agg(q ORDER BY q.month, q.service), '[]') FROM (
                 SELECT to_char(u.month, 'YYYY-MM') AS month, v.code AS service, u.amount::float8 AS amount, v.usage_unit AS unit
                   FROM usage_monthly u JOIN service v ON v.id = u.service_id
                  WHERE u.subscriber_id = s.id AND u.month > app_today() - interval '24 months') q) AS usage,
              -- The score history: each answer with whom it counts for (churn-data's one rule), newest first.
              (SELECT COALESCE(json_agg(q ORDER BY q."answeredOn" DESC, q.id DESC), '[]') FROM (
                 SELECT a.id, a.kind, a.score, to_char(a.answered_on, 'YYYY-MM-DD') AS "answeredOn", a.comment,
                        CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS representative
                   FROM ${CREDITED_ANSWERS} a LEFT JOIN app_user u ON u.id = a.credited_to
                  WHERE a.subscriber_id = s.id) q) AS surveys
         FROM subscriber s JOIN region r ON r.id = s.region_id
         LEFT JOIN LATERAL (SELECT u.display_name AS by, c.changed_at AS at FROM subscriber_segment_change c
                             LEFT JOIN app_user u ON u.id = c.changed_by
                            WHERE c.subscriber_id = s.id ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) seg ON true
        WHERE ${isId ? 's.id = $1' : 's.account_number = $1'}`,
      [idOrAccount],
    );
    if (!s) throw notFound('Subscriber', idOrAccount);
    const subscriptions = (s.subscriptions as Record<string, unknown>[]).map(({ running: _r, started_on: _s, ...x }) => x);
    const { payments, usage } = s as { payments: unknown[]; usage: unknown[] };
    const answers = (s.surveys as (SurveyAnswerView & { id: string })[]).map(({ id: _id, ...a }) => a);

    const end = s.disconnectedOn ? new Date(`${s.disconnectedOn}T00:00:00Z`) : asOf;
    const tenure = tenureMonths(s.connectedOn, end);
    const npsScores = answers.filter((a) => a.kind === 'nps').map((a) => a.score);
    const oldestFirst = (kind: SurveyAnswerView['kind']) => answers.filter((a) => a.kind === kind).map((a) => a.score).reverse();
    return {
      ...s,
      segmentChangedAt: s.segmentChangedAt ? new Date(s.segmentChangedAt).toISOString() : null,
      tenureMonths: tenure,
      lifetimeRating: lifetimeRating(tenure),
      isNewSubscriber: isNewSubscriber(s.connectedOn, end, this.config.get('NEW_SUBSCRIBER_MONTHS', { infer: true })),
      subscriptions,
      payments,
      usage,
      surveys: answers,
      nps: nps(npsScores),
      scoreTrend: { nps: scoreTrend(oldestFirst('nps'), TREND_STEADY_WITHIN.nps), csat: scoreTrend(oldestFirst('csat'), TREND_STEADY_WITHIN.csat) },
    };
  }

  /**
   * Records the temperament and activity segment staff judged, with an audit row (who, when, from what to
   * what, why) in the same transaction; the subscriber row is locked so that two corrections at once are
   * both audited in order. Nothing is written when neither changes. Returns the card.
   */
  async setSegment(id: string, dto: SetSegmentRequest, userId: string): Promise<SubscriberCard> {
    await this.db.transaction(async (tx) => {
      const [current] = await tx.query(`SELECT temperament, activity_segment FROM subscriber WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw notFound('Subscriber', id);
      if (current.temperament === dto.temperament && current.activity_segment === dto.activitySegment) return;
      await tx.query(`UPDATE subscriber SET temperament = $2, activity_segment = $3 WHERE id = $1`, [id, dto.temperament, dto.activitySegment]);
      await tx.query(
        `INSERT INTO subscriber_segment_change (subscriber_id, changed_by, temperament_from, temperament_to, activity_from, activity_to, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, userId, current.temperament, dto.temperament, current.activity_segment, dto.activitySegment, dto.note?.trim() ?? ''],
      );
    });
    return this.card(id);
  }
}
