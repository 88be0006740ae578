import type { OfferProposal } from '@retention/contracts';
import { deskOfferOrder, givable, offersInFocus } from './offer-order';

const offer = (code: string, patch: Partial<OfferProposal> = {}): OfferProposal => ({
  code,
  title: code,
  description: '',
  cost: 0,
  eligible: true,
  ineligibleBecause: [],
  needsApproval: false,
  approved: false,
  approval: null,
  inReasonChain: true,
  ...patch,
});

describe('offersInFocus', () => {
  const list = [
    offer('tariff_upgrade'),
    offer('annual_prepay'),
    offer('pause', { inReasonChain: false }),
    offer('extra_service', { inReasonChain: false }),
    offer('compensation_credit', { inReasonChain: false }),
    offer('discount_20_3m', { needsApproval: true, inReasonChain: false }),
    offer('loyalty_bonus', { eligible: false, inReasonChain: false }),
  ];

  it('shows the reason’s chain topped up with the next eligible offers', () => {
    expect(offersInFocus(list, new Set()).map((o) => o.code)).toEqual(['tariff_upgrade', 'annual_prepay', 'pause', 'extra_service']);
  });

  it('always shows an offer already applied or sent to a manager, in its place', () => {
    expect(offersInFocus(list, new Set(['discount_20_3m']), 2).map((o) => o.code)).toEqual(['tariff_upgrade', 'annual_prepay', 'discount_20_3m']);
  });
});

describe('deskOfferOrder', () => {
  it('puts what the operator can give now first, then what needs a manager, then what does not fit', () => {
    const ordered = deskOfferOrder([
      offer('discount_20_3m', { needsApproval: true }),
      offer('loyalty_bonus', { eligible: false, ineligibleBecause: ['tenure'] }),
      offer('annual_prepay'),
      offer('discount_30_6m', { needsApproval: true, approved: true }),
      offer('tariff_upgrade'),
    ]);
    expect(ordered.map((o) => o.code)).toEqual(['annual_prepay', 'discount_30_6m', 'tariff_upgrade', 'discount_20_3m', 'loyalty_bonus']);
  });

  it('counts an approved offer as one the operator can give', () => {
    expect(givable(offer('x', { needsApproval: true, approved: true }))).toBe(true);
    expect(givable(offer('x', { needsApproval: true }))).toBe(false);
    expect(givable(offer('x', { eligible: false }))).toBe(false);
  });
});
