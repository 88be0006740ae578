import { retentionEconomics } from './economics';

describe('retention economics (docs/methodology.md, "Retention economics")', () => {
  it('worked example: 10 saves for 800 against 120 a new subscriber, 9,520 of revenue kept', () => {
    // Offers 500; 20 hours of the desk at 15 an hour = 300; cost of saves 800, 80 a save.
    // The saved pay 200 a month; a 47.6-month lifetime keeps 9,520. Acquiring their internet anew: 10 × 120.
    expect(retentionEconomics({
      saves: 10, offerCost: 500, staffHours: 20, staffCostPerHour: 15,
      monthlyRevenueSaved: 200, expectedLifetimeMonths: 47.6, acquisitionCostOfSaved: 1200,
    })).toEqual({
      staffCost: 300, costOfSaves: 800, revenueSaved: 9520, costPerSave: 80, costPerAcquisition: 120,
      returnOnSaves: 11.9, keepingPaysBetter: true,
    });
  });

  it('acquiring pays better when a save costs more than a new subscriber', () => {
    const e = retentionEconomics({
      saves: 2, offerCost: 300, staffHours: 4, staffCostPerHour: 25,
      monthlyRevenueSaved: 40, expectedLifetimeMonths: 10, acquisitionCostOfSaved: 300,
    });
    // (300 + 100) / 2 = 200 a save against 150 an acquisition.
    expect(e).toMatchObject({ costOfSaves: 400, costPerSave: 200, costPerAcquisition: 150, revenueSaved: 400, returnOnSaves: 1, keepingPaysBetter: false });
  });

  it('no saves: no cost per save and no verdict', () => {
    const e = retentionEconomics({
      saves: 0, offerCost: 0, staffHours: 3, staffCostPerHour: 20,
      monthlyRevenueSaved: 0, expectedLifetimeMonths: 30, acquisitionCostOfSaved: 0,
    });
    expect(e).toMatchObject({ staffCost: 60, costOfSaves: 60, costPerSave: null, costPerAcquisition: null, returnOnSaves: 0, keepingPaysBetter: null });
  });

  it('no verdict while the cost of acquiring a saved service is not known', () => {
    const e = retentionEconomics({
      saves: 3, offerCost: 30, staffHours: 1, staffCostPerHour: 30,
      monthlyRevenueSaved: 90, expectedLifetimeMonths: 20, acquisitionCostOfSaved: null,
    });
    expect(e).toMatchObject({ costPerSave: 20, costPerAcquisition: null, keepingPaysBetter: null, revenueSaved: 1800 });
  });
});
