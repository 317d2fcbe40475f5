/**
 * The weighted least-squares step of IRLS and what the final step's QR decomposition gives:
 * (X′WX)⁻¹ and the leverages. R's `glm.fit` solves each step by a Householder QR of √W·X
 * (LINPACK `dqrdc2`); this uses ml-matrix's Householder QR, which gives the same solution up to
 * rounding, and for a one-column design the same QR written as sums. Where `dqrdc2` would pivot an (almost) linearly dependent column to the end and
 * report its coefficient as NA, this throws a `ValidationError` naming the aliased term, with
 * R's test: the column's remaining norm after projecting out the earlier columns is below
 * `tolerance` × its own norm (R's `glm.fit` uses min(1e-7, epsilon / 1000)).
 */
import { Matrix, QrDecomposition, inverse } from 'ml-matrix';
import { ValidationError } from '../errors.ts';

/** ‖v‖₂, scaled so that large or tiny entries neither overflow nor underflow. */
function euclideanNorm(v: readonly number[]): number {
  const scale = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (scale === 0 || !Number.isFinite(scale)) {
    return scale;
  }
  return scale * Math.sqrt(v.reduce((acc, x) => acc + (x / scale) ** 2, 0));
}

/** Solution of one weighted least-squares problem, kept for the summary of the last step. */
export interface LeastSquaresStep {
  readonly coefficients: readonly number[];
  /** (X′WX)⁻¹ = R⁻¹R⁻ᵀ from the QR of √W·X (R's `chol2inv(qr$qr)`). */
  unscaledCovariance(): number[][];
  /**
   * Leverages hᵢ = Σⱼ Qᵢⱼ², the diagonal of √W X (X′WX)⁻¹ X′ √W, one per row of the step, forced
   * to 1 within 10 machine epsilons of 1 as R's `lm.influence` does.
   */
  leverages(): number[];
}

/** A leverage as R's `lm.influence` reports it. */
function asR(h: number): number {
  return h > 1 - 10 * Number.EPSILON ? 1 : h;
}

function aliased(term: string): ValidationError {
  return ValidationError.of(
    term,
    'aliased_term',
    `term ${term} is a linear combination of the terms before it (or all zero where ` +
      'weights are positive); drop it from the model',
  );
}

/**
 * The step of a one-column design (an intercept-only model: the Farrington fits without trend
 * and seasons, thousands of them per signal scan). Its QR is the column's direction and length,
 * u = a / ‖a‖ and R = ‖a‖ with a = √W·x, so the solution, the covariance and the leverages are
 * sums, computed here without building matrices: β = u·(√W z) / ‖a‖, (X′WX)⁻¹ = 1 / ‖a‖²,
 * hᵢ = uᵢ². The same numbers as the Householder QR up to rounding (tested).
 */
function solveOneColumn(
  rows: readonly (readonly number[])[],
  sqrtWeights: readonly number[],
  z: readonly number[],
  term: string,
): LeastSquaresStep {
  const a = rows.map((row, i) => row[0] * sqrtWeights[i]);
  const norm = euclideanNorm(a);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw aliased(term);
  }
  const u = a.map((v) => v / norm);
  let projection = 0;
  for (let i = 0; i < u.length; i++) {
    projection += u[i] * (z[i] * sqrtWeights[i]);
  }
  return new OneColumnStep(projection / norm, norm, u);
}

/** The step of a one-column design: the column's direction `u` and length `norm`. */
class OneColumnStep implements LeastSquaresStep {
  readonly coefficients: readonly number[];
  constructor(
    coefficient: number,
    private readonly norm: number,
    private readonly u: readonly number[],
  ) {
    this.coefficients = [coefficient];
  }
  unscaledCovariance(): number[][] {
    return [[1 / this.norm / this.norm]];
  }
  leverages(): number[] {
    return this.u.map((v) => asR(v * v));
  }
}

/** The step of any design, from ml-matrix's Householder QR of √W·X. */
class QrStep implements LeastSquaresStep {
  constructor(
    readonly coefficients: readonly number[],
    private readonly qr: QrDecomposition,
  ) {}
  unscaledCovariance(): number[][] {
    const rInverse = inverse(this.qr.upperTriangularMatrix);
    return rInverse.mmul(rInverse.transpose()).to2DArray();
  }
  leverages(): number[] {
    const q = this.qr.orthogonalMatrix;
    const h: number[] = [];
    for (let i = 0; i < q.rows; i++) {
      let sum = 0;
      for (let j = 0; j < q.columns; j++) {
        sum += q.get(i, j) ** 2;
      }
      h.push(asR(sum));
    }
    return h;
  }
}

/**
 * Minimises Σ wᵢ² (zᵢ − xᵢβ)² by QR of the rows xᵢ scaled by wᵢ.
 *
 * @param rows - Design rows of the observations in the fit.
 * @param sqrtWeights - √ of the working weights, one per row.
 * @param z - Working response, one per row.
 * @param terms - Column names, to name an aliased column.
 * @param tolerance - Relative tolerance of the rank test.
 * @returns β, and the covariance and leverages of the QR of √W·X.
 * @throws ValidationError when a column is aliased with earlier ones.
 */
export function solveWeightedLeastSquares(
  rows: readonly (readonly number[])[],
  sqrtWeights: readonly number[],
  z: readonly number[],
  terms: readonly string[],
  tolerance: number,
): LeastSquaresStep {
  if (terms.length === 1) {
    return solveOneColumn(rows, sqrtWeights, z, terms[0]);
  }
  return solveByQr(rows, sqrtWeights, z, terms, tolerance);
}

/**
 * {@link solveWeightedLeastSquares} by ml-matrix's Householder QR, whatever the number of
 * columns (exported for the test that compares it with the one-column path).
 */
export function solveByQr(
  rows: readonly (readonly number[])[],
  sqrtWeights: readonly number[],
  z: readonly number[],
  terms: readonly string[],
  tolerance: number,
): LeastSquaresStep {
  const weighted = new Matrix(rows.map((row, i) => row.map((v) => v * sqrtWeights[i])));
  const qr = new QrDecomposition(weighted);
  const rDiagonal = qr.upperTriangularMatrix.diag();
  for (let j = 0; j < terms.length; j++) {
    const norm = euclideanNorm(weighted.getColumn(j));
    if (!(Math.abs(rDiagonal[j]) >= tolerance * norm) || norm === 0) {
      throw aliased(terms[j]);
    }
  }
  const response = Matrix.columnVector(z.map((v, i) => v * sqrtWeights[i]));
  return new QrStep(qr.solve(response).getColumn(0), qr);
}
