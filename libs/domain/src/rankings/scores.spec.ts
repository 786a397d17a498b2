import {
  controversialScore,
  HOT_DECAY_SECONDS,
  hotScore,
  proposalScores,
  wilsonLowerBound,
} from './scores';

describe('wilsonLowerBound', () => {
  it.each([
    [0, 0, 0],
    [1, 0, 0.2065],
    [40, 2, 0.8421],
    [50, 50, 0.4038],
    [0, 10, 0],
  ])('%i FOR, %i AGAINST → %d', (f, a, expected) => {
    expect(wilsonLowerBound(f, a)).toBeCloseTo(expected, 3);
  });

  it('prefers broad support to a single vote', () => {
    expect(wilsonLowerBound(40, 2)).toBeGreaterThan(wilsonLowerBound(1, 0));
    expect(wilsonLowerBound(100, 10)).toBeGreaterThan(wilsonLowerBound(10, 1));
  });
});

describe('hotScore', () => {
  const t0 = new Date('2026-05-01T00:00:00Z');
  const later = new Date(t0.getTime() + HOT_DECAY_SECONDS * 1000);

  it('gives a newer proposal the edge of one order of magnitude per decay period', () => {
    expect(hotScore(11, 1, t0)).toBeCloseTo(hotScore(1, 0, later), 10);
    expect(hotScore(0, 0, later)).toBeGreaterThan(hotScore(5, 0, t0));
  });

  it('ranks net opposition below no votes', () => {
    expect(hotScore(0, 10, t0)).toBeLessThan(hotScore(0, 0, t0));
    expect(hotScore(3, 3, t0)).toBe(hotScore(0, 0, t0));
  });
});

describe('controversialScore', () => {
  it.each([
    [0, 0, 0],
    [10, 0, 0],
    [0, 10, 0],
    [10, 10, 20],
    [10, 5, 15 ** 0.5],
  ])('%i FOR, %i AGAINST → %d', (f, a, expected) => {
    expect(controversialScore(f, a)).toBeCloseTo(expected, 10);
  });

  it('rises with balance and with volume', () => {
    expect(controversialScore(50, 50)).toBeGreaterThan(controversialScore(90, 10));
    expect(controversialScore(50, 50)).toBeGreaterThan(controversialScore(5, 5));
  });
});

describe('proposalScores', () => {
  it('computes the three stored scores', () => {
    const at = new Date('2026-05-01T00:00:00Z');
    expect(proposalScores({ votesFor: 10, votesAgainst: 5, votesNeutral: 3 }, at)).toEqual({
      scoreTop: wilsonLowerBound(10, 5),
      scoreHot: hotScore(10, 5, at),
      scoreControversial: controversialScore(10, 5),
    });
  });
});
