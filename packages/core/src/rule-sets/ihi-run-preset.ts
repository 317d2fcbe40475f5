/**
 * The IHI run-chart rules (Perla RJ, Provost LP, Murray SK. "The run chart: a simple analytical
 * tool for learning from variation in healthcare processes." BMJ Qual Saf 2011;20:46–51):
 *
 * 1. Shift: six or more consecutive points all above or all below the median; points on the
 *    median neither add to nor break a shift.
 * 2. Trend: five or more consecutive points all going up or all going down; a repeated value
 *    neither adds to nor breaks a trend ("ignore like values").
 * 3. Too many or too few runs, from the runs table (`runs-table.ts`, 10–60 useful observations).
 * 4. Astronomical data point: a judgement in the paper, operationalised in `astronomical-rule.ts`.
 *
 * The centre line is whatever the series carries; for a run chart that is the (baseline) median.
 */
import { findAstronomicalPoint } from './astronomical-rule.ts';
import { parseParameters, type ParametersOf, type ParameterSchema } from './parameter-schema.ts';
import { prepareSeries, type PreparedSeries } from './prepared-series.ts';
import { definePreset, type PresetFamily, type PresetMeta } from './preset-family.ts';
import { assembleResult, ruleWarning } from './rule-set-result.ts';
import type {
  RuleFinding,
  RuleSeries,
  RuleSetPreset,
  RuleSetResult,
  RuleSetWarning,
} from './rule-set-types.ts';
import { IHI_RUNS_TABLE_MAX, IHI_RUNS_TABLE_MIN, ihiRunsLimits } from './runs-table.ts';
import { findShifts } from './shift-rule.ts';
import { findSideRuns, usefulPoints } from './side-runs.ts';
import { findTrends } from './trend-rule.ts';

/** Parameters of the IHI run-chart family. */
export const IHI_RUN_SCHEMA = {
  shiftLength: { kind: 'integer', min: 2, max: 50, doc: 'Fewest points in a shift (6).' },
  trendLength: { kind: 'integer', min: 2, max: 50, doc: 'Fewest points in a trend (5).' },
  centreLinePolicy: {
    kind: 'enum',
    values: ['ignore', 'break'],
    doc: 'What a point on the median does to a shift: ignore (neither adds nor breaks) or break.',
  },
  trendTies: {
    kind: 'enum',
    values: ['ignore', 'break'],
    doc: 'What a repeated value does to a trend: ignore (neither adds nor breaks) or break.',
  },
  runsTable: {
    kind: 'enum',
    values: ['swed-eisenhart-5pct-derived'],
    doc: 'Runs table for 10–60 useful observations, derived from Swed & Eisenhart at 5% two-sided.',
  },
  astronomicalRule: {
    kind: 'enum',
    values: ['furthest-point-beyond-3-sigma'],
    doc: 'Flag the one point furthest from the centre line among those beyond 3 sigma.',
  },
  astronomicalSigmaSource: {
    kind: 'enum',
    values: ['limits-else-moving-range', 'limits-only'],
    doc: "3 sigma is the chart's limit; without one, cl ± k·MR̄/1.128 unless limits-only.",
  },
  astronomicalSigmaMultiplier: {
    kind: 'number',
    min: 1,
    max: 10,
    doc: 'k in cl ± k·MR̄/1.128 when the chart has no limits (3).',
  },
  minimumPoints: {
    kind: 'integer',
    min: 0,
    max: 1000,
    doc: 'Warn when fewer useful observations than this (10, the smallest the runs table covers).',
  },
} as const satisfies ParameterSchema;

/** Typed parameters of the IHI run-chart family. */
export type IhiRunParameters = ParametersOf<typeof IHI_RUN_SCHEMA>;

/** The published IHI rules plus Sankofa's astronomical-point operationalisation. */
export const IHI_RUN_DEFAULTS: IhiRunParameters = {
  shiftLength: 6,
  trendLength: 5,
  centreLinePolicy: 'ignore',
  trendTies: 'ignore',
  runsTable: 'swed-eisenhart-5pct-derived',
  astronomicalRule: 'furthest-point-beyond-3-sigma',
  astronomicalSigmaSource: 'limits-else-moving-range',
  astronomicalSigmaMultiplier: 3,
  minimumPoints: 10,
};

function runsFindings(prepared: PreparedSeries, warnings: RuleSetWarning[]): RuleFinding[] {
  const runs = findSideRuns(prepared, 'ignore');
  const useful = usefulPoints(runs);
  const nUseful = useful.length;
  const limits = ihiRunsLimits(nUseful);
  if (limits === null) {
    warnings.push(
      ruleWarning(
        'runs_table_out_of_range',
        `The runs rule needs ${IHI_RUNS_TABLE_MIN} to ${IHI_RUNS_TABLE_MAX} points not on the median; got ${nUseful}`,
        { nUseful, min: IHI_RUNS_TABLE_MIN, max: IHI_RUNS_TABLE_MAX },
      ),
    );
    return [];
  }
  const count = runs.length;
  if (count < limits.lower) {
    return [
      {
        rule: 'runs_too_few',
        points: useful,
        direction: null,
        message: { code: 'too_few_runs', values: { runs: count, lower: limits.lower, nUseful } },
      },
    ];
  }
  if (count > limits.upper) {
    return [
      {
        rule: 'runs_too_many',
        points: useful,
        direction: null,
        message: { code: 'too_many_runs', values: { runs: count, upper: limits.upper, nUseful } },
      },
    ];
  }
  return [];
}

function evaluateIhiRun(
  meta: PresetMeta,
  params: IhiRunParameters,
  series: RuleSeries,
): RuleSetResult {
  const prepared = prepareSeries(series);
  const warnings: RuleSetWarning[] = [];
  const nUseful = usefulPoints(findSideRuns(prepared, 'ignore')).length;
  if (nUseful < params.minimumPoints) {
    warnings.push(
      ruleWarning(
        'too_few_points',
        `Fewer than ${params.minimumPoints} points not on the median (${nUseful})`,
        { count: nUseful, minimum: params.minimumPoints },
      ),
    );
  }
  const findings: RuleFinding[] = [
    ...findShifts(prepared, { minLength: params.shiftLength, centreLine: params.centreLinePolicy }),
    ...findTrends(prepared, { minLength: params.trendLength, ties: params.trendTies }),
    ...runsFindings(prepared, warnings),
    ...findAstronomicalPoint(prepared, {
      sigmaSource: params.astronomicalSigmaSource,
      sigmaMultiplier: params.astronomicalSigmaMultiplier,
    }),
  ];
  return assembleResult(meta, prepared.n, findings, warnings);
}

/** The IHI run-chart preset family. */
export const IHI_RUN_FAMILY: PresetFamily = {
  family: 'ihi-run',
  schema: IHI_RUN_SCHEMA,
  create(meta: PresetMeta, parameters: Readonly<Record<string, unknown>>): RuleSetPreset {
    const params = parseParameters(IHI_RUN_SCHEMA, parameters);
    return definePreset(meta, 'ihi-run', params, (series) => evaluateIhiRun(meta, params, series));
  },
};

/** `ihi-run`: the four IHI run-chart rules. */
export const IHI_RUN_PRESET: RuleSetPreset = IHI_RUN_FAMILY.create(
  {
    id: 'ihi-run',
    version: '2011.1',
    name: 'IHI run-chart rules (shift, trend, runs, astronomical point)',
    source:
      'Perla RJ, Provost LP, Murray SK. The run chart: a simple analytical tool for learning ' +
      'from variation in healthcare processes. BMJ Qual Saf 2011;20(1):46–51. Runs table ' +
      'derived from Swed FS, Eisenhart C. Ann Math Stat 1943;14(1):66–87.',
  },
  IHI_RUN_DEFAULTS,
);
