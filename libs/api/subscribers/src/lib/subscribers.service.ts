import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, appClock, notFound } from '@retention/api-core';
import type { Page, SubscriberCard, SubscriberListItem } from '@retention/contracts';
import { isNewSubscriber, lifetimeRating, nps, tenureMonths } from '@retention/domain';
import { DataSource } from 'typeorm';

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
   * Search by account number, name, phone (any formatting) or address: a substring match on one
   * trigram-indexed column. An exact account number comes first.
   */
  async search(text: string | undefined, limit: number, offset: number): Promise<Page<SubscriberListItem>> {
    const raw = (text ?? '').trim().toLowerCase();
    const digits = raw.replace(/[\s()+-]/g, '');
    const term = /^\d{4,}$/.test(digits) ? digits : raw;
    const where = term ? `WHERE s.search_text LIKE '%' || $3 || '%'` : '';
    const params: unknown[] = [limit, offset];
    if (term) params.push(term.replace(/[%_\\]/g, (c) => `\\${c}`));
    const rows: (SubscriberListItem & { total: string })[] = await this.db.query(
      `SELECT s.id, s.account_number AS "accountNumber", s.full_name AS "fullName", s.phone, s.address,
              r.code AS "regionCode", s.status, ${MONTHLY_REVENUE} AS "monthlyRevenue", count(*) OVER () AS total
         FROM subscriber s JOIN region r ON r.id = s.region_id
         ${where}
        ORDER BY ${term ? `(lower(s.account_number) = $3) DESC,` : ''} s.full_name, s.account_number
        LIMIT $1 OFFSET $2`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : offset > 0 ? await this.count(where, params.slice(2)) : 0;
    return { items: rows.map(({ total: _t, ...item }) => item), total, limit, offset };
  }

  private async count(where: string, params: unknown[]): Promise<number> {
    const r = await this.db.query(`SELECT count(*)::int AS n FROM subscriber s ${where.replace('$3', '$1')}`, params);
    return r[0].n;
  }

  async card(idOrAccount: string, asOf = appClock().now()): Promise<SubscriberCard> {
    const isId = UUID.test(idOrAccount);
    const [s] = await this.db.query(
      `SELECT s.id, s.account_number AS "accountNumber", s.full_name AS "fullName", s.phone, s.address,
              r.code AS "regionCode", r.name AS "regionName", to_char(s.connected_on, 'YYYY-MM-DD') AS "connectedOn",
              s.contract_type AS "contractType", s.status, to_char(s.disconnected_on, 'YYYY-MM-DD') AS "disconnectedOn",
              s.disconnect_kind AS "disconnectKind", s.temperament, s.activity_segment AS "activitySegment",
              s.balance::float8 AS balance, ${MONTHLY_REVENUE} AS "monthlyRevenue"
         FROM subscriber s JOIN region r ON r.id = s.region_id
        WHERE ${isId ? 's.id = $1' : 's.account_number = $1'}`,
      [idOrAccount],
    );
    if (!s) throw notFound('Subscriber', idOrAccount);

    const [subscriptions, payments, usage, surveys] = await Promise.all([
      this.db.query(
        `SELECT x.id, v.code AS service, v.name AS "serviceName", t.code AS tariff, t.name AS "tariffName",
                x.monthly_fee::float8 AS "monthlyFee", to_char(x.started_on, 'YYYY-MM-DD') AS "startedAt",
                to_char(x.ended_on, 'YYYY-MM-DD') AS "endedAt", x.end_reason AS "endReason"
           FROM subscription x JOIN service v ON v.id = x.service_id JOIN tariff t ON t.id = x.tariff_id
          WHERE x.subscriber_id = $1
          ORDER BY (x.ended_on IS NULL) DESC, x.started_on DESC`,
        [s.id],
      ),
      this.db.query(
        `SELECT to_char(paid_on, 'YYYY-MM-DD') AS "paidOn", amount::float8 AS amount
           FROM payment WHERE subscriber_id = $1 AND paid_on > app_today() - interval '24 months'
          ORDER BY paid_on`,
        [s.id],
      ),
      this.db.query(
        `SELECT to_char(u.month, 'YYYY-MM') AS month, v.code AS service, u.amount::float8 AS amount, v.usage_unit AS unit
           FROM usage_monthly u JOIN service v ON v.id = u.service_id
          WHERE u.subscriber_id = $1 AND u.month > app_today() - interval '24 months'
          ORDER BY u.month, v.code`,
        [s.id],
      ),
      this.db.query(
        `SELECT kind, score, to_char(answered_on, 'YYYY-MM-DD') AS "answeredOn", comment
           FROM survey_answer WHERE subscriber_id = $1 ORDER BY answered_on DESC`,
        [s.id],
      ),
    ]);

    const end = s.disconnectedOn ? new Date(`${s.disconnectedOn}T00:00:00Z`) : asOf;
    const tenure = tenureMonths(s.connectedOn, end);
    const npsScores = (surveys as { kind: string; score: number }[]).filter((a) => a.kind === 'nps').map((a) => a.score);
    return {
      ...s,
      tenureMonths: tenure,
      lifetimeRating: lifetimeRating(tenure),
      isNewSubscriber: isNewSubscriber(s.connectedOn, end, this.config.get('NEW_SUBSCRIBER_MONTHS', { infer: true })),
      subscriptions,
      payments,
      usage,
      surveys,
      nps: nps(npsScores),
    };
  }
}
