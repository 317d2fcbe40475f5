/**
 * The findings a rule set raises on a run or control chart, straight from the chart's input: a
 * scan reads tens of thousands of charts and keeps only their findings, so it skips drawing each
 * chart's points (fourteen fields a point), its own runs analysis and its warnings.
 */
import { chartLimitsOf } from '../spc/chart-limits.ts';
import type { PartFrame } from '../spc/part-frame.ts';
import { prepareRows } from '../spc/prepare-rows.ts';
import { resolveSpcOptions } from '../spc/resolve-spc-options.ts';
import type { SpcInput, SpcOptions } from '../spc/types.ts';
import { computeSpcChart } from '../spc/compute-spc-chart.ts';
import type { RuleSetPreset } from '../rule-sets/rule-set-types.ts';
import { ValidationError } from '../errors.ts';
import {
  findingsFromRuleSet,
  findingsFromSpcChart,
  type FindingFilter,
} from './series-findings.ts';
import type { SignalFinding } from './types.ts';

/**
 * `findingsFromSpcChart(computeSpcChart(input, options), periodIds, preset, keep)`, the same
 * findings (a property test holds them equal, number for number), without the chart's points. A
 * chart with parts or excluded rows is drawn and read as that expression says.
 * @throws ValidationError as `computeSpcChart` does, and when `periodIds` and the rows differ in
 *   length.
 * @throws InsufficientDataError when there are no rows.
 */
export function findingsFromSpcInput(
  input: SpcInput,
  options: SpcOptions,
  periodIds: readonly string[],
  preset: RuleSetPreset,
  keep?: FindingFilter,
): SignalFinding[] {
  if ((options.part?.length ?? 0) > 0 || (options.exclude?.length ?? 0) > 0) {
    return findingsFromSpcChart(computeSpcChart(input, options), periodIds, preset, keep);
  }
  // One part, every row included: the chart's lines as computeSpcChart draws them.
  const resolved = resolveSpcOptions(input, options);
  const rows = prepareRows(input, resolved.chart);
  const count = rows.y.length;
  if (periodIds.length !== count) {
    throw ValidationError.of(
      'periodIds',
      'length_mismatch',
      `periodIds has ${periodIds.length} entries, expected ${count}`,
    );
  }
  const base = new Array<boolean>(count);
  for (let k = 0; k < count; k++) {
    base[k] = resolved.freeze === null || k + 1 <= resolved.freeze;
  }
  const frame: PartFrame = { y: rows.y, numerator: rows.numerator, n: rows.n, base };
  const lines = chartLimitsOf(resolved.chart)(frame, resolved);
  // The points' values, centre line and limits after multiply, as the rule set reads a chart —
  // a point's null there is NaN or ±Infinity here, which every rule set reads as no value (and
  // arrays of plain doubles hold them without a heap number each). Every point is included.
  const m = resolved.multiply;
  const y = scaled(lines.y, m);
  const cls = y.slice();
  const cl = lines.cl * m;
  for (let k = 0; k < count; k++) {
    cls[k] = cl;
  }
  return findingsFromRuleSet({
    periodIds,
    result: preset.evaluate({
      y,
      cl: cls,
      ucl: scaled(lines.ucl, m),
      lcl: scaled(lines.lcl, m),
      ucl2: scaled(lines.ucl95, m),
      lcl2: scaled(lines.lcl95, m),
    }),
    centreLine: resolved.chart === 'run' ? 'median' : 'average',
    latestPeriod: periodIds[count - 1],
    keep,
  });
}

/**
 * `values` times `m`: the array itself when `m` is 1 (x · 1 is x, to the bit), else a copy of
 * its length scaled in place (a copy keeps the array's kind: plain doubles, no holes, and no
 * growing by push).
 */
function scaled(values: readonly number[], m: number): readonly number[] {
  if (m === 1) {
    return values;
  }
  const copy = values.slice();
  for (let k = 0; k < copy.length; k++) {
    copy[k] *= m;
  }
  return copy;
}
