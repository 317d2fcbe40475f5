/**
 * Independent linear algebra for the GLM tests: weighted normal equations X′WX β = X′Wz solved by
 * Gauss–Jordan elimination with partial pivoting (not ml-matrix, not QR), and the inverse of
 * X′WX. Used only by tests.
 */

/** X′WX for rows x and weights w. */
export function crossProduct(
  rows: readonly (readonly number[])[],
  w: readonly number[],
): number[][] {
  const p = rows[0].length;
  const m = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  rows.forEach((row, i) => {
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        m[a][b] += w[i] * row[a] * row[b];
      }
    }
  });
  return m;
}

/** Solves A X = B by Gauss–Jordan elimination; B has one column per right-hand side. */
export function solveLinear(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
        pivot = r;
      }
    }
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) {
        continue;
      }
      const f = m[r][col] / m[col][col];
      for (let c = col; c < m[r].length; c++) {
        m[r][c] -= f * m[col][c];
      }
    }
  }
  return m.map((row, i) => row.slice(n).map((v) => v / m[i][i]));
}

/** Weighted least squares β = (X′WX)⁻¹ X′Wz. */
export function weightedLeastSquares(
  rows: readonly (readonly number[])[],
  z: readonly number[],
  w: readonly number[],
): number[] {
  const p = rows[0].length;
  const rhs = Array.from({ length: p }, (_, a) => [
    rows.reduce((acc, row, i) => acc + w[i] * row[a] * z[i], 0),
  ]);
  return solveLinear(crossProduct(rows, w), rhs).map((row) => row[0]);
}

/** (X′WX)⁻¹. */
export function inverseCrossProduct(
  rows: readonly (readonly number[])[],
  w: readonly number[],
): number[][] {
  const p = rows[0].length;
  const identity = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)),
  );
  return solveLinear(crossProduct(rows, w), identity);
}
