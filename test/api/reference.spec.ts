import { startApi, TestApi } from '@retention/test-support';

describe('reference data', () => {
  let api: TestApi;
  let admin: string;
  let operator: string;
  beforeAll(async () => {
    api = await startApi();
    admin = `Bearer ${await api.token('admin')}`;
    operator = `Bearer ${await api.token('operator')}`;
  });
  afterAll(() => api.close());

  it('lists regions, services and competitors with their tariffs', async () => {
    const regions = await api.http().get('/api/regions').set('Authorization', operator).expect(200);
    expect(regions.body.length).toBeGreaterThanOrEqual(3);
    const services = await api.http().get('/api/services').set('Authorization', operator).expect(200);
    expect(services.body.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['internet']));
    expect(services.body.length).toBeGreaterThanOrEqual(3);
    const competitors = await api.http().get('/api/competitors').set('Authorization', operator).expect(200);
    expect(competitors.body.length).toBeGreaterThanOrEqual(4);
    expect(competitors.body[0].tariffs[0]).toMatchObject({ regionCode: expect.any(String), serviceCode: expect.any(String), monthlyPrice: expect.any(Number) });
  });

  it('an admin adds a competitor and its tariff in a region, and removes the tariff', async () => {
    const [region] = (await api.http().get('/api/regions').set('Authorization', admin)).body;
    await api.http().post('/api/competitors').set('Authorization', admin)
      .send({ code: 'testnet', name: 'TestNet', strengths: 'Cheap', weaknesses: 'Slow support' }).expect(201);
    const withTariff = await api.http().post('/api/competitors/testnet/tariffs').set('Authorization', admin)
      .send({ regionCode: region.code, serviceCode: 'internet', name: 'Test 500', monthlyPrice: 199.9, speedMbps: 500 }).expect(201);
    expect(withTariff.body.tariffs).toHaveLength(1);
    expect(withTariff.body.tariffs[0]).toMatchObject({ regionCode: region.code, monthlyPrice: 199.9, speedMbps: 500 });
    const removed = await api.http().delete(`/api/competitors/testnet/tariffs/${withTariff.body.tariffs[0].id}`).set('Authorization', admin).expect(200);
    expect(removed.body.tariffs).toHaveLength(0);
    await api.http().post('/api/competitors').set('Authorization', admin).send({ code: 'testnet', name: 'Again' }).expect(409);
  });

  it('names an unknown region or service in a competitor tariff as a field error', async () => {
    const res = await api.http().post('/api/competitors/testnet/tariffs').set('Authorization', admin)
      .send({ regionCode: 'atlantis', serviceCode: 'internet', name: 'X', monthlyPrice: 1 }).expect(400);
    expect(res.body.fields[0].field).toBe('regionCode');
  });

  it('updates a tariff price and refuses a negative one', async () => {
    const tariffs = (await api.http().get('/api/tariffs').set('Authorization', admin)).body;
    const t = tariffs[0];
    const updated = await api.http().put(`/api/tariffs/${t.code}`).set('Authorization', admin)
      .send({ code: t.code, name: t.name, serviceCode: t.serviceCode, monthlyPrice: t.monthlyPrice + 10 }).expect(200);
    expect(updated.body.monthlyPrice).toBeCloseTo(t.monthlyPrice + 10, 2);
    const bad = await api.http().put(`/api/tariffs/${t.code}`).set('Authorization', admin)
      .send({ code: t.code, name: t.name, serviceCode: t.serviceCode, monthlyPrice: -1 }).expect(400);
    expect(bad.body.fields[0].field).toBe('monthlyPrice');
  });

  it('keeps a name in Russian and Ukrainian: the demo\'s from the start, an admin\'s on create and update', async () => {
    const services = (await api.http().get('/api/services').set('Authorization', operator).expect(200)).body;
    expect(services.find((s: { code: string }) => s.code === 'internet')).toMatchObject({
      name: 'Home internet',
      names: { ru: 'Домашний интернет', uk: 'Домашній інтернет' },
    });
    const code = `i18n_${Date.now().toString(36)}`;
    const created = await api.http().post('/api/regions').set('Authorization', admin)
      .send({ code, name: 'Lakeside', names: { ru: ' Приозёрье ', uk: '' } }).expect(201);
    expect(created.body.names).toEqual({ ru: 'Приозёрье' });
    // An update without names keeps them (as the console's on/off switch sends it); with names, replaces them.
    const kept = await api.http().put(`/api/regions/${code}`).set('Authorization', admin).send({ code, name: 'Lakeside', active: false }).expect(200);
    expect(kept.body).toMatchObject({ active: false, names: { ru: 'Приозёрье' } });
    const replaced = await api.http().put(`/api/regions/${code}`).set('Authorization', admin)
      .send({ code, name: 'Lakeside', names: { ru: 'Озёрный край', uk: 'Озерний край' } }).expect(200);
    expect(replaced.body.names).toEqual({ ru: 'Озёрный край', uk: 'Озерний край' });
    const listed = (await api.http().get('/api/regions').set('Authorization', operator)).body.find((r: { code: string }) => r.code === code);
    expect(listed.names).toEqual({ ru: 'Озёрный край', uk: 'Озерний край' });
  });

  it('refuses a translation that is too long or not text, naming the field, and writes nothing', async () => {
    const code = `i18n_bad_${Date.now().toString(36)}`;
    const long = await api.http().post('/api/services').set('Authorization', admin)
      .send({ code, name: 'Satellite', names: { ru: 'я'.repeat(121) } }).expect(400);
    expect(long.body.fields[0].field).toBe('names.ru');
    const notText = await api.http().post('/api/services').set('Authorization', admin)
      .send({ code, name: 'Satellite', names: { uk: 5 } }).expect(400);
    expect(notText.body.fields[0].field).toBe('names.uk');
    const unknown = await api.http().post('/api/services').set('Authorization', admin)
      .send({ code, name: 'Satellite', names: { de: 'Satellit' } }).expect(400);
    expect(unknown.body.fields[0].field).toMatch(/^names/);
    const services = (await api.http().get('/api/services').set('Authorization', admin)).body;
    expect(services.some((s: { code: string }) => s.code === code)).toBe(false);
  });
});
