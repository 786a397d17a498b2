import { kMeans, lloyd, seedCentroids, silhouette, type Points } from './kmeans';
import { mulberry32 } from './prng';

const points = (rows: number[][]): Points => ({
  coordinates: Float64Array.from(rows.flat()),
  count: rows.length,
  dim: rows[0].length,
});

/** Two well separated blobs of 20 points around (0, 0) and (10, 10). */
function blobs(): Points {
  const rng = mulberry32(5);
  return points(
    Array.from({ length: 40 }, (_, i) => {
      const centre = i < 20 ? 0 : 10;
      return [centre + rng() - 0.5, centre + rng() - 0.5];
    }),
  );
}

describe('seedCentroids', () => {
  it('picks k distinct points', () => {
    const centroids = seedCentroids(blobs(), 2, mulberry32(1)) as Float64Array;
    expect(centroids).toHaveLength(4);
    expect(Math.abs(centroids[0] - centroids[2])).toBeGreaterThan(5);
  });

  it('gives up when there are fewer distinct positions than k', () => {
    expect(seedCentroids(points([[1], [1], [2]]), 3, mulberry32(1))).toBeNull();
  });
});

describe('lloyd', () => {
  it('converges on the two blobs', () => {
    const result = lloyd(blobs(), Float64Array.from([0, 0, 1, 1]), 100);
    expect([...result.assignment]).toEqual([...Array(20).fill(0), ...Array(20).fill(1)]);
    expect(result.centroids[2]).toBeCloseTo(10, 0);
    expect(result.inertia).toBeLessThan(40 * 0.5);
  });

  it('moves an empty cluster onto the farthest point', () => {
    const result = lloyd(points([[0], [1], [10], [11]]), Float64Array.from([0.5, 10.5, 100]), 100);
    expect(new Set(result.assignment).size).toBe(3);
    expect(result.inertia).toBeCloseTo(0.5, 12);
  });

  it('stops after maxIterations, the assignment matching the centroids', () => {
    const data = points([[0], [1], [2], [10]]);
    const result = lloyd(data, Float64Array.from([0, 1]), 0);
    expect([...result.assignment]).toEqual([0, 1, 1, 1]);
    expect([...result.centroids]).toEqual([0, 1]);
    const next = lloyd(data, Float64Array.from([0, 1]), 1);
    expect([...next.centroids]).toEqual([0, 13 / 3]);
    expect([...next.assignment]).toEqual([0, 0, 0, 1]);
  });
});

describe('kMeans', () => {
  it('keeps the run with the lowest inertia', () => {
    const rng = mulberry32(3);
    const data = points(Array.from({ length: 60 }, () => [rng() * 10, rng() * 10]));
    const once = kMeans(data, 4, mulberry32(9), { restarts: 1, maxIterations: 50 });
    const many = kMeans(data, 4, mulberry32(9), { restarts: 8, maxIterations: 50 });
    expect(many?.inertia).toBeLessThanOrEqual(once?.inertia as number);
  });

  it('returns null when there are fewer distinct positions than k', () => {
    expect(
      kMeans(points([[0], [0], [1]]), 3, mulberry32(1), { restarts: 2, maxIterations: 10 }),
    ).toBeNull();
  });
});

describe('silhouette', () => {
  it('is close to 1 for well separated clusters', () => {
    const assignment = Int32Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
    expect(silhouette(blobs(), assignment, 2, 1_000)).toBeGreaterThan(0.9);
  });

  it('is negative for a clustering against the structure', () => {
    const assignment = Int32Array.from({ length: 40 }, (_, i) => i % 2);
    expect(silhouette(blobs(), assignment, 2, 1_000)).toBeLessThan(0);
  });

  it('counts 0 for singletons, for a lone cluster and for identical points', () => {
    const data = points([[0], [0], [5], [6]]);
    // Points 2 and 3 are alone in their clusters: 0; points 0 and 1 score (5 − 0) / 5 = 1.
    expect(silhouette(data, Int32Array.from([0, 0, 1, 2]), 3, 10)).toBe(0.5);
    expect(silhouette(data, Int32Array.from([0, 0, 0, 0]), 2, 10)).toBe(0);
    // A cluster with no point does not count as the nearest other cluster.
    expect(silhouette(points([[0], [0], [5], [5]]), Int32Array.from([0, 0, 2, 2]), 3, 10)).toBe(1);
    expect(silhouette(points([[1], [1], [1]]), Int32Array.from([0, 0, 1]), 2, 10)).toBe(0);
  });

  it('scores an evenly spaced sample when there are more points than the sample size', () => {
    const data = points([[0], [100], [1], [100], [2], [100]]);
    // The sample is points 0, 2 and 4: all in cluster 0, so every score counts 0.
    expect(silhouette(data, Int32Array.from([0, 1, 0, 1, 0, 1]), 2, 3)).toBe(0);
    expect(silhouette(data, Int32Array.from([0, 1, 0, 1, 0, 1]), 2, 6)).toBeGreaterThan(0.9);
  });
});
