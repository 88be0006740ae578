import { LIFETIME_RATING_FROM } from '@retention/domain';

/**
 * The lifetime rating of a subscriber connected on `connectedOn` as of `asOf` (date expressions), as
 * the domain's lifetimeRating of tenureMonths has it: N whole months are reached when the connection
 * day plus N months (PostgreSQL clamps it to the month's end, as tenureMonths does) is not after it.
 */
export function tenureRatingSql(connectedOn: string, asOf: string): string {
  const whens = LIFETIME_RATING_FROM.filter((b) => b.months > 0)
    .map((b) => `WHEN ${connectedOn} + interval '${b.months} months' <= ${asOf} THEN '${b.rating}'`)
    .join(' ');
  const poor = LIFETIME_RATING_FROM.find((b) => b.months === 0)?.rating;
  return `(CASE ${whens} ELSE '${poor}' END)`;
}

/** A subscriber's monthly spend at `day` (a date expression): the fees of the subscriptions running then (as revenueRowsSql counts MRR). */
export function spendAtSql(subscriber: string, day: string): string {
  return `COALESCE((SELECT sum(x.monthly_fee) FROM subscription x
                     WHERE x.subscriber_id = ${subscriber} AND x.started_on < ${day} AND (x.ended_on IS NULL OR x.ended_on >= ${day})), 0)`;
}
