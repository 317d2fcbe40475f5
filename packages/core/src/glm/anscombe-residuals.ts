/**
 * Standardized Anscombe residuals of a Poisson-type fit, as R package surveillance computes them
 * for the Farrington reweighting (`anscombe.residuals(m, phi)` in `R/algo_farrington.R`, used by
 * `algo.farrington.fitGLM.fast` and `farringtonFlexible`):
 *
 *   aᵢ = 3/2 (yᵢ^(2/3) μᵢ^(−1/6) − μᵢ^(1/2)) / √(φ (1 − hᵢ))
 *
 * with h the leverages of the fit (R's `hatvalues`) and φ the overdispersion the caller chose
 * (surveillance passes max(dispersion, 1)). Reference: McCullagh & Nelder, Generalized Linear
 * Models, 2nd ed. (1989), §2.4.2; Farrington et al. (1996), J R Stat Soc A 159:547–563.
 */
import { ValidationError } from '../errors.ts';
import type { GlmFit } from './types.ts';

/**
 * Standardized Anscombe residuals.
 *
 * @param fit - A Poisson or quasi-Poisson fit.
 * @param phi - Overdispersion to standardize by, > 0 (surveillance: max(fit.dispersion, 1)).
 * @returns One residual per row; ±Infinity where the leverage is 1.
 * @throws ValidationError when `phi` is not a positive finite number or the fit is Gaussian.
 * @example
 * ```ts
 * const s = anscombeResiduals(fit, Math.max(fit.dispersion, 1));
 * ```
 */
export function anscombeResiduals(fit: GlmFit, phi: number): number[] {
  if (typeof phi !== 'number' || !(phi > 0) || !Number.isFinite(phi)) {
    throw ValidationError.of(
      'phi',
      'out_of_range',
      `phi must be a finite number > 0, got ${String(phi)}`,
    );
  }
  if (fit.family === 'gaussian') {
    throw ValidationError.of(
      'fit',
      'invalid_family',
      'Anscombe residuals are defined here for Poisson fits',
    );
  }
  return fit.y.map((y, i) => {
    const mu = fit.fitted[i];
    const raw = 1.5 * (y ** (2 / 3) * mu ** (-1 / 6) - Math.sqrt(mu));
    return raw / Math.sqrt(phi * (1 - fit.hatValues[i]));
  });
}
