import { competitorNamedIn } from './competitor-match';

const competitors = [
  { id: '1', name: 'CityCom', code: 'citycom' },
  { id: '2', name: 'FiberNet', code: 'fibernet' },
  { id: '3', name: 'Sky Link', code: 'skylink' },
];

describe('competitorNamedIn', () => {
  it('finds the competitor named in the subscriber’s words, whatever the case', () => {
    expect(competitorNamedIn('CITYCOM offered me 200 less', competitors)).toBe('1');
    expect(competitorNamedIn('neighbour has fibernet, 1 Gbit', competitors)).toBe('2');
    expect(competitorNamedIn('going to Sky Link.', competitors)).toBe('3');
  });

  it('matches whole words only', () => {
    expect(competitorNamedIn('my citycomplex flat', competitors)).toBeNull();
  });

  it('leaves the choice to the operator when none or several are named', () => {
    expect(competitorNamedIn('too expensive', competitors)).toBeNull();
    expect(competitorNamedIn('CityCom or FiberNet, both cheaper', competitors)).toBeNull();
  });
});
