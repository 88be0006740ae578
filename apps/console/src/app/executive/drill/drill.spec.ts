import { drillParams, subscriberDrillParams } from './drill';

describe('drillParams', () => {
  it('passes the period, the filters and the page', () => {
    expect(drillParams({ from: '2026-08', to: '2026-10', region: 'west' }, { competitorId: 'c1' }, 25, 50)).toEqual({
      from: '2026-08',
      to: '2026-10',
      region: 'west',
      competitorId: 'c1',
      limit: '25',
      offset: '50',
    });
  });

  it('sends flags as "true" and leaves the unset ones out', () => {
    expect(drillParams({ from: '2026-10', to: '2026-10' }, { unknownCompetitor: true, newSubscribers: true }, 25, 0)).toEqual({
      from: '2026-10',
      to: '2026-10',
      unknownCompetitor: 'true',
      newSubscribers: 'true',
      limit: '25',
      offset: '0',
    });
  });

  it('lets the clicked service override the report’s service', () => {
    const p = drillParams({ from: '2026-10', to: '2026-10', service: 'iptv' }, { service: 'internet', churnType: 'managed' }, 25, 0);
    expect(p['service']).toBe('internet');
    expect(p['churnType']).toBe('managed');
  });

  it('widens the period to a month from the 12-month trend that lies outside it', () => {
    const p = drillParams({ from: '2026-10', to: '2026-10' }, { competitorId: 'c1', month: '2026-02' }, 25, 0);
    expect(p).toMatchObject({ from: '2026-02', to: '2026-10', month: '2026-02' });
  });
});

describe('subscriberDrillParams', () => {
  it('passes the period, its filters, the figure with its narrowing and the page', () => {
    expect(subscriberDrillParams({ from: '2026-08', to: '2026-10', service: 'internet', region: 'west' }, { figure: 'saves', saveState: 'pending' }, 25, 50)).toEqual({
      from: '2026-08',
      to: '2026-10',
      figure: 'saves',
      service: 'internet',
      region: 'west',
      saveState: 'pending',
      limit: '25',
      offset: '50',
    });
  });

  it('takes a risk segment narrowing as the API gave it, without letting it move the period or the figure', () => {
    const segment = { figure: 'nps', from: '2020-01', to: '2020-01', region: 'east', contractType: 'month_to_month', spendAbove: '30', spendTo: '60' };
    expect(subscriberDrillParams({ from: '2026-08', to: '2026-10', region: 'west' }, { figure: 'left', segment }, 10, 0)).toEqual({
      from: '2026-08',
      to: '2026-10',
      figure: 'left',
      region: 'east',
      contractType: 'month_to_month',
      spendAbove: '30',
      spendTo: '60',
      limit: '10',
      offset: '0',
    });
  });
});
