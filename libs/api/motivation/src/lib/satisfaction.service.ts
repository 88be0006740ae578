import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SatisfactionFollowUp, SatisfactionGrouping, SatisfactionReport } from '@retention/contracts';
import { addMonths, monthStart, nextMonthStart, satisfactionSummary } from '@retention/domain';
import { DataSource } from 'typeorm';
import { CREDITED_ANSWERS, followedReasonSql } from '@retention/api-churn-data';

/** The months a report's trend covers, the month asked included. */
const TREND_MONTHS = 12;
/** The most answers a follow-up list returns (newest first). */
const FOLLOW_UP_LIMIT = 200;

/** Counts of one group, as every query below returns them. */
const COUNTS = `
  count(*) FILTER (WHERE a.kind = 'nps' AND a.score >= 9)::int AS promoters,
  count(*) FILTER (WHERE a.kind = 'nps' AND a.score BETWEEN 7 AND 8)::int AS passives,
  count(*) FILTER (WHERE a.kind = 'nps' AND a.score <= 6)::int AS detractors,
  count(*) FILTER (WHERE a.kind = 'csat')::int AS "csatAnswers",
  count(*) FILTER (WHERE a.kind = 'csat' AND a.score >= 4)::int AS "csatSatisfied"`;

interface Counts {
  promoters: number;
  passives: number;
  detractors: number;
  csatAnswers: number;
  csatSatisfied: number;
}

/** The churn reason (cr) of the request or hidden-churn case an answer (a) follows. */
const FOLLOWED_REASON = `JOIN LATERAL (${followedReasonSql('a')}) fr ON true JOIN churn_reason cr ON cr.version_id = fr.version_id AND cr.code = fr.code`;

/**
 * How each grouping finds an answer's group. operator and team read the person the answer counts for
 * (churn-data's CREDITED_ANSWERS: the representative when it was given), region the subscriber's,
 * service each service the subscriber had running on the day of the answer, reason and reason_group the
 * churn reason of the request or case the answer follows (churn-data's followedReasonSql), labelled with
 * the reason's English title in its latest classifier version (the console shows its own language).
 */
const GROUPINGS: Record<SatisfactionGrouping, { from: string; key: string; label: string }> = {
  operator: { from: `JOIN app_user u ON u.id = a.credited_to`, key: `u.id::text`, label: `u.display_name` },
  team: { from: `JOIN app_user u ON u.id = a.credited_to`, key: `u.team`, label: `COALESCE(u.team, '')` },
  region: { from: `JOIN subscriber s ON s.id = a.subscriber_id JOIN region r ON r.id = s.region_id`, key: `r.code`, label: `r.name` },
  service: {
    from: `JOIN service sv ON EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = a.subscriber_id AND x.service_id = sv.id
                                        AND x.started_on <= a.answered_on AND (x.ended_on IS NULL OR x.ended_on > a.answered_on))`,
    key: `sv.code`,
    label: `sv.name`,
  },
  reason_group: { from: FOLLOWED_REASON, key: `cr.reason_group`, label: `cr.reason_group` },
  reason: {
    from: FOLLOWED_REASON,
    key: `cr.code`,
    label: `COALESCE((SELECT l.content -> 'title' ->> 'en' FROM churn_reason l WHERE l.code = cr.code ORDER BY l.version_id DESC LIMIT 1), cr.code)`,
  },
};

/** NPS and CSAT reports over the survey answers, and the answers to follow up (docs/methodology.md, "Satisfaction and loyalty"). */
@Injectable()
export class SatisfactionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(month: string, by: SatisfactionGrouping): Promise<SatisfactionReport> {
    const g = GROUPINGS[by];
    const period = [monthStart(month), nextMonthStart(month)];
    const [rows, [overall], [{ attributed }], trend] = await Promise.all([
      this.db.query(
        `SELECT ${g.key} AS key, ${g.label} AS label, ${COUNTS}
           FROM ${CREDITED_ANSWERS} a ${g.from}
          WHERE a.answered_on >= $1::date AND a.answered_on < $2::date
          GROUP BY 1, 2 ORDER BY 2, 1`,
        period,
      ) as Promise<(Counts & { key: string | null; label: string })[]>,
      this.db.query(
        `SELECT ${COUNTS}, count(*)::int AS answers FROM ${CREDITED_ANSWERS} a WHERE a.answered_on >= $1::date AND a.answered_on < $2::date`,
        period,
      ) as Promise<(Counts & { answers: number })[]>,
      // Coverage: the answers that fall in some group of this grouping, each once.
      this.db.query(
        `SELECT count(DISTINCT a.id)::int AS attributed FROM ${CREDITED_ANSWERS} a ${g.from}
          WHERE a.answered_on >= $1::date AND a.answered_on < $2::date`,
        period,
      ) as Promise<{ attributed: number }[]>,
      this.db.query(
        `SELECT to_char(m.month, 'YYYY-MM') AS month, ${COUNTS}
           FROM generate_series($1::date, $2::date, interval '1 month') m(month)
           LEFT JOIN survey_answer a ON a.answered_on >= m.month::date AND a.answered_on < (m.month + interval '1 month')::date
          GROUP BY m.month ORDER BY m.month`,
        [monthStart(addMonths(month, 1 - TREND_MONTHS)), monthStart(month)],
      ) as Promise<(Counts & { month: string })[]>,
    ]);
    return {
      month,
      by,
      overall: {
        ...satisfactionSummary(overall),
        answers: overall.answers,
        attributed,
        coverage: overall.answers > 0 ? Math.round((attributed / overall.answers) * 1e4) / 1e4 : null,
      },
      rows: rows.map((r) => ({ key: r.key, label: r.label, ...satisfactionSummary(r) })),
      trend: trend.map((t) => ({ month: t.month, ...satisfactionSummary(t) })),
    };
  }

  /**
   * The month's NPS answers of one class, newest first: detractors (0–6) to call back, promoters (9–10)
   * to ask for a referral; each with the subscriber, their representative and their latest request
   * resolved by the day of the answer.
   */
  async followUps(month: string, cls: 'detractor' | 'promoter'): Promise<SatisfactionFollowUp[]> {
    const rows = await this.db.query(
      `SELECT a.id::int AS "answerId", to_char(a.answered_on, 'YYYY-MM-DD') AS "answeredOn", a.score, a.comment,
              s.id AS "subscriberId", s.account_number AS "accountNumber", s.full_name AS "fullName", s.phone,
              u.id AS rep_id, u.display_name AS rep_name,
              r.id AS req_id, r.resolved_at AS req_at, r.outcome AS req_outcome, r.reason_code AS req_reason
         FROM ${CREDITED_ANSWERS} a JOIN subscriber s ON s.id = a.subscriber_id
         LEFT JOIN app_user u ON u.id = a.credited_to
         LEFT JOIN LATERAL (SELECT q.id, q.resolved_at, q.outcome, q.reason_code FROM disconnect_request q
                             WHERE q.subscriber_id = a.subscriber_id AND q.status = 'resolved'
                               AND q.resolved_at < (a.answered_on + 1)::timestamp AT TIME ZONE 'UTC'
                             ORDER BY q.resolved_at DESC LIMIT 1) r ON true
        WHERE a.kind = 'nps' AND a.answered_on >= $1::date AND a.answered_on < $2::date
          AND CASE WHEN $3 = 'detractor' THEN a.score <= 6 ELSE a.score >= 9 END
        ORDER BY a.answered_on DESC, a.id DESC LIMIT ${FOLLOW_UP_LIMIT}`,
      [monthStart(month), nextMonthStart(month), cls],
    );
    return rows.map((r: Record<string, unknown>): SatisfactionFollowUp => ({
      answerId: r['answerId'] as number,
      answeredOn: r['answeredOn'] as string,
      score: r['score'] as number,
      comment: r['comment'] as string | null,
      subscriberId: r['subscriberId'] as string,
      accountNumber: r['accountNumber'] as string,
      fullName: r['fullName'] as string,
      phone: r['phone'] as string,
      representative: r['rep_id'] ? { id: r['rep_id'] as string, displayName: r['rep_name'] as string } : null,
      lastRequest: r['req_id']
        ? { id: r['req_id'] as string, resolvedAt: new Date(r['req_at'] as string).toISOString(), outcome: r['req_outcome'] as string, reasonCode: r['req_reason'] as string }
        : null,
    }));
  }
}
