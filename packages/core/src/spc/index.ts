/**
 * Run and control charts (qicharts2 0.8.1 `qic()` semantics) and the Anhøj runs analysis.
 * Internals (moving ranges, limit functions, the binomial quantile) stay unexported so that the
 * core barrel does not collide with the other statistics modules.
 */
export {
  SPC_CHART_TYPES,
  hasControlLimits,
  isSpcChartType,
  needsDenominator,
  type SpcChartType,
} from './chart-types.ts';
export type { RunsAnalysis, SpcChart, SpcInput, SpcOptions, SpcPoint } from './types.ts';
export { computeSpcChart } from './compute-spc-chart.ts';
export { analyseRuns, longestRunLimit, type RunsStatistics } from './anhoej-runs.ts';
export { crossingsLimit } from './crossings-limit.ts';
