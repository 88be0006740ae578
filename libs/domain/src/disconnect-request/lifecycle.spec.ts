import {
  availableActions,
  churnedServices,
  IllegalTransitionError,
  nextStatus,
  refusal,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  RequestAction,
  resolutionProblems,
  resolvedDestination,
  saveState,
} from './lifecycle';

const OP1 = 'op-1';
const OP2 = 'op-2';

describe('disconnect request lifecycle', () => {
  it('a new request is claimed into progress by anyone', () => {
    expect(nextStatus('claim', { status: 'new', assigneeId: null, actorId: OP1 })).toBe('in_progress');
  });

  it('a second claim is refused with a clear sentence', () => {
    expect(() => nextStatus('claim', { status: 'in_progress', assigneeId: OP1, actorId: OP2 })).toThrow(
      'The request cannot be claimed: it is already being handled by another operator.',
    );
  });

  it('only the holder resolves, postpones or releases', () => {
    const ctx = { status: 'in_progress' as const, assigneeId: OP1, actorId: OP2 };
    for (const a of ['resolve', 'postpone', 'release'] as const) {
      expect(() => nextStatus(a, ctx)).toThrow(IllegalTransitionError);
    }
    expect(nextStatus('resolve', { ...ctx, actorId: OP1 })).toBe('resolved');
    expect(nextStatus('postpone', { ...ctx, actorId: OP1 })).toBe('postponed');
    expect(nextStatus('release', { ...ctx, actorId: OP1 })).toBe('new');
  });

  it('a call-back comes back to the same operator only', () => {
    expect(nextStatus('claim', { status: 'postponed', assigneeId: OP1, actorId: OP1 })).toBe('in_progress');
    expect(() => nextStatus('claim', { status: 'postponed', assigneeId: OP1, actorId: OP2 })).toThrow('another operator');
  });

  it('nothing moves a resolved request', () => {
    expect(availableActions({ status: 'resolved', assigneeId: OP1, actorId: OP1 })).toEqual([]);
    expect(() => nextStatus('resolve', { status: 'resolved', assigneeId: OP1, actorId: OP1 })).toThrow('already resolved');
  });

  it('lists the buttons an operator may press', () => {
    expect(availableActions({ status: 'new', assigneeId: null, actorId: OP1 })).toEqual(['claim']);
    expect(availableActions({ status: 'in_progress', assigneeId: OP1, actorId: OP1 })).toEqual(['release', 'postpone', 'resolve']);
    expect(availableActions({ status: 'in_progress', assigneeId: OP1, actorId: OP2 })).toEqual([]);
  });

  it('offers exactly the actions it would let through, for every status, holder and actor', () => {
    for (const status of REQUEST_STATUSES) {
      for (const assigneeId of [null, OP1]) {
        for (const actorId of [OP1, OP2]) {
          const ctx = { status, assigneeId, actorId };
          const allowed = (Object.keys(REQUEST_TRANSITIONS) as RequestAction[]).filter((a) => {
            try {
              nextStatus(a, ctx);
              return true;
            } catch {
              return false;
            }
          });
          expect({ ctx, actions: availableActions(ctx) }).toEqual({ ctx, actions: allowed });
          for (const a of Object.keys(REQUEST_TRANSITIONS) as RequestAction[]) {
            expect(refusal(a, ctx) === null).toBe(allowed.includes(a));
          }
        }
      }
    }
  });
});

describe('confirmed saves (still connected 30 days later)', () => {
  it('is pending for 29 days and confirmed on day 30', () => {
    expect(saveState('2026-10-01', '2026-10-30', null)).toBe('pending');
    expect(saveState('2026-10-01', '2026-10-31', null)).toBe('confirmed');
  });

  it('is lost when the subscriber leaves within 30 days', () => {
    expect(saveState('2026-10-01', '2026-11-15', '2026-10-20')).toBe('lost');
  });

  it('stays confirmed when the subscriber leaves after the 30 days', () => {
    expect(saveState('2026-10-01', '2026-12-15', '2026-12-01')).toBe('confirmed');
  });
});

describe('what a resolution must carry', () => {
  const base = { reasonCode: 'price_increase', reasonImpliesCompetitor: false, today: '2026-11-20' };

  it('a save with an offer names the offer', () => {
    expect(resolutionProblems({ ...base, outcome: 'retained_with_offer' })).toEqual([
      { field: 'offerCode', problem: 'a save with an offer must name the offer accepted' },
    ]);
    expect(resolutionProblems({ ...base, outcome: 'retained_with_offer', offerCode: 'pause' })).toEqual([]);
  });

  it('a competitor for any reason: slow speed or a move out of the coverage area may hide one', () => {
    expect(resolutionProblems({ ...base, reasonCode: 'slow_speed', outcome: 'disconnected', competitorId: 'c1' })).toEqual([]);
    expect(resolutionProblems({ ...base, reasonCode: 'move_out_of_coverage', outcome: 'disconnected', destination: 'competitor', competitorId: 'c1' })).toEqual([]);
    expect(resolutionProblems({ ...base, reasonImpliesCompetitor: true, outcome: 'disconnected', competitorId: 'c1' })).toEqual([]);
  });

  it('a destination that contradicts the competitor, the reason or a save is refused, naming the field', () => {
    expect(resolutionProblems({ ...base, outcome: 'disconnected', destination: 'none', competitorId: 'c1' })).toEqual([
      { field: 'competitorId', problem: 'a competitor is named only when the subscriber goes to one' },
    ]);
    expect(resolutionProblems({ ...base, reasonCode: 'competitor_cheaper', reasonImpliesCompetitor: true, outcome: 'disconnected', destination: 'unknown' }))
      .toEqual([{ field: 'destination', problem: 'the reason competitor_cheaper means the subscriber goes to a competitor' }]);
    expect(resolutionProblems({ ...base, outcome: 'retained', destination: 'competitor' })[0].field).toBe('destination');
  });

  it('a future date only for a disconnection, and not in the past', () => {
    expect(resolutionProblems({ ...base, outcome: 'disconnected', effectiveDate: '2026-12-01' })).toEqual([]);
    expect(resolutionProblems({ ...base, outcome: 'disconnected', effectiveDate: '2026-11-01' })[0].problem).toBe('must be today or later');
    expect(resolutionProblems({ ...base, outcome: 'retained', effectiveDate: '2026-12-01' })[0].field).toBe('effectiveDate');
  });

  it('a disconnection is dated at most a year ahead', () => {
    expect(resolutionProblems({ ...base, outcome: 'disconnected', effectiveDate: '2027-11-20' })).toEqual([]);
    expect(resolutionProblems({ ...base, outcome: 'partially_retained', keptServices: ['x'], effectiveDate: '2027-11-21' })).toEqual([
      { field: 'effectiveDate', problem: 'must be within 365 days from today (2026-11-20 to 2027-11-20)' },
    ]);
    expect(resolutionProblems({ ...base, outcome: 'disconnected', effectiveDate: '9999-12-31' })[0].field).toBe('effectiveDate');
  });

  it('a partial retention names the services kept: some of the request, not all of them', () => {
    const partial = { ...base, outcome: 'partially_retained' as const, requestServices: ['internet', 'cable_tv'] };
    expect(resolutionProblems({ ...partial, keptServices: ['internet'] })).toEqual([]);
    expect(resolutionProblems(partial)[0].code).toBe('kept_missing');
    expect(resolutionProblems({ ...partial, keptServices: ['mobile'] })[0].code).toBe('kept_unknown');
    expect(resolutionProblems({ ...partial, keptServices: ['internet', 'cable_tv'] })[0].code).toBe('kept_all');
    expect(resolutionProblems({ ...base, outcome: 'retained', keptServices: ['internet'] })[0].code).toBe('kept_not_partial');
  });
});

describe('where a subscriber who left went', () => {
  const loss = { outcome: 'disconnected' as const, reasonImpliesCompetitor: false };

  it('is what the operator recorded, for any reason', () => {
    expect(resolvedDestination({ ...loss, destination: 'none' })).toBe('none');
    expect(resolvedDestination({ ...loss, destination: 'competitor' })).toBe('competitor');
  });

  it('is a competitor when one is named or the reason means one, else unknown', () => {
    expect(resolvedDestination({ ...loss, competitorId: 'c1' })).toBe('competitor');
    expect(resolvedDestination({ ...loss, reasonImpliesCompetitor: true })).toBe('competitor');
    expect(resolvedDestination(loss)).toBe('unknown');
  });

  it('records no destination for a save: the subscriber stayed', () => {
    expect(resolvedDestination({ outcome: 'retained', reasonImpliesCompetitor: true, competitorId: 'c1' })).toBeNull();
  });
});

describe('the services a resolved request disconnects', () => {
  it('a save disconnects none', () => {
    expect(churnedServices('retained', ['internet', 'iptv'], null)).toEqual([]);
    expect(churnedServices('retained_with_offer', ['internet'], null)).toEqual([]);
  });

  it('a disconnection all requested, a partial retention those not kept: a kept service is never churn', () => {
    expect(churnedServices('disconnected', ['internet', 'iptv'], null)).toEqual(['internet', 'iptv']);
    expect(churnedServices('partially_retained', ['internet', 'iptv', 'phone'], ['iptv'])).toEqual(['internet', 'phone']);
  });
});
