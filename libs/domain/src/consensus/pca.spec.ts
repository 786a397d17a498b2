import { principalComponents, type SparseRows } from './pca';

/** A dense matrix as sparse rows, zero cells left out. */
function sparse(rows: number[][]): SparseRows {
  const rowStart = [0];
  const columns: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.forEach((value, j) => {
      if (value !== 0) {
        columns.push(j);
        values.push(value);
      }
    });
    rowStart.push(columns.length);
  }
  return {
    rowStart: Int32Array.from(rowStart),
    columns: Int32Array.from(columns),
    values: Float64Array.from(values),
    columnCount: rows[0]?.length ?? 0,
  };
}

const settings = { components: 2, maxIterations: 500, tolerance: 1e-12, seed: 1 };

describe('principalComponents', () => {
  it('finds the eigenvectors of ZᵀZ in decreasing order of eigenvalue', () => {
    // ZᵀZ = diag(9, 4, 1).
    const result = principalComponents(
      sparse([
        [0, 2, 0],
        [3, 0, 0],
        [0, 0, 1],
      ]),
      settings,
    );
    expect(result.totalVariance).toBe(14);
    expect(result.eigenvalues[0]).toBeCloseTo(9, 8);
    expect(result.eigenvalues[1]).toBeCloseTo(4, 8);
    expect([...result.vectors[0]].map((x) => Math.abs(x))).toEqual([
      expect.closeTo(1, 8),
      expect.closeTo(0, 8),
      expect.closeTo(0, 8),
    ]);
    expect(Math.abs(result.vectors[1][1])).toBeCloseTo(1, 8);
  });

  it('makes the largest loading positive, whatever the start vector', () => {
    const data = sparse([
      [1, -2, 0.5],
      [-1, 2, -0.5],
      [0.5, -1.5, 0],
      [-0.5, 1.5, 0],
    ]);
    const first = principalComponents(data, settings).vectors[0];
    expect(first[1]).toBeGreaterThan(0);
    for (let seed = 2; seed <= 12; seed++) {
      const other = principalComponents(data, { ...settings, seed }).vectors[0];
      other.forEach((x, j) => expect(x).toBeCloseTo(first[j], 8));
    }
  });

  it('returns a zero direction once no variance is left (rank-one data)', () => {
    const result = principalComponents(
      sparse([
        [1, 2],
        [-1, -2],
      ]),
      settings,
    );
    expect(result.vectors[0][0]).toBeCloseTo(1 / Math.sqrt(5), 10);
    expect(result.vectors[0][1]).toBeCloseTo(2 / Math.sqrt(5), 10);
    expect(result.eigenvalues).toEqual([expect.closeTo(10, 8), 0]);
    expect([...result.vectors[1]]).toEqual([0, 0]);
  });

  it('returns zero directions without variance', () => {
    const result = principalComponents(sparse([[0, 0]]), settings);
    expect(result).toEqual({
      vectors: [new Float64Array(2), new Float64Array(2)],
      eigenvalues: [0, 0],
      totalVariance: 0,
    });
  });

  it('stops after maxIterations with a unit vector', () => {
    const data = sparse([
      [1, 0.9, 0],
      [0.9, 1, 0.1],
      [0, 0.1, 1],
    ]);
    const rough = principalComponents(data, { ...settings, components: 1, maxIterations: 1 });
    const exact = principalComponents(data, { ...settings, components: 1 });
    const norm = Math.hypot(...rough.vectors[0]);
    expect(norm).toBeCloseTo(1, 12);
    expect(rough.vectors[0]).not.toEqual(exact.vectors[0]);
  });
});
