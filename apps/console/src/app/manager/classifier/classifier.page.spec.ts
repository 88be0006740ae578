import { normPercent } from './classifier.page';

describe('normPercent', () => {
  it('adds the points’ norms up as a percentage of the base', () => {
    expect(normPercent([{ threshold: 0.0012 }, { threshold: 0.001 }, { threshold: 0.0003 }])).toBe(0.25);
    expect(normPercent([])).toBe(0);
  });
});
