import type { OfferProposal } from '@retention/contracts';
import { EMPTY_DRAFT, localToday, type OutcomeDraft, resolutionBlockers, type ResolutionContext, toResolveBody } from './resolution';

const offer = (code: string, patch: Partial<OfferProposal> = {}): OfferProposal => ({
  code,
  title: code,
  description: '',
  cost: 100,
  eligible: true,
  ineligibleBecause: [],
  needsApproval: false,
  approved: false,
  approval: null,
  inReasonChain: true,
  ...patch,
});

const ctx: ResolutionContext = {
  reasonCode: 'competitor_cheaper',
  reasonImpliesCompetitor: true,
  services: ['internet', 'iptv'],
  offers: [offer('discount_10_3m'), offer('discount_30_6m', { needsApproval: true }), offer('loyalty_bonus', { eligible: false, ineligibleBecause: ['tenure'] })],
  today: '2026-11-23',
};
const draft = (patch: Partial<OutcomeDraft>): OutcomeDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('resolutionBlockers', () => {
  it('needs a reason and an outcome first', () => {
    expect(resolutionBlockers(EMPTY_DRAFT, { ...ctx, reasonCode: null })).toEqual(['reason', 'outcome']);
  });

  it('accepts a plain retention', () => {
    expect(resolutionBlockers(draft({ outcome: 'retained' }), ctx)).toEqual([]);
  });

  it('needs the accepted offer for a save with an offer', () => {
    expect(resolutionBlockers(draft({ outcome: 'retained_with_offer' }), ctx)).toEqual(['offer']);
    expect(resolutionBlockers(draft({ outcome: 'retained_with_offer', offerCode: 'discount_10_3m' }), ctx)).toEqual([]);
  });

  it('refuses an offer the subscriber is not eligible for, or one still waiting for a manager', () => {
    expect(resolutionBlockers(draft({ outcome: 'retained_with_offer', offerCode: 'loyalty_bonus' }), ctx)).toEqual(['offerIneligible']);
    expect(resolutionBlockers(draft({ outcome: 'retained_with_offer', offerCode: 'discount_30_6m' }), ctx)).toEqual(['offerNeedsApproval']);
    const approved = { ...ctx, offers: [offer('discount_30_6m', { needsApproval: true, approved: true })] };
    expect(resolutionBlockers(draft({ outcome: 'retained_with_offer', offerCode: 'discount_30_6m' }), approved)).toEqual([]);
  });

  it('needs the competitor when a competitor reason ends in churn', () => {
    expect(resolutionBlockers(draft({ outcome: 'disconnected' }), ctx)).toEqual(['competitor']);
    expect(resolutionBlockers(draft({ outcome: 'disconnected', competitorId: 'c1' }), ctx)).toEqual([]);
    expect(resolutionBlockers(draft({ outcome: 'disconnected', destination: 'none' }), { ...ctx, reasonImpliesCompetitor: false })).toEqual([]);
  });

  it('asks where the subscriber went for every reason that ends in churn, and takes a competitor for any of them', () => {
    const slow = { ...ctx, reasonCode: 'slow_speed', reasonImpliesCompetitor: false };
    expect(resolutionBlockers(draft({ outcome: 'disconnected' }), slow)).toEqual(['destination']);
    expect(resolutionBlockers(draft({ outcome: 'partially_retained', keptServices: ['iptv'] }), slow)).toEqual(['destination']);
    expect(resolutionBlockers(draft({ outcome: 'retained' }), slow)).toEqual([]);
    expect(resolutionBlockers(draft({ outcome: 'disconnected', destination: 'competitor' }), slow)).toEqual([]);
    expect(toResolveBody(draft({ outcome: 'disconnected', destination: 'competitor', competitorId: 'c2' }), slow)).toEqual({
      outcome: 'disconnected',
      reasonCode: 'slow_speed',
      destination: 'competitor',
      competitorId: 'c2',
    });
    // A competitor picked before the destination changed to nowhere is not sent.
    expect(toResolveBody(draft({ outcome: 'disconnected', destination: 'none', competitorId: 'c2' }), slow)).toEqual({
      outcome: 'disconnected',
      reasonCode: 'slow_speed',
      destination: 'none',
    });
  });

  it('sends a competitor reason’s loss as going to a competitor', () => {
    expect(toResolveBody(draft({ outcome: 'disconnected', competitorId: 'c1' }), ctx)).toEqual({
      outcome: 'disconnected',
      reasonCode: 'competitor_cheaper',
      destination: 'competitor',
      competitorId: 'c1',
    });
  });

  it('refuses an effective date in the past (the domain rule)', () => {
    expect(resolutionBlockers(draft({ outcome: 'disconnected', competitorId: 'c1', effectiveDate: '2026-11-22' }), ctx)).toEqual([
      'effectiveDate',
    ]);
    expect(resolutionBlockers(draft({ outcome: 'disconnected', competitorId: 'c1', effectiveDate: '2026-12-01' }), ctx)).toEqual([]);
  });

  it('needs some but not all services kept for a partial retention', () => {
    const partial = { outcome: 'partially_retained' as const, competitorId: 'c1' };
    expect(resolutionBlockers(draft(partial), ctx)).toEqual(['kept']);
    expect(resolutionBlockers(draft({ ...partial, keptServices: ['internet', 'iptv'] }), ctx)).toEqual(['keptAll']);
    expect(resolutionBlockers(draft({ ...partial, keptServices: ['internet'] }), ctx)).toEqual([]);
  });
});

describe('toResolveBody', () => {
  it('sends only the fields the outcome uses', () => {
    const filled = draft({
      offerCode: 'discount_10_3m',
      competitorId: 'c1',
      effectiveDate: '2026-12-01',
      keptServices: ['internet'],
      note: '  called back later  ',
    });
    expect(toResolveBody({ ...filled, outcome: 'retained' }, ctx)).toEqual({
      outcome: 'retained',
      reasonCode: 'competitor_cheaper',
      competitorId: 'c1',
      note: 'called back later',
    });
    expect(toResolveBody({ ...filled, outcome: 'retained_with_offer' }, ctx)).toEqual({
      outcome: 'retained_with_offer',
      reasonCode: 'competitor_cheaper',
      competitorId: 'c1',
      offerCode: 'discount_10_3m',
      note: 'called back later',
    });
    expect(toResolveBody({ ...filled, outcome: 'partially_retained', destination: 'unknown' }, { ...ctx, reasonImpliesCompetitor: false })).toEqual({
      outcome: 'partially_retained',
      reasonCode: 'competitor_cheaper',
      destination: 'unknown',
      offerCode: 'discount_10_3m',
      effectiveDate: '2026-12-01',
      keptServices: ['internet'],
      note: 'called back later',
    });
  });
});

describe('localToday', () => {
  it('formats the local date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
