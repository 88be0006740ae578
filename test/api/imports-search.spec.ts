import { addDays } from '@retention/domain';
import { startApi, TestApi, TEST_TODAY } from '@retention/test-support';

/**
 * An import's subscribers are found by search as soon as the import says completed, every way an operator
 * types them: name parts in either order and in the other script, phone in another format, address, account
 * number. New subscribers' terms are written by the insert's statement trigger, renamed ones' by the update's,
 * both inside the import's transaction; the terms held are exactly the subscribers' own.
 */
// Below the demo accounts (A and seven digits) and the other suites' letters: suites that pick the first or last
// accounts in order never pick these.
const P = `0Q${process.pid % 100000}`;
const acct = (n: number) => `${P}-${String(n).padStart(3, '0')}`;
/** Letters made of this process's id: names no other suite has, whatever runs beside this one. */
const TAG = String(process.pid % 100000).replace(/\d/g, (d) => 'bdfklmnprt'[Number(d)]);
const PHONE = String(process.pid % 100000).padStart(5, '0');
const day = (n: number) => addDays(TEST_TODAY, -n);

describe('an import’s subscribers in search', () => {
  let api: TestApi;
  let admin: string;
  let operator: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.token('admin');
    operator = await api.token('operator');
  });
  afterAll(() => api?.close());

  const header = 'account_number,full_name,region,connected_on,contract_type,status,phone,address';
  const importFile = async (rows: string[]) =>
    (
      await api
        .http()
        .post('/api/imports?kind=subscribers')
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'text/csv')
        .send([header, ...rows].join('\n'))
        .expect(201)
    ).body;
  const found = async (search: string) =>
    (
      await api
        .http()
        .get(`/api/subscribers?search=${encodeURIComponent(search)}&limit=200`)
        .set('Authorization', `Bearer ${operator}`)
        .expect(200)
    ).body.items.map((i: { accountNumber: string }) => i.accountNumber);
  /** Terms held for the accounts that the one-subscriber definition would not give, and the reverse. */
  const drift = async (accounts: string[]) =>
    (
      await api.pool.query(
        `WITH own AS (SELECT t AS term, account_number FROM subscriber, unnest(subscriber_search_terms(account_number, full_name, phone, address)) t
                       WHERE account_number = ANY ($1)),
              held AS (SELECT term, account_number FROM subscriber_search_term WHERE account_number = ANY ($1))
         SELECT (SELECT count(*) FROM (SELECT * FROM own EXCEPT SELECT * FROM held) a)::int AS missing,
                (SELECT count(*) FROM (SELECT * FROM held EXCEPT SELECT * FROM own) b)::int AS extra,
                (SELECT count(*) FROM held)::int AS held`,
        [accounts],
      )
    ).rows[0];

  it('finds each imported subscriber by name parts, phone, address and account right after the import', async () => {
    const result = await importFile([
      `${acct(1)},Ярина Вербицька${TAG},north,${day(400)},12m,active,+38 (067) 10${PHONE}-0,"вул. Хрещатик${TAG} 12, кв. 5"`,
      `${acct(2)},Oleksii Horobets${TAG},centre,${day(300)},month_to_month,active,0501${PHONE}77,"14 Sea${TAG} Road, Flat 3, Odesa"`,
      `${acct(3)},Ієва Щербак${TAG} Петрівна,south,${day(200)},24m,active,,`,
    ]);
    expect(result).toMatchObject({ status: 'completed', rowsRead: 3, rowsWritten: 3, errors: [] });

    // Name parts, either order, the other script, a prefix of the last word.
    expect(await found(`Вербицька${TAG}`)).toEqual([acct(1)]);
    expect(await found(`Verbytska${TAG} Yaryna`)).toEqual([acct(1)]);
    expect(await found(`Ярина Вербицька${TAG.slice(0, 2)}`)).toContain(acct(1));
    expect(await found(`Горобець${TAG}`)).toEqual([acct(2)]);
    expect(await found(`horobets${TAG} oleks`)).toEqual([acct(2)]);
    expect(await found(`Ieva Shcherbak${TAG}`)).toEqual([acct(3)]);
    expect(await found(`Shcherbak${TAG} Petrivna`)).toEqual([acct(3)]);
    // Phone typed in another format (its last digits).
    expect(await found(`067 10 ${PHONE} 0`)).toContain(acct(1));
    expect(await found(`+380501${PHONE}77`)).toContain(acct(2));
    // Address: a street part, a later part.
    expect(await found(`Хрещатик${TAG}`)).toEqual([acct(1)]);
    expect(await found(`khreshchatyk${TAG} 12`)).toEqual([acct(1)]);
    expect(await found(`Sea${TAG} Road`)).toEqual([acct(2)]);
    expect(await found(`14 sea${TAG} road flat 3`)).toEqual([acct(2)]);
    // Account number.
    for (const n of [1, 2, 3]) expect(await found(acct(n))).toEqual([acct(n)]);

    expect(await drift([acct(1), acct(2), acct(3)])).toEqual({ missing: 0, extra: 0, held: expect.any(Number) });
  });

  it('moves the terms of subscribers an import renames and writes those of the new ones in the same import', async () => {
    await importFile([`${acct(11)},Taras Dovbush${TAG},north,${day(100)},12m,active,,"1 Mill${TAG} Lane"`]);
    expect(await found(`Dovbush${TAG}`)).toEqual([acct(11)]);
    const result = await importFile([
      `${acct(11)},Taras Hordiienko${TAG},north,${day(100)},12m,active,,"2 Well${TAG} Lane"`,
      `${acct(12)},Мирослава Гайова${TAG},centre,${day(50)},24m,active,,`,
    ]);
    expect(result).toMatchObject({ status: 'completed', rowsRead: 2, rowsWritten: 2 });
    expect(await found(`Dovbush${TAG}`)).toEqual([]);
    expect(await found(`Mill${TAG}`)).toEqual([]);
    expect(await found(`Гордієнко${TAG}`)).toEqual([acct(11)]);
    expect(await found(`Well${TAG} lane`)).toEqual([acct(11)]);
    expect(await found(`Haiova${TAG} Myroslava`)).toEqual([acct(12)]);
    expect(await drift([acct(11), acct(12)])).toEqual({ missing: 0, extra: 0, held: expect.any(Number) });
  });

  it('builds the terms’ key afresh after a statement that at least doubles the subscribers, with the same terms', async () => {
    const key = async () => (await api.pool.query<{ oid: number }>(`SELECT 'pk_subscriber_search_term'::regclass::oid::int AS oid`)).rows[0].oid;
    const bulk = (n: number) => `${P}-B${String(n).padStart(5, '0')}`;
    const count = 10_000;
    const before = await key();
    // Every 50th row a name and address of the hard kinds (the other script, repeated words, runs of spaces and
    // punctuation, empty and numeric parts, letters the fold rewrites): the bulk statement's terms must be the
    // one-subscriber definition's for them too.
    const tricky: [string, string][] = [
      [`Ієва-Їжак${TAG}  Щербак`, `вул. Хрещатик${TAG}, 12, , кв. 5`],
      [`Anna Anna${TAG} Anna`, `Anna${TAG} Street,Anna${TAG} Street`],
      [`O'Kheffe${TAG} — Xenia  (Ksenia)`, `  ,12,Box ${TAG}-7 ,`],
      [`Ёлка Юлия${TAG} ЖУК`, `пр-т Ґалицький${TAG} 1/2; корп. ІІ`],
      [`Iie iiie${TAG} ie.ie`, `ie${TAG} ii, 33 44, jw gy`],
      [`Łukasz Żółć${TAG} Müller`, `Straße${TAG} 5, Łódź`],
      [`... ${TAG} ---`, `-,—,${TAG}`],
    ];
    const csv = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const result = await importFile(
      Array.from({ length: count }, (_, i) => {
        const [name, address] = i % 50 === 7 ? tricky[Math.floor(i / 50) % tricky.length] : [`Bulk${TAG} Person${i}`, `${i} Bulk${TAG} Street, Flat ${i % 90}`];
        return `${bulk(i)},${csv(name)},north,${day(30)},12m,active,+38050${PHONE}${String(i).padStart(5, '0')},${csv(address)}`;
      }),
    );
    expect(result).toMatchObject({ status: 'completed', rowsRead: count, rowsWritten: count, errors: [] });
    // The 400 demo subscribers and the other suites' are fewer than these: the key was dropped and built again.
    const rebuilt = await key();
    expect(rebuilt).not.toBe(before);
    expect(await drift(Array.from({ length: count }, (_, i) => bulk(i)))).toEqual({ missing: 0, extra: 0, held: expect.any(Number) });
    expect(await found(`Person123 Bulk${TAG}`)).toEqual([bulk(123)]);
    expect(await found(`bulk${TAG} person9999`)).toEqual([bulk(9999)]);
    expect(await found(bulk(4567))).toEqual([bulk(4567)]);

    // A statement of a few subscribers inserts into the key as it is.
    await importFile([`${acct(21)},Small${TAG} Import,north,${day(10)},12m,active,,`]);
    expect(await key()).toBe(rebuilt);
    expect(await found(`Small${TAG} Import`)).toEqual([acct(21)]);

    // A statement of many subscribers, fewer than there are, computes its terms in the work tables and inserts
    // them into the key as it is.
    await api.pool.query('ANALYZE subscriber');
    const more = (n: number) => `${P}-M${String(n).padStart(5, '0')}`;
    const again = await importFile(
      Array.from({ length: count }, (_, i) => {
        const [name, address] = i % 50 === 9 ? tricky[Math.floor(i / 50) % tricky.length] : [`More${TAG} Person${i}`, `${i} More${TAG} Road, Flat ${i % 70}`];
        return `${more(i)},${csv(name)},south,${day(20)},12m,active,+38067${PHONE}${String(i).padStart(5, '0')},${csv(address)}`;
      }),
    );
    expect(again).toMatchObject({ status: 'completed', rowsWritten: count, errors: [] });
    expect(await key()).toBe(rebuilt);
    expect(await drift(Array.from({ length: count }, (_, i) => more(i)))).toEqual({ missing: 0, extra: 0, held: expect.any(Number) });
    expect(await found(`Person77 More${TAG}`)).toEqual([more(77)]);
    const { rows: left } = await api.pool.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'search\\_term\\_%'`);
    expect(left[0].n).toBe(0);
  });
});
