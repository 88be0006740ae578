import {
  caseActionAllowed,
  caseOnRescan,
  DEFAULT_HIDDEN_CHURN_RULES,
  HIDDEN_CHURN_SIGNALS,
  hiddenChurnRiskScore,
  hiddenChurnKnown,
  hiddenChurnShare,
} from './hidden-churn';

describe('hidden churn risk score (noisy OR of the fired signs)', () => {
  it('is 0 with no sign and the weight itself with one', () => {
    expect(hiddenChurnRiskScore([])).toBe(0);
    expect(hiddenChurnRiskScore([45])).toBe(45);
  });
  it('worked example: no payment (45) and usage drop (40) give 100 × (1 − 0.55 × 0.60) = 67', () => {
    expect(hiddenChurnRiskScore([45, 40])).toBe(67);
  });
  it('worked example: three signs 35, 25, 20 give 100 × (1 − 0.65 × 0.75 × 0.80) = 61', () => {
    expect(hiddenChurnRiskScore([35, 25, 20])).toBe(61);
  });
  it('rises with every further sign and stops at 99', () => {
    const all = HIDDEN_CHURN_SIGNALS.map((s) => DEFAULT_HIDDEN_CHURN_RULES[s].weight);
    for (let i = 1; i < all.length; i++) expect(hiddenChurnRiskScore(all.slice(0, i + 1))).toBeGreaterThan(hiddenChurnRiskScore(all.slice(0, i)));
    expect(hiddenChurnRiskScore([95, 95, 95, 95])).toBe(99);
    expect(hiddenChurnRiskScore([200])).toBe(95);
  });
});

describe('a case on the next scan', () => {
  it('closes lost on a disconnection, whatever else', () => {
    expect(caseOnRescan({ disconnected: 'non_payment', signalsNow: 2, paidSinceOpened: false })).toBe('lost');
    expect(caseOnRescan({ disconnected: 'voluntary', signalsNow: 0, paidSinceOpened: true })).toBe('lost');
  });
  it('closes returned when the subscriber paid since and no sign fires', () => {
    expect(caseOnRescan({ disconnected: null, signalsNow: 0, paidSinceOpened: true })).toBe('returned');
  });
  it('is updated while a sign fires, kept when none fires but nothing was paid', () => {
    expect(caseOnRescan({ disconnected: null, signalsNow: 1, paidSinceOpened: true })).toBe('update');
    expect(caseOnRescan({ disconnected: null, signalsNow: 0, paidSinceOpened: false })).toBe('keep');
  });
});

describe('case transitions', () => {
  it('assigns new cases, contacts assigned ones and closes any open one', () => {
    expect(caseActionAllowed('assign', 'new')).toBe(true);
    expect(caseActionAllowed('contact', 'new')).toBe(false);
    expect(caseActionAllowed('contact', 'assigned')).toBe(true);
    expect(caseActionAllowed('close', 'contacted')).toBe(true);
    expect(caseActionAllowed('close', 'lost')).toBe(false);
    expect(caseActionAllowed('assign', 'returned')).toBe(false);
  });
});

describe('share of churn that was hidden', () => {
  it('worked example: 30 hidden beside 90 announced is 0.25', () => {
    expect(hiddenChurnShare(90, 30)).toBe(0.25);
  });
  it('is null without churn and 1 when all of it was hidden', () => {
    expect(hiddenChurnShare(0, 0)).toBeNull();
    expect(hiddenChurnShare(0, 7)).toBe(1);
    expect(hiddenChurnShare(2, 1)).toBeCloseTo(1 / 3, 10);
  });
});

describe('checklist point 10: is hidden churn known', () => {
  it('worked examples: a scan 2 days ago with 10 of 40 open cases waiting is in place; 25 of 40 waiting is a problem', () => {
    expect(hiddenChurnKnown({ daysSinceScan: 2, openCases: 40, waitingCases: 10 })).toBe('ok');
    expect(hiddenChurnKnown({ daysSinceScan: 2, openCases: 40, waitingCases: 25 })).toBe('problem');
    expect(hiddenChurnKnown({ daysSinceScan: 2, openCases: 40, waitingCases: 20 })).toBe('ok');
  });
  it('is a problem when the last scan is more than a week old, and not measured before the first', () => {
    expect(hiddenChurnKnown({ daysSinceScan: 7, openCases: 0, waitingCases: 0 })).toBe('ok');
    expect(hiddenChurnKnown({ daysSinceScan: 9, openCases: 0, waitingCases: 0 })).toBe('problem');
    expect(hiddenChurnKnown({ daysSinceScan: null, openCases: 0, waitingCases: 0 })).toBe('not_measured');
  });
});
