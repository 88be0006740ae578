import { churnKind, endingCounts, subscriptionEndReason } from './churn-kind';

describe('the kind of ending a resolved request brings about (docs/methodology.md)', () => {
  it('is the request’s own kind: voluntary or non-payment', () => {
    expect(churnKind('voluntary', 'price')).toBe('voluntary');
    expect(churnKind('non_payment', 'financial')).toBe('non_payment');
  });

  it('is a technical closure when the reason is one, whatever the request was made for', () => {
    expect(churnKind('voluntary', 'closure')).toBe('technical');
    expect(churnKind('non_payment', 'closure')).toBe('technical');
  });

  it('is recorded on the subscription as disconnected, non-payment or technical', () => {
    expect(subscriptionEndReason('voluntary')).toBe('disconnected');
    expect(subscriptionEndReason('non_payment')).toBe('non_payment');
    expect(subscriptionEndReason('technical')).toBe('technical');
  });
});

describe('how a subscription’s ending counts (docs/methodology.md)', () => {
  it('a disconnection or a dropped service is voluntary churn; non-payment and technical closures are their own kinds', () => {
    expect(endingCounts('disconnected')).toBe('voluntary');
    expect(endingCounts('dropped')).toBe('voluntary');
    expect(endingCounts('non_payment')).toBe('non_payment');
    expect(endingCounts('technical')).toBe('technical');
  });

  it('a change of tariff loses nothing: the service goes on', () => {
    expect(endingCounts('downgrade')).toBe('tariff');
    expect(endingCounts('upgrade')).toBe('tariff');
  });
});
