import { mulberry32 } from './prng';

describe('mulberry32', () => {
  const draw = (seed: number, count: number) => {
    const rng = mulberry32(seed);
    return Array.from({ length: count }, () => rng());
  };

  it('gives the same sequence for the same seed', () => {
    expect(draw(2026, 50)).toEqual(draw(2026, 50));
  });

  it('gives another sequence for another seed', () => {
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
  });

  it('draws numbers in [0, 1) spread over the interval', () => {
    const values = draw(7, 10_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });
});
