import {
  assessScheme,
  BonusScheme,
  DEFAULT_BONUS_CAP_SHARE,
  DEFAULT_BONUS_SCHEME,
  deferredRelease,
  operatorBonus,
  salesBonus,
} from './bonus';

const scheme: BonusScheme = {
  targetSaveRate: 0.3,
  perPointAbove: 150,
  savedRevenueShare: 0.25,
  capShare: 0.15,
  planExceededCut: 0.5,
  deferredShare: 0.4,
  salesBonus6m: 150,
  salesBonus12m: 300,
};

describe('operatorBonus', () => {
  it('worked example: 14 saves of 40 (35 %) keeping 2,400 a month, salary 20,000, plan kept', () => {
    // 5 points × 150 = 750; 25 % × 2,400 = 600; gross 1,350 under the cap of 3,000; 40 % deferred.
    expect(operatorBonus({ handled: 40, saved: 14, savedRevenue: 2400, salary: 20000, planExceeded: false }, scheme)).toEqual({
      saveRate: 0.35, targetReached: true, pointsAbove: 5, ratePart: 750, revenuePart: 600, gross: 1350,
      planCut: 0, cap: 3000, capCut: 0, earned: 1350, deferred: 540, paidNow: 810,
    });
  });

  it('the team exceeded its churn plan: half of the gross is cut', () => {
    const b = operatorBonus({ handled: 40, saved: 14, savedRevenue: 2400, salary: 20000, planExceeded: true }, scheme);
    expect([b.gross, b.planCut, b.earned, b.deferred, b.paidNow]).toEqual([1350, 675, 675, 270, 405]);
  });

  it('the cap: 20 saves of 40 (50 %) keeping 9,000, salary 20,000: 3,000 + 2,250 = 5,250 capped at 15 % = 3,000', () => {
    const b = operatorBonus({ handled: 40, saved: 20, savedRevenue: 9000, salary: 20000, planExceeded: false }, scheme);
    expect([b.pointsAbove, b.ratePart, b.revenuePart, b.gross, b.cap, b.capCut, b.earned]).toEqual([20, 3000, 2250, 5250, 3000, 2250, 3000]);
  });

  it('the cap applies after the plan cut: 5,250 − 2,625 = 2,625 stays under 3,000', () => {
    const b = operatorBonus({ handled: 40, saved: 20, savedRevenue: 9000, salary: 20000, planExceeded: true }, scheme);
    expect([b.planCut, b.capCut, b.earned]).toEqual([2625, 0, 2625]);
  });

  it('below the target nothing is paid, however much revenue was saved', () => {
    const b = operatorBonus({ handled: 40, saved: 11, savedRevenue: 5000, salary: 20000, planExceeded: false }, scheme);
    expect([b.saveRate, b.targetReached, b.pointsAbove, b.gross, b.earned]).toEqual([0.275, false, 0, 0, 0]);
  });

  it('exactly at the target pays the revenue part only (12 of 40 = 30 %)', () => {
    const b = operatorBonus({ handled: 40, saved: 12, savedRevenue: 2000, salary: 20000, planExceeded: false }, scheme);
    expect([b.targetReached, b.ratePart, b.revenuePart, b.earned]).toEqual([true, 0, 500, 500]);
  });

  it('no requests: no save rate and no bonus; no salary: no cap', () => {
    expect(operatorBonus({ handled: 0, saved: 0, savedRevenue: 0, salary: null, planExceeded: false }, scheme)).toMatchObject({ saveRate: null, earned: 0, cap: null });
    expect(operatorBonus({ handled: 10, saved: 10, savedRevenue: 100000, salary: null, planExceeded: false }, scheme).capCut).toBe(0);
  });

  it('the default cap is 15 % of salary', () => {
    expect(DEFAULT_BONUS_CAP_SHARE).toBe(0.15);
    expect(DEFAULT_BONUS_SCHEME.capShare).toBe(0.15);
  });
});

describe('deferredRelease', () => {
  it('worked example: 540 deferred; saves keeping 1,000, 800 and 600; the 800 one left before 3 months', () => {
    // Half due: 270; paid 270 × 1,600 / 2,400 = 180; clawed back 270 × 800 / 2,400 = 90.
    expect(deferredRelease(540, [{ revenue: 1000, connected: true }, { revenue: 800, connected: false }, { revenue: 600, connected: true }]))
      .toEqual({ paid: 180, clawedBack: 90, pending: 0 });
  });

  it('all stayed: the half is paid in full; all left: all of it is clawed back', () => {
    expect(deferredRelease(540, [{ revenue: 1000, connected: true }])).toEqual({ paid: 270, clawedBack: 0, pending: 0 });
    expect(deferredRelease(540, [{ revenue: 1000, connected: false }, { revenue: 10, connected: false }])).toEqual({ paid: 0, clawedBack: 270, pending: 0 });
  });

  it('a check day still to come is pending, neither paid nor clawed back', () => {
    expect(deferredRelease(100, [{ revenue: 300, connected: null }, { revenue: 100, connected: true }])).toEqual({ paid: 12.5, clawedBack: 0, pending: 37.5 });
  });

  it('saves without revenue weigh the same; nothing deferred releases nothing', () => {
    expect(deferredRelease(100, [{ revenue: 0, connected: true }, { revenue: 0, connected: false }])).toEqual({ paid: 25, clawedBack: 25, pending: 0 });
    expect(deferredRelease(0, [{ revenue: 10, connected: true }])).toEqual({ paid: 0, clawedBack: 0, pending: 0 });
  });
});

describe('salesBonus', () => {
  it('worked example: 8 stayed 6 months, 5 stayed 12: 1,200 + 1,500 = 2,700 capped at 15 % of 15,000 = 2,250', () => {
    expect(salesBonus({ stayed6m: 8, stayed12m: 5, salary: 15000 }, scheme)).toEqual({
      part6m: 1200, part12m: 1500, gross: 2700, cap: 2250, capCut: 450, earned: 2250,
    });
  });

  it('under the cap it is paid in full; nobody stayed, nothing is paid', () => {
    expect(salesBonus({ stayed6m: 4, stayed12m: 1, salary: 15000 }, scheme).earned).toBe(900);
    expect(salesBonus({ stayed6m: 0, stayed12m: 0, salary: 15000 }, scheme).earned).toBe(0);
  });
});

describe('assessScheme', () => {
  it("the methodology's bad example: 40 per point above target, nothing for revenue, salary 10,000: a good month pays 200 (2 %)", () => {
    const bad: BonusScheme = { ...scheme, perPointAbove: 40, savedRevenueShare: 0 };
    const a = assessScheme(bad, { salary: 10000, handled: 100, revenuePerSave: 300 });
    expect([a.bonusAtTarget, a.bonusGoodMonth, a.goodMonthShareOfSalary]).toEqual([0, 200, 0.02]);
    expect(a.warnings).toEqual([{ code: 'worthless', share: 0.02 }]);
  });

  it('a scheme that matters: 100 requests at 35 % keeping 300 each, salary 20,000 pays 750 + 2,625 = 3,375, capped at 3,000 (15 %)', () => {
    const a = assessScheme(scheme, { salary: 20000, handled: 100, revenuePerSave: 300 });
    // At target: 30 saves × 300 × 25 % = 2,250 (11.25 %).
    expect([a.bonusAtTarget, a.bonusAtTargetShareOfSalary, a.bonusGoodMonth, a.goodMonthShareOfSalary]).toEqual([2250, 0.1125, 3000, 0.15]);
    expect(a.warnings).toEqual([]);
  });

  it('names a cap under 5 %, a scheme blind to the plan, nothing deferred and no longevity bonus for sales', () => {
    const a = assessScheme(
      { ...scheme, capShare: 0.03, planExceededCut: 0, deferredShare: 0, salesBonus6m: 0, salesBonus12m: 0 },
      { salary: 20000, handled: 100, revenuePerSave: 300 },
    );
    expect(a.warnings.map((w) => w.code)).toEqual(['worthless', 'cap_below_worthless', 'not_tied_to_plan', 'nothing_deferred', 'no_sales_longevity']);
    expect(a.goodMonthShareOfSalary).toBe(0.03);
  });
});
