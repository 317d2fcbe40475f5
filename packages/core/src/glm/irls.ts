/**
 * Iteratively reweighted least squares exactly as R's `glm.fit` (R 4.x, `stats/R/glm.R`):
 * starting values from the family (η = g(mustart)), convergence when
 * |dev − dev_old| / (|dev| + 0.1) < epsilon, at most `maxIterations` steps, step halving towards
 * the previous coefficients when the deviance is not finite or μ leaves the family's domain.
 * Stopping at the same iterate as R matters: at R's tolerance the coefficients can still move in
 * their 6th significant digit, so a fit iterated to the exact optimum would not match R to 1e-6.
 * As in R, the working weights and the QR kept for the summary are those of the last weighted
 * least-squares step, i.e. evaluated at the μ before the final update.
 */
import { ValidationError, type Warning } from '../errors.ts';
import type { FamilyFunctions } from './family.ts';
import { solveWeightedLeastSquares, type LeastSquaresStep } from './weighted-least-squares.ts';

/** Inputs of one IRLS run; all vectors already checked. */
export interface IrlsInput {
  readonly family: FamilyFunctions;
  readonly y: readonly number[];
  readonly rows: readonly (readonly number[])[];
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  readonly offset: readonly number[];
  readonly epsilon: number;
  readonly maxIterations: number;
  /** Starting means; default the family's `mustart`. */
  readonly muStart?: readonly number[];
}

/** State at the end of IRLS, as `glm.fit` returns it. */
export interface IrlsResult {
  readonly coefficients: readonly number[];
  readonly eta: readonly number[];
  readonly mu: readonly number[];
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly boundary: boolean;
  /** Rows used by the last least-squares step (prior weight > 0). */
  readonly used: readonly boolean[];
  /** Working weights w² of the last step; 0 for unused rows. */
  readonly workingWeights: readonly number[];
  /** The last least-squares step, over the used rows. */
  readonly step: LeastSquaresStep;
  readonly warnings: readonly Warning[];
}

function linearPredictor(
  rows: readonly (readonly number[])[],
  beta: readonly number[],
  offset: readonly number[],
): number[] {
  const eta = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let acc = 0;
    for (let j = 0; j < row.length; j++) {
      acc += row[j] * beta[j];
    }
    eta[i] = acc + offset[i];
  }
  return eta;
}

function totalDeviance(input: IrlsInput, mu: readonly number[]): number {
  let dev = 0;
  for (let i = 0; i < mu.length; i++) {
    dev += input.family.devianceResidual(input.y[i], mu[i], input.weights[i]);
  }
  return dev;
}

/** η, μ and the deviance at coefficients `beta`. */
function evaluateAt(
  input: IrlsInput,
  beta: readonly number[],
): { eta: number[]; mu: number[]; dev: number } {
  const eta = linearPredictor(input.rows, beta, input.offset);
  const mu = eta.map((e) => input.family.linkInverse(e));
  return { eta, mu, dev: totalDeviance(input, mu) };
}

/** Whether every μ lies in the family's domain. */
function allValid(family: FamilyFunctions, mu: readonly number[]): boolean {
  for (const m of mu) {
    if (!family.validMu(m)) {
      return false;
    }
  }
  return true;
}

/** Whether some value is below `bound` (a loop: no closure per call). */
function someBelow(values: readonly number[], bound: number): boolean {
  for (const v of values) {
    if (v < bound) {
      return true;
    }
  }
  return false;
}

/** Adds a warning unless one with its code is there already. */
function warnOnce(warnings: Warning[], code: string, message: string): void {
  if (!warnings.some((w) => w.code === code)) {
    warnings.push({ code, message });
  }
}

function cannotFit(reason: string): never {
  throw ValidationError.of('y', 'fit_failed', `the model cannot be fitted: ${reason}`);
}

/**
 * Runs IRLS.
 *
 * @param input - Family, data, design, weights, offset and control.
 * @returns The final iterate, its deviance, the last least-squares step and warnings.
 * @throws ValidationError when a term is aliased, or when no finite deviance can be reached from
 * the starting values (R stops with an error in both cases).
 */
export function runIrls(input: IrlsInput): IrlsResult {
  const { family, y, rows, weights, offset } = input;
  // Read before the iterations: optimised on the stack mid-loop (a scan runs this ~100,000
  // times), the function otherwise met this read after the loop with a family object of another
  // shape than it was compiled for, and fell back to the interpreter hundreds of times a scan.
  const ratesFamily = family.name !== 'gaussian';
  const n = y.length;
  const warnings: Warning[] = [];
  const tolerance = Math.min(1e-7, input.epsilon / 1000);
  const muStart = input.muStart ?? y.map((v) => family.start(v));
  let eta = muStart.map((m) => family.link(m));
  let mu = eta.map((e) => family.linkInverse(e));
  if (!mu.every((m) => family.validMu(m))) {
    cannotFit('no valid starting values');
  }
  let devOld = totalDeviance(input, mu);
  let dev = devOld;
  let coefOld: number[] | null = null;
  let coef: number[] = [];
  let step: LeastSquaresStep | null = null;
  let used: boolean[] = [];
  let workingWeights: number[] = [];
  let converged = false;
  let boundary = false;
  let iterations = 0;
  for (let iter = 1; iter <= input.maxIterations; iter++) {
    iterations = iter;
    // Plain loops: a signal scan runs this some 100,000 times on a handful of rows.
    const muEta = new Array<number>(n);
    const good = new Array<boolean>(n);
    const index: number[] = [];
    for (let i = 0; i < n; i++) {
      muEta[i] = family.muEta(eta[i]);
      good[i] = weights[i] > 0 && muEta[i] !== 0;
      if (good[i]) {
        index.push(i);
      }
    }
    if (index.length === 0) {
      cannotFit('no observation has a positive weight');
    }
    const z = new Array<number>(index.length);
    const w = new Array<number>(index.length);
    const usedRows = new Array<readonly number[]>(index.length);
    for (let k = 0; k < index.length; k++) {
      const i = index[k];
      z[k] = eta[i] - offset[i] + (y[i] - mu[i]) / muEta[i];
      w[k] = Math.sqrt((weights[i] * muEta[i] ** 2) / family.variance(mu[i]));
      usedRows[k] = rows[i];
    }
    const next = solveWeightedLeastSquares(usedRows, w, z, input.terms, tolerance);
    if (!next.coefficients.every(Number.isFinite)) {
      if (step === null) {
        cannotFit('non-finite coefficients at the first iteration');
      }
      warnOnce(warnings, 'non_finite_coefficients', `non-finite coefficients at iteration ${iter}`);
      converged = false;
      break;
    }
    step = next;
    used = good;
    workingWeights = new Array<number>(n).fill(0);
    for (let k = 0; k < index.length; k++) {
      workingWeights[index[k]] = w[k] * w[k];
    }
    let start = [...next.coefficients];
    ({ eta, mu, dev } = evaluateAt(input, start));
    boundary = false;
    if (!Number.isFinite(dev) || !allValid(family, mu)) {
      if (coefOld === null) {
        cannotFit('no valid set of coefficients has been found');
      }
      warnOnce(
        warnings,
        'step_size_truncated',
        'step size truncated: the deviance diverged or μ left its domain',
      );
      for (let halving = 1; !Number.isFinite(dev) || !allValid(family, mu); halving++) {
        if (halving > input.maxIterations) {
          cannotFit('cannot correct the step size');
        }
        const previous: readonly number[] = coefOld;
        start = start.map((b, j) => (b + previous[j]) / 2);
        ({ eta, mu, dev } = evaluateAt(input, start));
      }
      boundary = true;
    }
    coef = start;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < input.epsilon) {
      converged = true;
      break;
    }
    devOld = dev;
    coefOld = start;
  }
  if (step === null) {
    cannotFit('no iteration was run');
  }
  if (!converged) {
    warnOnce(warnings, 'not_converged', `IRLS did not converge in ${iterations} iterations`);
  }
  if (boundary) {
    warnOnce(warnings, 'stopped_at_boundary', 'IRLS stopped at a boundary value');
  }
  if (ratesFamily && someBelow(mu, 10 * Number.EPSILON)) {
    warnOnce(warnings, 'fitted_rates_numerically_0', 'fitted rates numerically 0 occurred');
  }
  return {
    coefficients: coef,
    eta,
    mu,
    deviance: dev,
    iterations,
    converged,
    boundary,
    used,
    workingWeights,
    step,
    warnings,
  };
}
