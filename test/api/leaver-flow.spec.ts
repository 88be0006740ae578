import { monthKeyOf, reportPeriodAsOf } from '@retention/domain';
import { checkReportRollups } from '@retention/api-churn-data';
import { ownRegion, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

/**
 * The distinct leavers of churn to competitors, churn by reason and the key figures come from the leaver_flow roll-up
 * (migration AddLeaverFlow) instead of count(DISTINCT subscriber_id) over the churn facts. On a region of its own,
 * the reports' counts must equal that count over churn_fact itself, for subscribers who leave twice in a period, fall
 * into two groups in one month, leave in a month cut at today, and whose facts are changed and deleted; and the
 * roll-up must equal its recomputation throughout.
 */
describe('leaver_flow: distinct leavers from a roll-up', () => {
  let api: TestApi;
  let exec: string;
  const code = `lvr-${process.pid % 100000}`;
  const year = String(Number(TEST_TODAY.slice(0, 4)) - 1);
  const thisMonth = monthKeyOf(TEST_TODAY);
  let regionId: string;
  let competitors: string[];
  let subs: string[];

  beforeAll(async () => {
    api = await startApi();
    exec = `Bearer ${await api.token('executive')}`;
    const internetAndTv = [{ service: 'internet', fee: 20, start: '2020-01-10' }, { service: 'iptv', fee: 7.25, start: '2020-01-10' }];
    subs = await ownRegion(api.pool, code, Array.from({ length: 6 }, () => ({ connected: '2020-01-10', subscriptions: internetAndTv })));
    regionId = (await api.pool.query(`SELECT id FROM region WHERE code = $1`, [code])).rows[0].id;
    competitors = (await api.pool.query(`SELECT id FROM competitor WHERE active ORDER BY name LIMIT 2`)).rows.map((r) => r.id);
  });
  afterAll(() => api.close());

  /** A resolved disconnection written straight into the table (as an import would): its churn facts follow by triggers. */
  async function leave(sub: string, services: string[], at: string, reason: string, competitor: string | null, isNew = false): Promise<string> {
    const { rows: [{ id }] } = await api.pool.query(
      `INSERT INTO disconnect_request (subscriber_id, services, all_services, channel, kind, status, outcome, reason_version_id, reason_code,
                                       competitor_id, destination, resolved_at, resolved_by, mrr_at_risk, mrr_lost, is_new_subscriber,
                                       created_by, created_at, region_id, service_fees)
       SELECT $1, $2, true, 'phone', 'voluntary', 'resolved', 'disconnected', (SELECT max(id) FROM classifier_version), $3,
              $4::uuid, CASE WHEN $4::uuid IS NULL THEN 'unknown' ELSE 'competitor' END, $5::timestamptz, u.id, 30, 30, $6,
              u.id, $5::timestamptz - interval '1 hour', $7, $8::jsonb
         FROM app_user u WHERE u.username = 'operator' RETURNING id`,
      [sub, services, reason, competitor, at, isNew, regionId, JSON.stringify({ internet: 20, iptv: 7.25 })],
    );
    return id;
  }

  const get = async (path: string) => (await api.http().get(`/api${path}`).set('Authorization', exec).expect(200)).body;

  /** count(DISTINCT subscriber_id) and sum(fee) of the region's voluntary churn facts in [from, to), grouped by `by`. */
  async function distinct(from: string, to: string, by: string[], where = 'true') {
    const { rows } = await api.pool.query(
      `SELECT ${[...by, 'count(DISTINCT subscriber_id)::int AS subscribers', 'sum(fee)::float8 AS revenue'].join(', ')} FROM churn_fact
        WHERE region = $1 AND kind = 'voluntary' AND resolved_at >= $2::date AND resolved_at < $3::date AND ${where}
        ${by.length ? `GROUP BY ${by.join(', ')} ORDER BY ${by.join(', ')}` : ''}`,
      [code, from, to],
    );
    return rows;
  }

  /** Every count the three reports show for the region, next to the same from the facts. */
  async function expectExact() {
    const [from, to] = [`${year}-01-01`, `${Number(year) + 1}-01-01`];
    const q = `from=${year}-01&to=${year}-12&region=${code}`;
    const comp = await get(`/reports/churn-to-competitors?${q}`);
    const toCompetitor = `destination = 'competitor'`;
    const sortBy = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sortBy(comp.cells.map((c: Record<string, unknown>) => [c['competitorId'], c['reasonCode'], c['service'], c['region'], c['subscribers'], c['monthlyRevenue']]))).toEqual(
      sortBy((await distinct(from, to, ['competitor_id', 'reason_code', 'service', 'region'], toCompetitor)).map((r) => [r.competitor_id, r.reason_code, r.service, r.region, r.subscribers, r.revenue])),
    );
    const perCompetitor = await distinct(from, to, ['competitor_id'], toCompetitor);
    const byService = await distinct(from, to, ['competitor_id', 'service'], toCompetitor);
    const trend = await distinct(`${year}-01-01`, to, ['competitor_id', 'month'], toCompetitor);
    for (const row of comp.rows.filter((r: { subscribers: number }) => r.subscribers > 0)) {
      expect([row.competitorId, row.subscribers]).toEqual([row.competitorId, perCompetitor.find((r) => r.competitor_id === row.competitorId)?.subscribers]);
      expect(row.byService.map((s: { service: string; subscribers: number }) => [s.service, s.subscribers]).sort()).toEqual(
        byService.filter((r) => r.competitor_id === row.competitorId).map((r) => [r.service, r.subscribers]).sort(),
      );
      expect(row.trend.filter((t: { subscribers: number }) => t.subscribers).map((t: { month: string; subscribers: number }) => [t.month, t.subscribers])).toEqual(
        trend.filter((r) => r.competitor_id === row.competitorId).map((r) => [r.month, r.subscribers]),
      );
    }
    expect(comp.rows.filter((r: { subscribers: number }) => r.subscribers > 0)).toHaveLength(perCompetitor.length);
    expect(comp.total.subscribers).toBe((await distinct(from, to, [], toCompetitor))[0].subscribers);
    // A shorter period: its cells from its own months, its trend still the twelve months to its end (another pass).
    const spring = await get(`/reports/churn-to-competitors?from=${year}-03&to=${year}-05&region=${code}`);
    expect(sortBy(spring.rows.filter((r: { subscribers: number }) => r.subscribers > 0).map((r: { competitorId: string; subscribers: number }) => [r.competitorId, r.subscribers]))).toEqual(
      sortBy((await distinct(`${year}-03-01`, `${year}-06-01`, ['competitor_id'], toCompetitor)).map((r) => [r.competitor_id, r.subscribers])),
    );
    const springTrend = await distinct(`${Number(year) - 1}-06-01`, `${year}-06-01`, ['competitor_id', 'month'], toCompetitor);
    for (const row of spring.rows) {
      expect(row.trend.filter((t: { subscribers: number }) => t.subscribers).map((t: { month: string; subscribers: number }) => [t.month, t.subscribers])).toEqual(
        springTrend.filter((r) => r.competitor_id === row.competitorId).map((r) => [r.month, r.subscribers]),
      );
    }

    const reasons = await get(`/reports/churn-by-reason?${q}`);
    expect(reasons.rows.filter((r: { subscribers: number }) => r.subscribers).map((r: { reasonCode: string; subscribers: number }) => [r.reasonCode, r.subscribers]).sort()).toEqual(
      (await distinct(from, to, ['reason_code'])).map((r) => [r.reason_code, r.subscribers]).sort(),
    );

    // Key figures of this year to this month: the month of today is cut at today, and the year before at the same day.
    const kf = await get(`/reports/key-figures?from=${TEST_TODAY.slice(0, 4)}-01&to=${thisMonth}&region=${code}`);
    const { current, previous } = reportPeriodAsOf(`${TEST_TODAY.slice(0, 4)}-01`, thisMonth, TEST_TODAY);
    const announced = kf.figures.find((x: { key: string }) => x.key === 'announced_churn');
    const share = kf.figures.find((x: { key: string }) => x.key === 'new_subscriber_share');
    const [now, before] = [await distinct(current.start, current.end, []), await distinct(previous.start, previous.end, [])];
    const [nowNew, beforeNew] = [await distinct(current.start, current.end, [], 'is_new_subscriber'), await distinct(previous.start, previous.end, [], 'is_new_subscriber')];
    expect([announced.value, announced.previous]).toEqual([now[0].subscribers, before[0].subscribers]);
    expect(share.value).toBe(now[0].subscribers ? nowNew[0].subscribers / now[0].subscribers : null);
    expect(share.previous).toBe(before[0].subscribers ? beforeNew[0].subscribers / before[0].subscribers : null);
    // With a service, each subscriber who let that service go (leaver_count's rows of the service, not of the sets' first).
    const tv = await get(`/reports/key-figures?from=${TEST_TODAY.slice(0, 4)}-01&to=${thisMonth}&region=${code}&service=iptv`);
    const tvAnnounced = tv.figures.find((x: { key: string }) => x.key === 'announced_churn');
    const [tvNow, tvBefore] = [await distinct(current.start, current.end, [], `service = 'iptv'`), await distinct(previous.start, previous.end, [], `service = 'iptv'`)];
    expect([tvAnnounced.value, tvAnnounced.previous]).toEqual([tvNow[0].subscribers, tvBefore[0].subscribers]);

    const client = await api.pool.connect();
    try {
      const { drifted, kept } = await checkReportRollups(async (sql, params) => (await client.query(sql, params)).rows);
      expect(drifted).toEqual([]);
      return { comp, reasons, kf, multi: (kept.leaver_row as { subscriber_id: string; multi: boolean }[]).filter((r) => subs.includes(r.subscriber_id) && r.multi).length };
    } finally {
      client.release();
    }
  }

  it('counts each subscriber once per cell, month, reason and period through leaving twice, two groups, a cut month, updates and deletes', async () => {
    const [twice, both, twoGroups, partMonth, moved, fresh] = subs;
    const [a, b] = competitors;
    const at = (month: string, day = 10) => `${month}-${String(day).padStart(2, '0')}T12:00:00Z`;
    // Leaves twice in the year to the same competitor for the same reason: one subscriber of the competitor and the reason.
    await leave(twice, ['internet'], at(`${year}-01`), 'price_increase', a);
    const second = await leave(twice, ['iptv'], at(`${year}-03`), 'price_increase', a);
    // Both services in one request.
    await leave(both, ['internet', 'iptv'], at(`${year}-03`), 'price_increase', a, true);
    // Two groups in one month: another reason and competitor for the other service.
    await leave(twoGroups, ['internet'], at(`${year}-05`, 3), 'price_increase', a);
    const other = await leave(twoGroups, ['iptv'], at(`${year}-05`, 20), 'slow_speed', b);
    // Moved out of the coverage area (beside the competitors), and a new subscriber to an unnamed competitor.
    await leave(moved, ['internet'], at(`${year}-07`), 'move_out_of_coverage', null);
    await leave(fresh, ['internet', 'iptv'], at(`${year}-08`), 'price_increase', null, true);
    // This year: earlier in the year, in this month before today (a part month), and after today in this month.
    const thisYear = TEST_TODAY.slice(0, 4);
    await leave(partMonth, ['internet'], at(`${thisYear}-01`, 5), 'price_increase', a);
    await leave(partMonth, ['iptv'], `${TEST_TODAY}T00:30:00Z`, 'slow_speed', b, true);
    await leave(both, ['internet'], `${TEST_TODAY}T00:20:00Z`, 'slow_speed', a);
    const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await leave(twice, ['internet'], `${dayAfter(TEST_TODAY)}T06:00:00Z`, 'price_increase', a);
    // The same month a year before, on the same day (counted for the period before) and the day after (for neither).
    const sameDay = `${year}${TEST_TODAY.slice(4, 8)}${String(Math.min(Number(TEST_TODAY.slice(8)), 28)).padStart(2, '0')}`;
    await leave(moved, ['iptv'], `${sameDay}T00:10:00Z`, 'price_increase', null);
    await leave(fresh, ['iptv'], `${dayAfter(sameDay)}T00:10:00Z`, 'slow_speed', null, true);

    const first = await expectExact();
    const mine = (await api.pool.query(`SELECT count(*)::int AS n FROM leaver_row WHERE subscriber_id = ANY ($1::uuid[])`, [subs])).rows[0].n;
    expect(mine).toBeGreaterThanOrEqual(10);
    expect(first.multi).toBeGreaterThanOrEqual(6);
    const row = (id: string | null) => first.comp.rows.find((r: { competitorId: string | null }) => r.competitorId === id);
    expect(row(a).subscribers).toBe(3); // twice, both, twoGroups: once each
    expect(row(a).byService.find((s: { service: string }) => s.service === 'iptv').subscribers).toBe(2);
    expect(first.comp.total.subscribers).toBe(3);
    expect(first.comp.movedOutOfCoverage.subscribers).toBe(1);

    // A fact changes group (another reason and competitor), another goes (its request deleted), fees change.
    await api.pool.query(`UPDATE disconnect_request SET reason_code = 'price_increase', competitor_id = $2 WHERE id = $1`, [other, a]);
    await api.pool.query(`DELETE FROM disconnect_request WHERE id = $1`, [second]);
    await api.pool.query(`UPDATE disconnect_request SET service_fees = '{"internet": 21, "iptv": 8}' WHERE subscriber_id = $1`, [both]);
    const after = await expectExact();
    expect(after.comp.rows.find((r: { competitorId: string | null }) => r.competitorId === b)?.subscribers ?? 0).toBe(0);
    expect(after.comp.rows.find((r: { competitorId: string | null }) => r.competitorId === a).byService.find((s: { service: string }) => s.service === 'iptv').subscribers).toBe(2);
  });
});
