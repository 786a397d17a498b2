import { mulberry32 } from './prng';

/** A sparse real matrix in compressed sparse rows; missing cells are zero. */
export interface SparseRows {
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float64Array;
  columnCount: number;
}

export interface PcaSettings {
  components: number;
  maxIterations: number;
  tolerance: number;
  seed: number;
}

export interface PrincipalComponents {
  /** Unit vectors of length columnCount; an all-zero vector when no variance is left. */
  vectors: Float64Array[];
  /** Eigenvalue of ZᵀZ for each vector (0 for a zero vector). */
  eigenvalues: number[];
  /** Trace of ZᵀZ: the sum of all eigenvalues, i.e. of the squared cells. */
  totalVariance: number;
}

/** Below this share of the total variance, a direction is rounding noise, not structure. */
const NOISE_SHARE = 1e-9;

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += a[j] * b[j];
  return sum;
}

/** w ← w − Σ (w·e) e over the earlier components: deflation of ZᵀZ by projection. */
function orthogonalise(w: Float64Array, earlier: readonly Float64Array[]): void {
  for (const e of earlier) {
    const projection = dot(w, e);
    for (let j = 0; j < w.length; j++) w[j] -= projection * e[j];
  }
}

/** out ← Zᵀ(Z v), in two sparse passes: Z is never made dense. */
function gramTimes(data: SparseRows, v: Float64Array, rowBuffer: Float64Array, out: Float64Array) {
  const { rowStart, columns, values } = data;
  for (let i = 0; i < rowBuffer.length; i++) {
    let sum = 0;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) sum += values[e] * v[columns[e]];
    rowBuffer[i] = sum;
  }
  out.fill(0);
  for (let i = 0; i < rowBuffer.length; i++) {
    const ui = rowBuffer[i];
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) out[columns[e]] += values[e] * ui;
  }
}

/** Flips v so that its largest-magnitude loading (the first one on ties) is positive. */
function fixSign(v: Float64Array): void {
  let best = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[best])) best = j;
  if (v[best] < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j];
}

/**
 * The leading principal directions of a column-centred sparse matrix Z (rows: participants,
 * columns: proposals), by power iteration on ZᵀZ with deflation. Deterministic: the start vector
 * comes from mulberry32(seed), iteration stops when no loading moves by more than `tolerance`
 * or after `maxIterations`, and each vector's largest loading is positive.
 */
export function principalComponents(data: SparseRows, settings: PcaSettings): PrincipalComponents {
  const n = data.columnCount;
  let totalVariance = 0;
  for (let e = 0; e < data.values.length; e++) totalVariance += data.values[e] ** 2;
  const rng = mulberry32(settings.seed);
  const vectors: Float64Array[] = [];
  const eigenvalues: number[] = [];
  const rowBuffer = new Float64Array(data.rowStart.length - 1);
  for (let c = 0; c < settings.components; c++) {
    let v = new Float64Array(n);
    let eigenvalue = 0;
    if (totalVariance > 0) {
      for (let j = 0; j < n; j++) v[j] = rng() - 0.5;
      const norm = Math.sqrt(dot(v, v));
      for (let j = 0; j < n; j++) v[j] /= norm;
      let w = new Float64Array(n);
      for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
        gramTimes(data, v, rowBuffer, w);
        orthogonalise(w, vectors);
        eigenvalue = Math.sqrt(dot(w, w));
        if (eigenvalue <= NOISE_SHARE * totalVariance) {
          eigenvalue = 0;
          v.fill(0);
          break;
        }
        let change = 0;
        for (let j = 0; j < n; j++) {
          w[j] /= eigenvalue;
          change = Math.max(change, Math.abs(w[j] - v[j]));
        }
        [v, w] = [w, v];
        if (change < settings.tolerance) break;
      }
      fixSign(v);
    }
    vectors.push(v);
    eigenvalues.push(eigenvalue);
  }
  return { vectors, eigenvalues, totalVariance };
}
