/**
 * k-means in a low-dimensional space (the opinion map), on flat Float64Arrays: point i's
 * coordinates are points[i * dim .. i * dim + dim − 1], and so for centroids.
 */

export interface Points {
  coordinates: Float64Array;
  count: number;
  dim: number;
}

export interface Clustering {
  k: number;
  centroids: Float64Array;
  assignment: Int32Array;
  /** Sum of the squared distances from each point to its centroid. */
  inertia: number;
}

function squaredDistance(a: Float64Array, i: number, b: Float64Array, c: number, dim: number) {
  let sum = 0;
  for (let x = 0; x < dim; x++) {
    const delta = a[i * dim + x] - b[c * dim + x];
    sum += delta * delta;
  }
  return sum;
}

function copyPoint(from: Float64Array, i: number, to: Float64Array, c: number, dim: number) {
  for (let x = 0; x < dim; x++) to[c * dim + x] = from[i * dim + x];
}

/**
 * k-means++ seeding: the first centre is a uniformly drawn point, each next one a point drawn
 * with probability proportional to its squared distance to the nearest centre so far. Null
 * when the points have fewer than k distinct positions.
 */
export function seedCentroids(points: Points, k: number, rng: () => number): Float64Array | null {
  const { coordinates, count, dim } = points;
  const centroids = new Float64Array(k * dim);
  copyPoint(coordinates, Math.floor(rng() * count), centroids, 0, dim);
  const nearest = new Float64Array(count);
  for (let i = 0; i < count; i++) nearest[i] = squaredDistance(coordinates, i, centroids, 0, dim);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < count; i++) total += nearest[i];
    if (total === 0) return null;
    // The running sum ends at exactly `total` > target, so a point with nearest > 0 is chosen.
    const target = rng() * total;
    let chosen = 0;
    let running = 0;
    for (let i = 0; i < count; i++) {
      running += nearest[i];
      if (running > target) {
        chosen = i;
        break;
      }
    }
    copyPoint(coordinates, chosen, centroids, c, dim);
    for (let i = 0; i < count; i++) {
      nearest[i] = Math.min(nearest[i], squaredDistance(coordinates, i, centroids, c, dim));
    }
  }
  return centroids;
}

/** Lloyd stops once the centroids move, in all, by less than this share of the data's variance. */
const SHIFT_TOLERANCE = 1e-4;

/** Mean over the dimensions of the points' variance. */
function meanVariance({ coordinates, count, dim }: Points): number {
  let variance = 0;
  for (let x = 0; x < dim; x++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < count; i++) {
      const value = coordinates[i * dim + x];
      sum += value;
      squares += value * value;
    }
    variance += squares / count - (sum / count) ** 2;
  }
  return variance / dim;
}

/**
 * Lloyd's iterations from the given centroids (updated in place) until no point changes
 * cluster, the centroids move by less than 10⁻⁴ of the data's variance in all, or after
 * `maxIterations` updates; the returned assignment always matches the returned centroids
 * (nearest centroid, the lower index on ties). A cluster left empty is moved onto the point
 * farthest from its centroid, so that k clusters stay in use.
 */
export function lloyd(points: Points, centroids: Float64Array, maxIterations: number): Clustering {
  const { coordinates, count, dim } = points;
  const k = centroids.length / dim;
  const assignment = new Int32Array(count).fill(-1);
  const sizes = new Int32Array(k);
  const sums = new Float64Array(k * dim);
  const threshold = SHIFT_TOLERANCE * meanVariance(points);
  let inertia = 0;
  let hasConverged = false;
  for (let iteration = 0; ; iteration++) {
    let hasChanged = false;
    inertia = 0;
    for (let i = 0; i < count; i++) {
      const base = i * dim;
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const centre = c * dim;
        let distance = 0;
        for (let x = 0; x < dim; x++) {
          const delta = coordinates[base + x] - centroids[centre + x];
          distance += delta * delta;
        }
        if (distance < bestDistance) {
          best = c;
          bestDistance = distance;
        }
      }
      inertia += bestDistance;
      if (assignment[i] !== best) {
        assignment[i] = best;
        hasChanged = true;
      }
    }
    if (!hasChanged || hasConverged || iteration >= maxIterations) break;
    sizes.fill(0);
    sums.fill(0);
    for (let i = 0; i < count; i++) {
      const c = assignment[i];
      sizes[c]++;
      for (let x = 0; x < dim; x++) sums[c * dim + x] += coordinates[i * dim + x];
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      if (sizes[c] > 0) {
        for (let x = 0; x < dim; x++) {
          const mean = sums[c * dim + x] / sizes[c];
          shift += (mean - centroids[c * dim + x]) ** 2;
          centroids[c * dim + x] = mean;
        }
      } else {
        let farthest = 0;
        let farthestDistance = -1;
        for (let i = 0; i < count; i++) {
          const distance = squaredDistance(coordinates, i, centroids, assignment[i], dim);
          if (distance > farthestDistance) {
            farthest = i;
            farthestDistance = distance;
          }
        }
        copyPoint(coordinates, farthest, centroids, c, dim);
        shift = Infinity;
      }
    }
    hasConverged = shift <= threshold;
  }
  return { k, centroids, assignment, inertia };
}

/**
 * k-means++ then Lloyd, `restarts` times from one PRNG stream, keeping the lowest inertia (the
 * earliest run on ties). Null when the points have fewer than k distinct positions.
 */
export function kMeans(
  points: Points,
  k: number,
  rng: () => number,
  settings: { restarts: number; maxIterations: number },
): Clustering | null {
  let best: Clustering | null = null;
  for (let run = 0; run < settings.restarts; run++) {
    const centroids = seedCentroids(points, k, rng);
    if (centroids === null) return null;
    const clustering = lloyd(points, centroids, settings.maxIterations);
    if (best === null || clustering.inertia < best.inertia) best = clustering;
  }
  return best;
}

/**
 * Mean silhouette width over a deterministic, evenly spaced sample of at most `sampleSize`
 * points (the full computation is quadratic): for a point at mean distance a from the rest of
 * its cluster and b from the nearest other cluster, s = (b − a) / max(a, b). A point alone in
 * its cluster within the sample, or whose cluster is the only one in the sample, counts 0.
 * Needs at least one point.
 */
export function silhouette(
  points: Points,
  assignment: Int32Array,
  k: number,
  sampleSize: number,
): number {
  const { coordinates, count, dim } = points;
  const size = Math.min(count, sampleSize);
  const sample = new Int32Array(size);
  for (let s = 0; s < size; s++) sample[s] = Math.floor((s * count) / size);
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  let total = 0;
  for (let s = 0; s < size; s++) {
    const i = sample[s];
    sums.fill(0);
    counts.fill(0);
    for (let t = 0; t < size; t++) {
      if (t === s) continue;
      const j = sample[t];
      sums[assignment[j]] += Math.sqrt(squaredDistance(coordinates, i, coordinates, j, dim));
      counts[assignment[j]]++;
    }
    const own = assignment[i];
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    }
    if (counts[own] === 0 || b === Infinity) continue;
    const a = sums[own] / counts[own];
    const spread = Math.max(a, b);
    if (spread > 0) total += (b - a) / spread;
  }
  return total / size;
}
