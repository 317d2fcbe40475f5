/**
 * Difference-in-differences of an intervention group against comparison units: a Poisson,
 * quasi-Poisson or Gaussian GLM with a group × period (post) interaction, fitted as R's `glm`,
 * and a check of parallel pre-intervention trends.
 */
import { InsufficientDataError, ValidationError, type Warning } from '../errors.ts';
import { fitGlm } from '../glm/fit-glm.ts';
import { buildModelMatrix } from '../glm/model-matrix.ts';
import { withWaldInterval, type EffectCoefficient } from './effect-coefficient.ts';
import { overdispersionWarnings } from './effect-input.ts';
import {
  checkDidData,
  DID_EFFECT_TERM,
  didCells,
  didFormula,
  didTerms,
  type DidData,
} from './did-design.ts';
import type { DidOptions, DidResult, DidRow } from './did-types.ts';

/** Fewer distinct pre-intervention periods than this give the `few_pre_periods` warning. */
export const DID_MIN_PRE_PERIODS = 3;

/** Significance level at which differing pre-trends are reported (`pre_trends_differ`). */
const PRE_TREND_ALPHA = 0.05;

/** `intervention:period` on the pre rows: `outcome ~ intervention * period`, same family and offset. */
function fitPreTrend(data: DidData): { preTrend: EffectCoefficient | null; warnings: Warning[] } {
  const pre = data.post.map((_, k) => k).filter((k) => data.post[k] === 0);
  const periods = new Set(pre.map((k) => data.period[k]));
  const notTestable = (why: string) => ({
    preTrend: null,
    warnings: [
      {
        code: 'pre_trend_not_testable',
        message: `the pre-trend check could not be fitted: ${why}`,
      },
    ],
  });
  if (periods.size < 2) {
    return notTestable('it needs at least 2 periods before the start');
  }
  const treated = pre.map((k) => data.treated[k]);
  const period = pre.map((k) => data.period[k]);
  try {
    const fit = fitGlm({
      family: data.family,
      y: pre.map((k) => data.y[k]),
      design: buildModelMatrix([
        { name: 'intervention', values: treated },
        { name: 'period', values: period },
        { name: 'intervention:period', product: [treated, period] },
      ]),
      ...(data.offset === undefined ? {} : { offset: pre.map((k) => data.offset?.[k] ?? 0) }),
    });
    const preTrend = withWaldInterval(fit.coefficients[3], data.family);
    const warnings: Warning[] =
      preTrend.pValue < PRE_TREND_ALPHA
        ? [
            {
              code: 'pre_trends_differ',
              message: `before the start the groups' trends differ (p = ${preTrend.pValue.toPrecision(2)}): the parallel-trends assumption is doubtful`,
            },
          ]
        : [];
    return { preTrend, warnings };
  } catch (error) {
    // The check is auxiliary: data that cannot support it still get the main estimate.
    if (error instanceof ValidationError || error instanceof InsufficientDataError) {
      return notTestable(error.message);
    }
    throw error;
  }
}

/**
 * Estimates the effect of an intervention by difference-in-differences.
 *
 * The default model is the canonical 2 × 2 one, `outcome ~ intervention + post +
 * intervention:post` (+ `offset(log(exposure))`): with the Gaussian family its effect is exactly
 * (ȳ_I,post − ȳ_I,pre) − (ȳ_C,post − ȳ_C,pre); with a Poisson family its rate ratio is the ratio
 * of the two groups' post/pre rate ratios of the cell totals. Fixed effects for periods, units
 * or both are options (`fixedEffects`). Standard errors treat rows as independent given the
 * model (quasi-Poisson scales them for overdispersion); they are not clustered by unit.
 *
 * @param rows - One row per unit and period.
 * @param options - Intervention start (first post period), family (default `poisson`), fixed
 * effects (default `none`).
 * @returns The `intervention:post` effect with Wald 95 % interval (rate ratio for log links,
 * difference for Gaussian), the coefficient table, a pre-trend check, cell totals and warnings.
 * @throws ValidationError naming the field and row of bad input, or an aliased term.
 * @throws InsufficientDataError when there are fewer rows than the model needs.
 * @example
 * ```ts
 * const did = estimateDifferenceInDifferences(rows, { interventionStart: 13, family: 'quasipoisson' });
 * did.effect.rateRatio; // e.g. 0.82, with did.effect.rrCiLower / rrCiUpper
 * ```
 */
export function estimateDifferenceInDifferences(
  rows: readonly DidRow[],
  options: DidOptions,
): DidResult {
  const data = checkDidData(rows, options);
  const fit = fitGlm({
    family: data.family,
    y: data.y,
    design: buildModelMatrix(didTerms(data)),
    ...(data.offset === undefined ? {} : { offset: data.offset }),
  });
  const coefficients = fit.coefficients.map((c) => withWaldInterval(c, data.family));
  const effect = coefficients[coefficients.length - 1];
  if (effect.term !== DID_EFFECT_TERM) {
    throw new Error(`internal: last term is ${effect.term}`);
  }
  const prePeriods = new Set(data.period.filter((_, k) => data.post[k] === 0)).size;
  const postPeriods = new Set(data.period.filter((_, k) => data.post[k] === 1)).size;
  const units = (treated: number) =>
    new Set(data.unit.filter((_, k) => data.treated[k] === treated)).size;
  const { preTrend, warnings: preTrendWarnings } = fitPreTrend(data);
  const warnings: Warning[] = [
    ...(prePeriods < DID_MIN_PRE_PERIODS
      ? [
          {
            code: 'few_pre_periods',
            message: `${prePeriods} period(s) before the start: too few to judge whether the groups' trends were parallel (want ≥ ${DID_MIN_PRE_PERIODS})`,
          },
        ]
      : []),
    ...preTrendWarnings,
    ...fit.warnings,
    ...overdispersionWarnings(fit),
  ];
  return {
    family: data.family,
    fixedEffects: data.fixedEffects,
    formula: didFormula(data),
    statisticKind: fit.statisticKind,
    dispersion: fit.dispersion,
    dfResidual: fit.dfResidual,
    effect,
    coefficients,
    preTrend,
    cells: didCells(data),
    units: { intervention: units(1), comparison: units(0) },
    prePeriods,
    postPeriods,
    warnings,
  };
}
