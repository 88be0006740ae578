import { OfferDefinition, offerCost, operatorDiscountLimit, rankOffers } from './offers';

const t = (s: string) => ({ en: s, ru: s, uk: s });
const offer = (o: Partial<OfferDefinition> & Pick<OfferDefinition, 'code'>): OfferDefinition => ({
  kind: 'discount',
  discountPercent: null,
  months: null,
  monthlyCost: 0,
  oneOffCost: 0,
  minTenureMonths: 0,
  minMonthlyRevenue: 0,
  reasonCodes: null,
  title: t(o.code),
  description: t(o.code),
  ...o,
});

const d10 = offer({ code: 'discount_10_3m', discountPercent: 10, months: 3 });
const d30 = offer({ code: 'discount_30_6m', discountPercent: 30, months: 6, minTenureMonths: 12 });
const pause = offer({ code: 'pause', kind: 'pause', months: 2, monthlyCost: 20 });
const visit = offer({ code: 'technician_visit', kind: 'technician_visit', oneOffCost: 350, reasonCodes: ['slow_speed'] });

describe('offer cost', () => {
  it('a 10% discount for 3 months on a 500 fee costs 150', () => {
    expect(offerCost(d10, 500)).toBe(150);
  });
  it('a pause costs its running cost per month', () => {
    expect(offerCost(pause, 500)).toBe(40);
  });
  it('a visit costs its one-off cost whatever the fee', () => {
    expect(offerCost(visit, 900)).toBe(350);
  });
});

describe('discount authority by lifetime value', () => {
  it.each([
    [0, 10],
    [7_999, 10],
    [8_000, 20],
    [19_999, 20],
    [20_000, 30],
  ])('LTV %d lets an operator give %d%% alone', (ltv, pct) => {
    expect(operatorDiscountLimit(ltv)).toBe(pct);
  });
});

describe('ranking the offers for a subscriber', () => {
  const ctx = { reasonCode: 'price_increase', reasonOfferCodes: ['pause', 'discount_30_6m', 'discount_10_3m'], monthlyRevenue: 500 };

  it('follows the reason chain and puts ineligible offers last', () => {
    const ranked = rankOffers([d10, d30, pause, visit], { ...ctx, tenureMonths: 6, ltv: 3000 });
    expect(ranked.map((r) => r.code)).toEqual(['pause', 'discount_10_3m', 'discount_30_6m']);
    expect(ranked[2]).toMatchObject({ eligible: false, ineligibleBecause: ['tenure'] });
  });

  it('drops offers reserved for other reasons', () => {
    const ranked = rankOffers([visit, d10], { ...ctx, tenureMonths: 24, ltv: 3000 });
    expect(ranked.map((r) => r.code)).toEqual(['discount_10_3m']);
  });

  it('marks a discount above the operator limit as needing approval', () => {
    const low = rankOffers([d30], { ...ctx, tenureMonths: 24, ltv: 3000 });
    expect(low[0].needsApproval).toBe(true);
    const high = rankOffers([d30], { ...ctx, tenureMonths: 24, ltv: 25_000 });
    expect(high[0].needsApproval).toBe(false);
  });
});
