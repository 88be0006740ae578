import type { ChurnReasonView } from '@retention/contracts';
import { groupReasons } from './reason-groups';

const r = (code: string, group: string, position: number): ChurnReasonView => ({
  code,
  group,
  position,
  title: code,
  description: '',
  managed: true,
  impliesCompetitor: false,
  threshold: 0.001,
  offerCodes: [],
  version: 1,
});

describe('groupReasons', () => {
  it('keeps the classifier order and groups the points by their group', () => {
    const groups = groupReasons([r('c1', 'competitor', 4), r('p2', 'price', 2), r('p1', 'price', 1), r('o', 'other', 33)]);
    expect(groups.map((g) => g.group)).toEqual(['price', 'competitor', 'other']);
    expect(groups[0].reasons.map((x) => x.code)).toEqual(['p1', 'p2']);
  });

  it('returns nothing for an empty classifier', () => {
    expect(groupReasons([])).toEqual([]);
  });
});
