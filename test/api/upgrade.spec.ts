import { hashPassword } from '@retention/api-auth';
import { dataSourceOptions } from '@retention/api-core';
import { checkReportRollups } from '@retention/api-churn-data';
import { DEFAULT_CHURN_REASONS, DEFAULT_OFFERS } from '@retention/domain';
import { MIGRATIONS } from '@retention/migrations';
import { startApi, TEST_TODAY, TestApi } from '@retention/test-support';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Upgrades: a database made by the first released schema (the foundation and the disconnect requests, the
 * first two migrations), filled with data the way that version wrote it, is migrated step by step to the
 * newest schema; the data is carried over (what later migrations backfill is right) and the console works
 * on it afterwards.
 */
const FIRST_RELEASE = 2;
const dbName = `upgrade_${process.pid}`;

function urlOf(name: string): string {
  const u = new URL(process.env['DATABASE_URL'] as string);
  u.pathname = `/${name}`;
  return u.toString();
}

async function migrate(url: string, migrations: typeof MIGRATIONS): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url), migrations });
  await ds.initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** What the first release's demo held, written with that schema's columns and that version's rules. */
async function seedFirstRelease(db: Pool): Promise<void> {
  const today = TEST_TODAY;
  for (const [username, role, name] of [['operator', 'operator', 'Olena Kovalenko'], ['admin', 'admin', 'Andriy Melnyk'], ['executive', 'executive', 'Iryna Bondarenko']]) {
    await db.query(`INSERT INTO app_user (username, password_hash, role, display_name) VALUES ($1, $2, $3, $4)`, [username, await hashPassword(username), role, name]);
  }
  await db.query(`INSERT INTO region (code, name) VALUES ('kyiv', 'Kyiv'), ('lviv', 'Lviv')`);
  await db.query(`INSERT INTO service (code, name, usage_unit) VALUES ('internet', 'Internet', 'GB'), ('tv', 'Cable TV', 'hours')`);
  await db.query(`
    INSERT INTO tariff (code, service_id, name, monthly_price, speed_mbps, channels)
    SELECT 'inet-100', id, 'Internet 100', 250, 100, NULL FROM service WHERE code = 'internet'
    UNION ALL SELECT 'tv-basic', id, 'TV Basic', 150, NULL, 80 FROM service WHERE code = 'tv'`);
  await db.query(`INSERT INTO competitor (code, name) VALUES ('rival', 'Rival Telecom')`);
  await db.query(`
    INSERT INTO subscriber (account_number, full_name, phone, address, region_id, connected_on, contract_type, status, temperament, activity_segment)
    SELECT 'UP' || lpad(i::text, 6, '0'), 'Upgrade Subscriber ' || i, '+380 44 ' || lpad(i::text, 7, '0'), 'Street ' || i,
           (SELECT id FROM region WHERE code = CASE WHEN i % 2 = 0 THEN 'kyiv' ELSE 'lviv' END),
           $1::date - 30 * (i % 24 + 1), (ARRAY['month_to_month', '12m', '24m'])[i % 3 + 1], 'active',
           (ARRAY['choleric', 'sanguine', 'melancholic', 'phlegmatic'])[i % 4 + 1], (ARRAY['active', 'waiting', 'passive'])[i % 3 + 1]
      FROM generate_series(1, 40) AS i`, [today]);
  await db.query(`
    INSERT INTO subscription (subscriber_id, service_id, tariff_id, monthly_fee, started_on)
    SELECT s.id, t.service_id, t.id, t.monthly_price, s.connected_on FROM subscriber s, tariff t
     WHERE t.code = 'inet-100' OR (t.code = 'tv-basic' AND right(s.account_number, 1)::int % 2 = 0)`);
  await db.query(`INSERT INTO payment (subscriber_id, paid_on, amount) SELECT id, $1::date - 10, 250 FROM subscriber`, [today]);
  await db.query(`INSERT INTO survey_answer (subscriber_id, kind, score, answered_on) SELECT id, 'nps', right(account_number, 1)::int, $1::date - 20 FROM subscriber`, [today]);

  // That release's classifier: the reasons without the technical closures, "reason not found" unmanaged.
  const [{ id: version }] = (await db.query(`INSERT INTO classifier_version (version, note) VALUES (1, 'Shipped default') RETURNING id`)).rows;
  for (const [i, r] of DEFAULT_CHURN_REASONS.filter((r) => r.group !== 'closure').entries()) {
    await db.query(
      `INSERT INTO churn_reason (version_id, code, sort_order, reason_group, managed, implies_competitor, threshold, content) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [version, r.code, i + 1, r.group, r.code === 'other_unknown' ? false : r.managed, r.impliesCompetitor, r.threshold,
        JSON.stringify({ title: r.title, description: r.description, typicalPhrases: r.typicalPhrases, script: r.script, offerCodes: r.offerCodes })],
    );
  }
  for (const [i, o] of DEFAULT_OFFERS.entries()) {
    await db.query(
      `INSERT INTO offer (code, kind, discount_percent, months, monthly_cost, one_off_cost, min_tenure_months, min_monthly_revenue, reason_codes, content, sort_order)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [o.code, o.kind, o.discountPercent, o.months, o.monthlyCost, o.oneOffCost, o.minTenureMonths, o.minMonthlyRevenue, o.reasonCodes,
        JSON.stringify({ title: o.title, description: o.description }), i],
    );
  }

  // Requests as that version resolved them: a non-payment disconnection ended its subscriptions as
  // 'disconnected' and its subscriber as 'voluntary' (AddChurnKind corrects both).
  const request = async (account: string, kind: string, outcome: string | null, reason: string | null, daysAgo: number, competitor = false) => {
    const [s] = (await db.query(`SELECT id FROM subscriber WHERE account_number = $1`, [account])).rows;
    const services = ['internet'];
    const resolvedAt = `(($2::date - $3::int) + time '12:00') AT TIME ZONE 'UTC'`;
    const [{ id }] = (await db.query(
      `INSERT INTO disconnect_request (subscriber_id, services, all_services, channel, kind, status, outcome, reason_version_id, reason_code,
                                       competitor_id, resolved_at, resolved_by, mrr_at_risk, mrr_lost, is_new_subscriber, created_by, created_at)
       SELECT $1, $4::text[], true, 'phone', $5, CASE WHEN $6::text IS NULL THEN 'new' ELSE 'resolved' END, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE $7::int END, $8,
              CASE WHEN $9 THEN (SELECT id FROM competitor WHERE code = 'rival') END,
              CASE WHEN $6::text IS NULL THEN NULL ELSE ${resolvedAt} END, CASE WHEN $6::text IS NULL THEN NULL ELSE u.id END,
              250, CASE WHEN $6 = 'disconnected' THEN 250 ELSE 0 END, false, u.id, ${resolvedAt} - interval '1 hour'
         FROM app_user u WHERE u.username = 'operator'
       RETURNING id`,
      [s.id, today, daysAgo, services, kind, outcome, version, reason, competitor],
    )).rows;
    await db.query(`INSERT INTO request_event (request_id, action, to_status) VALUES ($1, 'create', 'new')`, [id]);
    if (outcome === 'disconnected') {
      await db.query(
        `UPDATE subscription x SET ended_on = $2::date - $3::int, end_reason = 'disconnected' FROM service v WHERE v.id = x.service_id AND v.code = 'internet' AND x.subscriber_id = $1`,
        [s.id, today, daysAgo]);
      await db.query(`UPDATE subscriber SET status = 'disconnected', disconnected_on = $2::date - $3::int, disconnect_kind = 'voluntary' WHERE id = $1`, [s.id, today, daysAgo]);
    }
    return id as string;
  };
  await request('UP000001', 'voluntary', 'disconnected', 'competitor_cheaper', 40, true);
  await request('UP000003', 'non_payment', 'disconnected', 'financial_hardship', 20);
  await request('UP000005', 'voluntary', 'retained', 'other_unknown', 10);
  await request('UP000007', 'voluntary', null, null, 0);
}

/** The roll-ups that differ from their recomputation (on one connection, as checkReportRollups needs). */
async function driftedRollups(db: Pool): Promise<string[]> {
  const client = await db.connect();
  try {
    return (await checkReportRollups(async (sql, params) => (await client.query(sql, params as unknown[])).rows)).drifted;
  } finally {
    client.release();
  }
}

describe('upgrade from the first released schema', () => {
  let admin: Pool;
  let db: Pool;
  let api: TestApi | undefined;

  beforeAll(async () => {
    admin = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    const [{ offset }] = (await admin.query(`SELECT current_setting('app.clock_offset_ms', true) AS offset`)).rows;
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    if (offset) await admin.query(`ALTER DATABASE ${dbName} SET app.clock_offset_ms = '${Number(offset)}'`);
    db = new Pool({ connectionString: urlOf(dbName), max: 2 });
  });
  afterAll(async () => {
    await api?.close();
    await db?.end();
    // A connection the closed API still winds down (a job queue's pool ending on a loaded machine) would be killed by
    // FORCE and fail this spec with "terminating connection due to administrator command": let it end first.
    for (let waited = 0; waited < 15_000; waited += 250) {
      const { rows: [{ n }] } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [dbName]);
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('migrates a database of the first release with its data, step by step, to the newest schema', async () => {
    expect(await migrate(urlOf(dbName), MIGRATIONS.slice(0, FIRST_RELEASE))).toHaveLength(FIRST_RELEASE);
    await seedFirstRelease(db);

    const ran = await migrate(urlOf(dbName), MIGRATIONS);
    expect(ran).toEqual(MIGRATIONS.slice(FIRST_RELEASE).map((m) => new m().name));
    expect(await migrate(urlOf(dbName), MIGRATIONS)).toEqual([]);

    // Backfills: the request's region, churn facts with the kind of ending and where the subscriber went.
    const facts = (await db.query(
      `SELECT s.account_number, f.kind, f.destination, f.managed FROM churn_fact f JOIN subscriber s ON s.id = f.subscriber_id ORDER BY 1`)).rows;
    expect(facts).toEqual([
      { account_number: 'UP000001', kind: 'voluntary', destination: 'competitor', managed: true },
      { account_number: 'UP000003', kind: 'non_payment', destination: 'unknown', managed: expect.any(Boolean) },
    ]);
    expect((await db.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE region_id IS NULL`)).rows[0].n).toBe(0);
    const nonPayment = (await db.query(
      `SELECT s.disconnect_kind, x.end_reason FROM subscriber s JOIN subscription x ON x.subscriber_id = s.id WHERE s.account_number = 'UP000003'`)).rows;
    expect(nonPayment).toEqual([{ disconnect_kind: 'non_payment', end_reason: 'non_payment' }]);
    // "Reason not found" counts as managed from a new classifier version on.
    const [latest] = (await db.query(
      `SELECT r.managed FROM churn_reason r WHERE r.code = 'other_unknown' AND r.version_id = (SELECT max(id) FROM classifier_version)`)).rows;
    expect(latest.managed).toBe(true);
    // The report roll-ups the later migrations built equal their recomputation.
    expect(await driftedRollups(db)).toEqual([]);
  });

  it('serves the console on the upgraded database', async () => {
    api = await startApi({ DATABASE_URL: urlOf(dbName) });
    const operator = `Bearer ${await api.token('operator')}`;
    const executive = `Bearer ${await api.token('executive')}`;
    const adminToken = `Bearer ${await api.token('admin')}`;

    const found = await api.http().get('/api/subscribers?search=UP000009').set('Authorization', operator).expect(200);
    expect(found.body.items.map((s: { accountNumber: string }) => s.accountNumber)).toEqual(['UP000009']);
    const queue = await api.http().get('/api/disconnect-requests').set('Authorization', operator).expect(200);
    expect(queue.body.items.map((r: { accountNumber: string }) => r.accountNumber)).toEqual(['UP000007']);

    const created = await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: 'UP000009', channel: 'phone', services: ['internet'] }).expect(201);
    await api.http().post(`/api/disconnect-requests/${created.body.id}/claim`).set('Authorization', operator).expect(200);
    const resolved = await api.http().post(`/api/disconnect-requests/${created.body.id}/resolve`).set('Authorization', operator)
      .send({ outcome: 'disconnected', reasonCode: 'move_out_of_coverage' }).expect(200);
    expect(resolved.body.mrrLost).toBe(250);

    const month = TEST_TODAY.slice(0, 7);
    const figures = await api.http().get(`/api/reports/churn-by-reason?from=${month}&to=${month}`).set('Authorization', executive).expect(200);
    expect(JSON.stringify(figures.body)).toContain('move_out_of_coverage');
    await api.http().get('/api/users').set('Authorization', adminToken).expect(200);
    expect(await driftedRollups(db)).toEqual([]);
  });
});
