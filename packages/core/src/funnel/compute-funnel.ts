/**
 * Funnel plots for comparing org units (Spiegelhalter 2005, Stat Med 24:1185–1202 and QSHC
 * 14:347–351), with FunnelPlotR 0.6.0's over-dispersion adjustment. The pipeline: check the
 * input → target → z-scores on the transformed scale → φ, χ² test and τ² → limits per unit and
 * over a grid of n → outliers → warnings.
 */
import type { Warning } from '../errors.ts';
import { curveDenominators } from './funnel-curve.ts';
import { limitsAt, surelyInside998, type LimitContext } from './funnel-limits.ts';
import { funnelScale } from './funnel-scale.ts';
import { estimateOverdispersion, type OverdispersionEstimate } from './overdispersion.ts';
import { resolveFunnelInput, type ResolvedFunnelInput } from './resolve-funnel-input.ts';
import type {
  FunnelCurvePoint,
  FunnelLimits,
  FunnelOptions,
  FunnelOutlier,
  FunnelResult,
  FunnelUnit,
  FunnelUnitResult,
} from './types.ts';

/** Fewer units than this make φ a rough guess (10 % Winsorised from each tail is under a unit). */
const FEW_UNITS = 10;

/**
 * Computes a funnel plot: each unit's value, z-score, 95 % and 99.8 % limits at its own n and
 * outlier flags, the over-dispersion estimate, and the limits over a grid of n for drawing.
 *
 * Limits are exact (binomial with Spiegelhalter's interpolation for proportions, Poisson in
 * chi-square form for rates). With `overdispersion: true` and φ > 1 they are widened by the
 * DerSimonian–Laird τ² on the arcsine (proportions) or square-root (rates) scale; outliers are
 * then judged against the widened limits. A unit on a limit is not an outlier.
 *
 * @param units - One row per org unit: name, numerator y, denominator or exposure n.
 * @param options - Type, adjustment, target, trimBy, multiply.
 * @returns The funnel as data; units keep the input order.
 * @throws ValidationError naming the row and field of a bad unit, or the bad option.
 * @throws InsufficientDataError for fewer than two units.
 * @example
 * ```ts
 * const funnel = computeFunnel(
 *   [{ unit: 'Bo', y: 12, n: 340 }, { unit: 'Kenema', y: 31, n: 410 }, …],
 *   { type: 'proportion', overdispersion: true, multiply: 100 },
 * );
 * funnel.units.filter((u) => u.outlier !== null); // beyond 99.8 %, with direction
 * ```
 */
export function computeFunnel(units: readonly FunnelUnit[], options: FunnelOptions): FunnelResult {
  const input = resolveFunnelInput(units, options);
  const { type, theta, multiply, trimBy } = input;
  const scale = funnelScale(type, theta);
  // Sums in name order, so φ and τ² do not depend on the order of the rows.
  const byName = [...input.units].sort((a, b) => (a.unit < b.unit ? -1 : 1));
  const estimate = estimateOverdispersion(
    byName.map((u) => scale.zScore(u.y, u.n)),
    byName.map((u) => scale.weight(u.n)),
    trimBy,
  );
  const applied = input.overdispersion && estimate.phi > 1;
  const outliersOnly = options.units === 'outliers';
  const context: LimitContext = { type, theta, scale, tau2: applied ? estimate.tau2 : null };
  const curveAt = (limitContext: LimitContext) =>
    curveDenominators(
      type,
      input.units.map((u) => u.n),
    ).map((n): FunnelCurvePoint => ({ n, ...scaled(limitsAt(n, limitContext), multiply) }));

  return {
    type,
    multiply,
    target: theta * multiply,
    overdispersion: {
      transform: scale.transform,
      trimBy,
      ...estimate,
      significant: estimate.pValue < 0.05,
      applied,
    },
    units: input.units.flatMap((unit, index): FunnelUnitResult[] => {
      const value = (unit.y / unit.n) * multiply;
      if (outliersOnly && surelyInside998(value, unit.n, multiply, context)) {
        return [];
      }
      const limits = scaled(limitsAt(unit.n, context), multiply);
      const outlier = side(value, limits.lower998, limits.upper998);
      if (outliersOnly && outlier === null) {
        return [];
      }
      const result: FunnelUnitResult = {
        unit: unit.unit,
        y: unit.y,
        n: unit.n,
        row: index + 1,
        value,
        z: applied
          ? scale.adjustedZScore(unit.y, unit.n, estimate.tau2)
          : scale.zScore(unit.y, unit.n),
        ...limits,
        outlier,
        outlier95: side(value, limits.lower95, limits.upper95),
      };
      return [result];
    }),
    curve: options.curve === false ? [] : curveAt(context),
    unadjustedCurve:
      applied && options.curve !== false ? curveAt({ ...context, tau2: null }) : null,
    warnings: funnelWarnings(input, estimate, applied),
  };
}

function scaled(limits: FunnelLimits, multiply: number): FunnelLimits {
  return {
    lower95: limits.lower95 * multiply,
    upper95: limits.upper95 * multiply,
    lower998: limits.lower998 * multiply,
    upper998: limits.upper998 * multiply,
  };
}

function side(value: number, lower: number, upper: number): FunnelOutlier {
  return value > upper ? 'high' : value < lower ? 'low' : null;
}

function funnelWarnings(
  input: ResolvedFunnelInput,
  estimate: OverdispersionEstimate,
  applied: boolean,
): Warning[] {
  const warnings: Warning[] = [];
  const phi = `φ = ${estimate.phi.toPrecision(3)}`;
  const p = estimate.pValue < 0.001 ? 'p < 0.001' : `p = ${estimate.pValue.toPrecision(2)}`;
  if (input.theta === 0 || (input.type === 'proportion' && input.theta === 1)) {
    warnings.push({
      code: 'degenerate_target',
      message: `Every unit has ${input.theta === 0 ? 'no events' : 'y = n'}: the limits collapse onto the target`,
    });
  }
  if (input.overdispersion && !applied) {
    warnings.push({
      code: 'overdispersion_not_applied',
      message: `${phi} ≤ 1: no over-dispersion, so the limits are the unadjusted exact ones`,
    });
  }
  if (!input.overdispersion && estimate.pValue < 0.05) {
    warnings.push({
      code: 'overdispersion_detected',
      message: `${phi} (χ² test ${p}): the units vary more than chance allows; consider the over-dispersion adjustment before reading outliers`,
    });
  }
  if (input.overdispersion && input.units.length < FEW_UNITS) {
    warnings.push({
      code: 'few_units',
      message: `${phi} is estimated from ${input.units.length} units; fewer than ${FEW_UNITS} make it unreliable`,
    });
  }
  return warnings;
}
