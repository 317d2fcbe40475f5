/**
 * Turns the statistics of one series into signal findings: rule-set findings on a chart, alarms of
 * an outbreak detector, and funnel-plot outliers among sibling org units. Each finding names its
 * periods, a stable explanation code with numbers, and a plain-English summary.
 */
import type { FunnelResult } from '../funnel/types.ts';
import type { OutbreakMethod, OutbreakResult } from '../outbreak/types.ts';
import type {
  RuleDirection,
  RuleFinding,
  RuleSetPreset,
  RuleSetResult,
  RuleSeries,
} from '../rule-sets/rule-set-types.ts';
import { ValidationError } from '../errors.ts';
import type { SpcChart } from '../spc/types.ts';
import {
  comparePeriodIds,
  countPeriods,
  formatNumber,
  periodLabel,
  sortPeriodIds,
} from './signal-periods.ts';
import {
  RULE_KIND,
  type SignalExplanation,
  type SignalFinding,
  type SignalKind,
  type SignalMethod,
  type SignalRule,
} from './types.ts';

/** How a summary names the centre line. */
export type CentreLineWord = 'median' | 'average' | 'centre line';

/** A rule-set result with the period of each point of the series the preset read. */
export interface RuleSetFindingsInput {
  /** One period id per point of the evaluated series, in the same order. */
  readonly periodIds: readonly string[];
  readonly result: RuleSetResult;
  /** How the summary names the centre line; default `centre line`. */
  readonly centreLine?: CentreLineWord;
  /**
   * The last period of the whole chart: a finding that reaches it is "since …" (still going),
   * others are "from … to …". Default: the last of `periodIds`.
   */
  readonly latestPeriod?: string;
  /**
   * Which findings to make, by kind and last period: the others are left out before their
   * summary is written (a scan keeps a fraction of what a chart flags). Default: all.
   */
  readonly keep?: FindingFilter;
}

/** Whether to make a finding of this kind ending in this period. */
export type FindingFilter = (kind: SignalKind, lastPeriod: string) => boolean;

function checkLength(field: string, got: number, expected: number): void {
  if (got !== expected) {
    throw ValidationError.of(
      field,
      'length_mismatch',
      `${field} has ${got} entries, expected ${expected}`,
    );
  }
}

function finding(
  kind: SignalKind,
  rule: SignalRule,
  ruleSet: SignalMethod,
  direction: RuleDirection,
  periods: readonly string[],
  explanation: SignalExplanation,
  summary: string,
): SignalFinding {
  const periodIds = sortPeriodIds(periods);
  return {
    kind,
    rule,
    ruleSet,
    direction,
    periodIds,
    firstPeriod: periodIds[0],
    lastPeriod: periodIds[periodIds.length - 1],
    explanation,
    summary,
  };
}

/** Whether `f` continues `prev`: points beyond the limits, the same way, one right after the other. */
function continues(prev: RuleFinding | undefined, f: RuleFinding): prev is RuleFinding {
  return (
    f.rule === 'beyond_limits' &&
    prev?.rule === 'beyond_limits' &&
    prev.direction === f.direction &&
    prev.points[prev.points.length - 1] + 1 === f.points[0]
  );
}

/**
 * Merges `beyond_limits` findings on consecutive points with the same direction: one finding with
 * every point and the furthest value (and its limit; the later one's on a tie).
 */
function mergeConsecutivePoints(findings: readonly RuleFinding[]): readonly RuleFinding[] {
  let merges = false;
  for (let k = 1; k < findings.length && !merges; k++) {
    merges = continues(findings[k - 1], findings[k]);
  }
  if (!merges) {
    // Most charts: nothing to merge, and no copy of the list.
    return findings;
  }
  const out: RuleFinding[] = [];
  let k = 0;
  while (k < findings.length) {
    const first = findings[k];
    let last = first;
    k++;
    if (k >= findings.length || !continues(last, findings[k])) {
      out.push(first);
      continue;
    }
    // A streak: its points in one list, the furthest value kept as it goes (no object copies).
    const points = [...first.points];
    let y = first.message.values.y;
    let limit = first.message.values.limit;
    while (k < findings.length && continues(last, findings[k])) {
      const f = findings[k];
      const fy = f.message.values.y;
      y = f.direction === 'up' ? Math.max(y, fy) : Math.min(y, fy);
      limit = y === fy ? f.message.values.limit : limit;
      for (const i of f.points) {
        points.push(i);
      }
      last = f;
      k++;
    }
    out.push({
      rule: first.rule,
      points,
      direction: first.direction,
      message: { code: 'point_beyond_limit', values: { y, limit } },
    });
  }
  return out;
}

/** "in 2024-03", "since 2024-03" (reaches `latest`), or "from 2024-03 to 2024-11". */
function span(periods: readonly string[], latest: string | undefined): string {
  const first = periodLabel(periods[0]);
  const last = periods[periods.length - 1];
  if (periods.length === 1) {
    return `in ${first}`;
  }
  if (latest !== undefined && last === latest) {
    return `since ${first}`;
  }
  return `from ${first} to ${periodLabel(last)}`;
}

function side(direction: RuleDirection): string {
  return direction === 'down' ? 'below' : 'above';
}

function ruleSummary(
  f: RuleFinding,
  periods: readonly string[],
  centre: CentreLineWord,
  latest: string | undefined,
): string {
  const v = f.message.values;
  const count = countPeriods(periods.length, periods[0]);
  const when = span(periods, latest);
  switch (f.rule) {
    case 'shift':
    case 'longest_run':
      return `${count} in a row ${side(f.direction)} the ${centre}: a sustained shift ${when}`;
    case 'trend':
      return `${count} in a row each ${f.direction === 'down' ? 'lower' : 'higher'} than the last: a ${
        f.direction === 'down' ? 'falling' : 'rising'
      } trend ${when}`;
    case 'beyond_limits': {
      const limit = `the ${f.direction === 'down' ? 'lower' : 'upper'} control limit`;
      const numbers = `(${formatNumber(v.y)} against a limit of ${formatNumber(v.limit)})`;
      return periods.length === 1
        ? `${periodLabel(periods[0])} is ${side(f.direction)} ${limit} ${numbers}`
        : `${count} ${side(f.direction)} ${limit} ${span(periods, undefined)}, furthest ${numbers}`;
    }
    case 'astronomical':
      return `An astronomical point ${span(periods, undefined)}: ${formatNumber(v.y)} is far ${side(
        f.direction,
      )} the usual range (limit ${formatNumber(v.limit)})`;
    case 'two_of_three_beyond_2sigma':
      return `${count} ${side(f.direction)} the ${f.direction === 'down' ? 'lower' : 'upper'} 2-sigma line, 2 of 3 in a row: an early warning ${span(
        periods,
        undefined,
      )}`;
    case 'crossings':
      return `The data cross the ${centre} only ${v.crossings} ${v.crossings === 1 ? 'time' : 'times'} in ${countPeriods(
        v.nUseful,
        periods[0],
      )} (at least ${v.crossingsMin} expected): the process has changed`;
    case 'runs_too_few':
      return `Only ${v.runs} runs in ${countPeriods(v.nUseful, periods[0])} (at least ${v.lower} expected): the data stay on one side of the ${centre} too long`;
    case 'runs_too_many':
      return `${v.runs} runs in ${countPeriods(v.nUseful, periods[0])} (at most ${v.upper} expected): the data alternate too often; check how they are collected`;
  }
}

/**
 * The last of the points' periods in order: the period of the last point when the points'
 * periods are in order already (a chart's usually are), else the last after sorting them.
 */
function lastPeriodOf(points: readonly number[], periodIds: readonly string[]): string {
  for (let k = 1; k < points.length; k++) {
    if (comparePeriodIds(periodIds[points[k - 1]], periodIds[points[k]]) >= 0) {
      const sorted = sortPeriodIds(points.map((i) => periodIds[i]));
      return sorted[sorted.length - 1];
    }
  }
  return periodIds[points[points.length - 1]];
}

/**
 * Signal findings from one rule-set evaluation.
 * @param input - The period of each point and the preset's result.
 * @returns One finding per rule finding, except that points beyond the limits on consecutive
 * points in the same direction become one finding.
 * @throws ValidationError when a finding points past the end of `periodIds`.
 */
export function findingsFromRuleSet(input: RuleSetFindingsInput): SignalFinding[] {
  const { periodIds, result } = input;
  const centre = input.centreLine ?? 'centre line';
  const latest = input.latestPeriod ?? periodIds[periodIds.length - 1];
  const method: SignalMethod = { id: result.preset, version: result.version };
  const findings: SignalFinding[] = [];
  for (const f of mergeConsecutivePoints(result.findings)) {
    if (f.points.length === 0) {
      continue;
    }
    for (const i of f.points) {
      if (i < 0 || i >= periodIds.length) {
        throw ValidationError.of('periodIds', 'length_mismatch', `No period for point ${i}`);
      }
    }
    if (
      input.keep !== undefined &&
      !input.keep(RULE_KIND[f.rule], lastPeriodOf(f.points, periodIds))
    ) {
      continue;
    }
    const periods = sortPeriodIds(f.points.map((i) => periodIds[i]));
    findings.push(
      finding(
        RULE_KIND[f.rule],
        f.rule,
        method,
        f.direction,
        periods,
        { code: f.message.code, values: f.message.values },
        ruleSummary(f, periods, centre, latest),
      ),
    );
  }
  return findings;
}

/** The series a rule set reads, from a chart's points: the values, centre line and limits. */
function ruleSeriesOf(points: readonly SpcChart['points'][number][]): RuleSeries {
  const n = points.length;
  const y = new Array<number | null>(n);
  const cl = new Array<number | null>(n);
  const ucl = new Array<number | null>(n);
  const lcl = new Array<number | null>(n);
  const ucl2 = new Array<number | null>(n);
  const lcl2 = new Array<number | null>(n);
  const include = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    y[i] = p.y;
    cl[i] = p.cl;
    ucl[i] = p.ucl;
    lcl[i] = p.lcl;
    ucl2[i] = p.ucl95;
    lcl2[i] = p.lcl95;
    include[i] = p.include;
  }
  return { y, cl, ucl, lcl, ucl2, lcl2, include };
}

/**
 * Applies a preset to each part of a chart and returns the findings of all parts. The centre line
 * is called the median on run charts and the average otherwise.
 * @param chart - From `computeSpcChart`.
 * @param periodIds - One period id per chart point.
 * @param preset - The rule set, e.g. `getRuleSetPreset('anhoej')`.
 * @param keep - Which findings to make (see {@link RuleSetFindingsInput.keep}); default all.
 * @throws ValidationError when `periodIds` and the chart differ in length.
 */
export function findingsFromSpcChart(
  chart: SpcChart,
  periodIds: readonly string[],
  preset: RuleSetPreset,
  keep?: FindingFilter,
): SignalFinding[] {
  checkLength('periodIds', periodIds.length, chart.points.length);
  const centreLine: CentreLineWord = chart.chart === 'run' ? 'median' : 'average';
  const latestPeriod = periodIds[periodIds.length - 1];
  const context: PartContext = { preset, centreLine, latestPeriod, keep };
  const first = chart.points[0]?.part;
  if (chart.points.every((p) => p.part === first)) {
    // One part (no phases): the whole chart, without splitting it.
    return chart.points.length === 0 ? [] : partFindings(chart.points, periodIds, context);
  }
  const parts = [...new Set(chart.points.map((p) => p.part))];
  return parts.flatMap((part) => {
    const indices = chart.points.flatMap((p, i) => (p.part === part ? [i] : []));
    return partFindings(
      indices.map((i) => chart.points[i]),
      indices.map((i) => periodIds[i]),
      context,
    );
  });
}

/** What every part of a chart is read with. */
interface PartContext {
  readonly preset: RuleSetPreset;
  readonly centreLine: CentreLineWord;
  readonly latestPeriod: string;
  readonly keep: FindingFilter | undefined;
}

/** The findings of one part of a chart (a module function: a scan reads thousands of charts). */
function partFindings(
  points: readonly SpcChart['points'][number][],
  ids: readonly string[],
  context: PartContext,
): SignalFinding[] {
  return findingsFromRuleSet({
    periodIds: ids,
    result: context.preset.evaluate(ruleSeriesOf(points)),
    centreLine: context.centreLine,
    latestPeriod: context.latestPeriod,
    keep: context.keep,
  });
}

const METHOD_NAMES: Readonly<Record<OutbreakMethod, string>> = {
  'ears-c1': 'EARS C1',
  'ears-c2': 'EARS C2',
  'ears-c3': 'EARS C3 (surveillance)',
  'ears-c3-cdc': 'EARS C3',
  cusum: 'Poisson CUSUM',
  farrington: 'Farrington',
  'farrington-flexible': 'improved Farrington',
};

/** The version of the outbreak methods: they reproduce R package surveillance 1.20.3. */
export const OUTBREAK_METHOD_VERSION = 'surveillance-1.20.3';

/** An outbreak detector's result with the period of each row of the series it read. */
export interface OutbreakFindingsInput {
  /** One period id per row of the `OutbreakSeries` (row t is `periodIds[t − 1]`). */
  readonly periodIds: readonly string[];
  readonly result: OutbreakResult;
  /** Version stored with the method; default `OUTBREAK_METHOD_VERSION`. */
  readonly version?: string;
}

/**
 * Outbreak findings: alarms on consecutive rows merge into one finding, direction `up`, rule
 * `outbreak:<method>`. Explanation `outbreak_alarm` with `periods`, `observed` (total),
 * `expected` (total, when every alarm row has one), `peakObserved` and `peakUpperbound` (when the
 * method gives a threshold).
 * @throws ValidationError when an alarm row has no period.
 */
export function findingsFromOutbreaks(input: OutbreakFindingsInput): SignalFinding[] {
  const { periodIds, result } = input;
  const method: SignalMethod = {
    id: result.method,
    version: input.version ?? OUTBREAK_METHOD_VERSION,
  };
  const latest = periodIds[periodIds.length - 1];
  const groups: (typeof result.points)[number][][] = [];
  for (const point of result.points) {
    if (!point.alarm) {
      continue;
    }
    if (point.t < 1 || point.t > periodIds.length) {
      throw ValidationError.of('periodIds', 'length_mismatch', `No period for row ${point.t}`);
    }
    const group = groups.length > 0 ? groups[groups.length - 1] : undefined;
    if (group && group[group.length - 1].t + 1 === point.t) {
      group.push(point);
    } else {
      groups.push([point]);
    }
  }
  return groups.map((group) => {
    const periods = group.map((p) => periodIds[p.t - 1]);
    const observed = group.reduce((sum, p) => sum + p.observed, 0);
    const expectedKnown = group.every((p) => p.expected !== null && Number.isFinite(p.expected));
    const expected = expectedKnown ? group.reduce((sum, p) => sum + (p.expected ?? 0), 0) : null;
    const peak = group.reduce((best, p) => (p.observed > best.observed ? p : best), group[0]);
    const values: Record<string, number> = {
      periods: group.length,
      observed,
      peakObserved: peak.observed,
    };
    if (expected !== null) {
      values.expected = expected;
    }
    if (peak.upperbound !== null && Number.isFinite(peak.upperbound)) {
      values.peakUpperbound = peak.upperbound;
    }
    const count = countPeriods(group.length, periods[0]);
    const against = expected === null ? '' : ` against ${formatNumber(expected)} expected`;
    const inARow = group.length > 1 ? ' in a row' : '';
    const summary = `Outbreak alarm for ${count}${inARow} ${span(periods, latest)}: ${formatNumber(
      observed,
    )} cases${against} (${METHOD_NAMES[result.method]})`;
    return finding(
      'outbreak',
      `outbreak:${result.method}`,
      method,
      'up',
      periods,
      { code: 'outbreak_alarm', values },
      summary,
    );
  });
}

/** Version of the funnel method: Spiegelhalter (2005) as FunnelPlotR 0.6.0 computes it. */
export const FUNNEL_METHOD_VERSION = '2005.1';

/** A funnel plot of sibling org units over the periods it covers. */
export interface FunnelFindingsInput {
  /** The periods the funnel covers (one month, or the window it sums). */
  readonly periodIds: readonly string[];
  readonly result: FunnelResult;
  /** Which limits make an outlier; default `99.8` (the funnel's `outlier`). */
  readonly limit?: '99.8' | '95';
}

/** A finding for one org unit of a funnel plot; `orgUnit` is the funnel's `unit`. */
export interface OrgUnitFinding {
  readonly orgUnit: string;
  readonly finding: SignalFinding;
}

/**
 * Peer-outlier findings, one per org unit beyond the funnel's limits: direction `up` for high,
 * `down` for low, rule `funnel`, method `funnel-99.8` or `funnel-95` (version
 * `FUNNEL_METHOD_VERSION`, `+overdispersion` when the limits were widened). Explanation
 * `funnel_outlier` with `value`, `target`, `limit`, `z` and `n`.
 * @throws ValidationError when `periodIds` is empty.
 */
export function findingsFromFunnel(input: FunnelFindingsInput): OrgUnitFinding[] {
  const { result } = input;
  if (input.periodIds.length === 0) {
    throw ValidationError.of('periodIds', 'required', 'A funnel finding needs its periods');
  }
  const periods = sortPeriodIds(input.periodIds);
  const limit = input.limit ?? '99.8';
  const method: SignalMethod = {
    id: `funnel-${limit}`,
    version: `${FUNNEL_METHOD_VERSION}${result.overdispersion.applied ? '+overdispersion' : ''}`,
  };
  return result.units.flatMap((unit) => {
    const outlier = limit === '99.8' ? unit.outlier : unit.outlier95;
    if (outlier === null) {
      return [];
    }
    const high = outlier === 'high';
    const bound =
      limit === '99.8'
        ? high
          ? unit.upper998
          : unit.lower998
        : high
          ? unit.upper95
          : unit.lower95;
    const summary = `${high ? 'Far above' : 'Far below'} its peers ${span(periods, undefined)}: ${formatNumber(
      unit.value,
    )} against ${formatNumber(result.target)} across all units (${limit}% limit ${formatNumber(bound)})`;
    return [
      {
        orgUnit: unit.unit,
        finding: finding(
          'peer_outlier',
          'funnel',
          method,
          high ? 'up' : 'down',
          periods,
          {
            code: 'funnel_outlier',
            values: {
              value: unit.value,
              target: result.target,
              limit: bound,
              z: unit.z,
              n: unit.n,
            },
          },
          summary,
        ),
      },
    ];
  });
}
