import { suggestedCompetitor } from './suggested-competitor';

const competitors = [
  { id: '1', code: 'citycom' },
  { id: '2', code: 'fibernet' },
];

describe('suggestedCompetitor', () => {
  it('proposes the configured competitor the suggestion names, by its code', () => {
    expect(suggestedCompetitor([{}, { competitor: { code: 'fibernet', name: 'FiberNet' } }], competitors)).toBe('2');
  });

  it('leaves the field to the operator for an implied, unconfigured or unknown competitor, or none', () => {
    expect(suggestedCompetitor([{ competitor: { code: null, name: null } }], competitors)).toBeNull();
    expect(suggestedCompetitor([{ competitor: { code: null, name: 'Kyivstar' } }], competitors)).toBeNull();
    expect(suggestedCompetitor([{ competitor: { code: 'gone', name: 'Gone' } }], competitors)).toBeNull();
    expect(suggestedCompetitor([{}], competitors)).toBeNull();
    expect(suggestedCompetitor([], competitors)).toBeNull();
  });
});
