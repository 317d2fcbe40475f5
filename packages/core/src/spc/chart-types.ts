/**
 * The chart types Sankofa draws, named as qicharts2 0.8.1 `qic(chart = …)` names them.
 */

/**
 * A run or control chart type: `run` (median), `i` individuals, `mr` moving range, `p`
 * proportion, `pp` Laney P′, `u` rate, `up` Laney U′, `c` count, `g` opportunities between
 * events, `t` time between events.
 */
export type SpcChartType = 'run' | 'i' | 'mr' | 'p' | 'pp' | 'u' | 'up' | 'c' | 'g' | 't';

/** Every chart type, in the order qicharts2 documents them. */
export const SPC_CHART_TYPES: readonly SpcChartType[] = [
  'run',
  'i',
  'mr',
  'p',
  'pp',
  'u',
  'up',
  'c',
  'g',
  't',
];

/** Charts whose y is a count over a denominator: `n` is required. */
const RATIO_CHARTS: ReadonlySet<SpcChartType> = new Set(['p', 'pp', 'u', 'up']);

/**
 * Whether `value` names a chart type.
 *
 * @example isSpcChartType('pp') // true
 */
export function isSpcChartType(value: unknown): value is SpcChartType {
  return typeof value === 'string' && (SPC_CHART_TYPES as readonly string[]).includes(value);
}

/** Whether the chart needs a denominator `n` (P, P′, U, U′). */
export function needsDenominator(chart: SpcChartType): boolean {
  return RATIO_CHARTS.has(chart);
}

/** Whether the chart has control limits (every type but the run chart). */
export function hasControlLimits(chart: SpcChartType): boolean {
  return chart !== 'run';
}
