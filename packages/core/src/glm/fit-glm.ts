/**
 * Fitting a generalized linear model as R's `glm()` followed by `summary()`: IRLS as `glm.fit`,
 * the null deviance as `glm` computes it (with an offset and an intercept, by fitting the
 * intercept-only model started from the full model's fitted values), and the summary's
 * dispersion, covariance and tests.
 */
import type { Warning } from '../errors.ts';
import { familyFunctions } from './family.ts';
import { checkGlmInput, type CheckedGlmInput } from './glm-input.ts';
import { summarizeGlm } from './glm-summary.ts';
import { runIrls } from './irls.ts';
import { INTERCEPT } from './model-matrix.ts';
import type { GlmFit, GlmOptions } from './types.ts';

/** Null deviance and, if its fit did not converge, a warning. */
function nullDeviance(
  input: CheckedGlmInput,
  fittedMu: readonly number[],
): { deviance: number; warning?: Warning } {
  const family = familyFunctions(input.family);
  const { y, weights, offset } = input;
  if (input.intercept && input.hasOffset) {
    const fit = runIrls({
      family,
      y,
      rows: y.map(() => [1]),
      terms: [INTERCEPT],
      weights,
      offset,
      epsilon: input.epsilon,
      maxIterations: input.maxIterations,
      muStart: fittedMu,
    });
    return fit.converged
      ? { deviance: fit.deviance }
      : {
          deviance: fit.deviance,
          warning: {
            code: 'null_deviance_not_converged',
            message: 'the fit for the null deviance did not converge',
          },
        };
  }
  let mu: number[];
  if (input.intercept) {
    const totalWeight = weights.reduce((a, w) => a + w, 0);
    const mean = weights.reduce((a, w, i) => a + w * y[i], 0) / totalWeight;
    mu = y.map(() => mean);
  } else {
    mu = offset.map((o) => family.linkInverse(o));
  }
  return {
    deviance: y.reduce((acc, v, i) => acc + family.devianceResidual(v, mu[i], weights[i]), 0),
  };
}

/**
 * Fits a Poisson, quasi-Poisson or Gaussian GLM by IRLS, reproducing R's `glm` and `summary.glm`.
 *
 * @param options - Family, response, design (see `buildModelMatrix`), optional prior weights,
 * offset and control (epsilon 1e-8, 25 iterations, as R).
 * @returns Coefficient table, covariances, dispersion, deviances, degrees of freedom, AIC
 * (Poisson), fitted values, residuals, leverages, convergence and warnings.
 * @throws ValidationError for bad input (naming the option and row), for an aliased term
 * (naming it; R would report its coefficient as NA) or when no valid fit can be started.
 * @throws InsufficientDataError when there are too few rows with positive weight.
 * @example
 * ```ts
 * const fit = fitGlm({
 *   family: 'quasipoisson',
 *   y: aces,
 *   design: buildModelMatrix([{ name: 'smokban', values: smokban }, { name: 'time', values: time }]),
 *   offset: stdpop.map(Math.log),
 * });
 * Math.exp(fit.coefficients[1].estimate); // rate ratio of the smoking ban, 0.8944
 * ```
 */
export function fitGlm(options: GlmOptions): GlmFit {
  const input = checkGlmInput(options);
  const family = familyFunctions(input.family);
  const { y, weights } = input;
  const irls = runIrls({ ...input, family });
  const rank = input.terms.length;
  const informative = weights.filter((w) => w > 0).length;
  const dfResidual = informative - rank;
  const dfNull = informative - (input.intercept ? 1 : 0);
  const mu = irls.mu;
  const eta = irls.eta;
  const workingResiduals = y.map((v, i) => (v - mu[i]) / family.muEta(eta[i]));
  const covarianceUnscaled = irls.step.unscaledCovariance();
  const summary = summarizeGlm({
    terms: input.terms,
    coefficients: irls.coefficients,
    covarianceUnscaled,
    fixedDispersion: family.fixedDispersion,
    dfResidual,
    workingWeights: irls.workingWeights,
    workingResiduals,
  });
  const pearsonResiduals = y.map(
    (v, i) => ((v - mu[i]) * Math.sqrt(weights[i])) / Math.sqrt(family.variance(mu[i])),
  );
  const devianceResiduals = y.map((v, i) => {
    const d = Math.sqrt(Math.max(family.devianceResidual(v, mu[i], weights[i]), 0));
    return v > mu[i] ? d : -d;
  });
  const usedLeverages = irls.step.leverages();
  let k = 0;
  const hatValues = irls.used.map((u) => (u ? usedLeverages[k++] : 0));
  const nullFit = nullDeviance(input, mu);
  const warnings =
    nullFit.warning === undefined ? irls.warnings : [...irls.warnings, nullFit.warning];
  return {
    family: input.family,
    terms: input.terms,
    coefficients: summary.coefficients,
    statisticKind: summary.statisticKind,
    covarianceUnscaled,
    covariance: summary.covariance,
    dispersion: summary.dispersion,
    pearsonChiSquare: pearsonResiduals.reduce((acc, r) => acc + r * r, 0),
    deviance: irls.deviance,
    nullDeviance: nullFit.deviance,
    dfResidual,
    dfNull,
    aic: family.aic === null ? null : family.aic(y, mu, weights) + 2 * rank,
    rank,
    y,
    fitted: mu,
    linearPredictor: eta,
    offset: input.offset,
    priorWeights: weights,
    workingWeights: irls.workingWeights,
    workingResiduals,
    pearsonResiduals,
    devianceResiduals,
    hatValues,
    iterations: irls.iterations,
    converged: irls.converged,
    boundary: irls.boundary,
    warnings,
  };
}
