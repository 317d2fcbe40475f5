/**
 * NHS England "Making Data Count" (MDC) special-cause rules for XmR charts, as the NHS England
 * "SPC Charts SQL Query" v2.6a computes them (Steps 4F–4I):
 *
 * - single point: `[Value] > [UpperProcessLimit]` or `< [LowerProcessLimit]`;
 * - shift: `@SettingSpecialCauseShiftPoints` consecutive non-ghosted points with `[Value] >
 *   [Mean]` (or `<`): a point on the mean breaks the run;
 * - trend: `@SettingSpecialCauseTrendPoints` consecutive non-ghosted points each `>` (or `<`)
 *   the previous one, "including endpoints": a tie breaks the trend;
 * - two-sigma: see `two-of-three-rule.ts`.
 *
 * Differences from the SQL, by design: the SQL runs the trend across partitions, here the trend
 * runs within the series given (pass the whole chart to reproduce the SQL); the SQL warns on
 * missing values in XmR charts, here they are skipped like ghosted points.
 */
import { findPointsBeyondLimits } from './limits-rule.ts';
import { parseParameters, type ParametersOf, type ParameterSchema } from './parameter-schema.ts';
import { prepareSeries } from './prepared-series.ts';
import { definePreset, type PresetFamily, type PresetMeta } from './preset-family.ts';
import { assembleResult, ruleWarning } from './rule-set-result.ts';
import type { RuleSeries, RuleSetPreset, RuleSetResult, RuleSetWarning } from './rule-set-types.ts';
import { findShifts } from './shift-rule.ts';
import { findTrends } from './trend-rule.ts';
import { findTwoOfThree, hasTwoSigmaLines } from './two-of-three-rule.ts';

/** Parameters of the MDC family. */
export const MDC_SCHEMA = {
  shiftLength: {
    kind: 'integer',
    min: 2,
    max: 50,
    doc: 'Points in a shift (SQL v2.6 default 6; 7 in NHSRplotthedots and older MDC tools).',
  },
  trendLength: {
    kind: 'integer',
    min: 2,
    max: 50,
    doc: 'Points in a trend, endpoints included (SQL v2.6 default 6; 7 in older tools).',
  },
  centreLinePolicy: {
    kind: 'enum',
    values: ['break', 'ignore'],
    doc: 'What a point exactly on the mean does to a shift (MDC: break).',
  },
  trendTies: {
    kind: 'enum',
    values: ['break', 'ignore'],
    doc: 'What a repeated value does to a trend (MDC SQL and NHSRplotthedots: break).',
  },
  twoOfThreeCountsBeyondLimits: {
    kind: 'boolean',
    doc: 'Whether a point beyond 3 sigma counts as beyond 2 sigma (SQL ≥ v2.6: true).',
  },
  flagExcludedBeyondLimits: {
    kind: 'boolean',
    doc: 'Flag ghosted points beyond the process limits (MDC: false).',
  },
  minimumPoints: {
    kind: 'integer',
    min: 0,
    max: 1000,
    doc: 'Warn when the series has fewer non-ghosted points (SQL v2.6: 13).',
  },
} as const satisfies ParameterSchema;

/** Typed parameters of the MDC family. */
export type MdcParameters = ParametersOf<typeof MDC_SCHEMA>;

/** NHS England SPC Charts SQL Query v2.6/v2.6a defaults. */
export const MDC_2024_DEFAULTS: MdcParameters = {
  shiftLength: 6,
  trendLength: 6,
  centreLinePolicy: 'break',
  trendTies: 'break',
  twoOfThreeCountsBeyondLimits: true,
  flagExcludedBeyondLimits: false,
  minimumPoints: 13,
};

/** NHSRplotthedots 0.2.2 and the MDC Excel tool with its 7-point setting. */
export const MDC_CLASSIC_7_DEFAULTS: MdcParameters = {
  shiftLength: 7,
  trendLength: 7,
  centreLinePolicy: 'break',
  trendTies: 'break',
  twoOfThreeCountsBeyondLimits: false,
  flagExcludedBeyondLimits: false,
  minimumPoints: 12,
};

function evaluateMdc(meta: PresetMeta, params: MdcParameters, series: RuleSeries): RuleSetResult {
  const prepared = prepareSeries(series);
  const warnings: RuleSetWarning[] = [];
  const count = prepared.active.length;
  if (count < params.minimumPoints) {
    warnings.push(
      ruleWarning('too_few_points', `Fewer than ${params.minimumPoints} points (${count})`, {
        count,
        minimum: params.minimumPoints,
      }),
    );
  }
  if (count > 0 && !hasTwoSigmaLines(prepared)) {
    warnings.push(
      ruleWarning('two_sigma_lines_missing', 'No 2-sigma lines: the 2-of-3 rule was not run', {}),
    );
  }
  // Findings in MDC precedence order, so pointRules lists the highest-ranked rule first.
  const findings = [
    ...findTrends(prepared, { minLength: params.trendLength, ties: params.trendTies }),
    ...findShifts(prepared, { minLength: params.shiftLength, centreLine: params.centreLinePolicy }),
    ...findTwoOfThree(prepared, { countBeyondLimits: params.twoOfThreeCountsBeyondLimits }),
    ...findPointsBeyondLimits(prepared, { flagExcluded: params.flagExcludedBeyondLimits }),
  ];
  return assembleResult(meta, prepared.n, findings, warnings);
}

/** The MDC preset family. */
export const MDC_FAMILY: PresetFamily = {
  family: 'mdc',
  schema: MDC_SCHEMA,
  create(meta: PresetMeta, parameters: Readonly<Record<string, unknown>>): RuleSetPreset {
    const params = parseParameters(MDC_SCHEMA, parameters);
    return definePreset(meta, 'mdc', params, (series) => evaluateMdc(meta, params, series));
  },
};

/** `mdc-2024`: NHS England SPC Charts SQL Query v2.6/v2.6a defaults (6-point shift and trend). */
export const MDC_2024_PRESET: RuleSetPreset = MDC_FAMILY.create(
  {
    id: 'mdc-2024',
    version: '2024.1',
    name: 'Making Data Count, NHS England SQL v2.6 defaults (shift 6, trend 6)',
    source:
      'NHS England Making Data Count, "SPC Charts SQL Query" v2.6 (10 Jan 2024) and v2.6a: ' +
      'Step 2a defaults and Steps 4F–4J special-cause rules.',
  },
  MDC_2024_DEFAULTS,
);

/** `mdc-classic-7`: the 7-point Making Data Count rules of NHSRplotthedots and the Excel tool. */
export const MDC_CLASSIC_7_PRESET: RuleSetPreset = MDC_FAMILY.create(
  {
    id: 'mdc-classic-7',
    version: '2018.1',
    name: 'Making Data Count, classic 7-point rules (shift 7, trend 7)',
    source:
      'NHS Improvement, Making Data Count (2018) and its Excel SPC tool; reference ' +
      'implementation NHSRplotthedots 0.2.2 ptd_special_cause_flag() (2-of-3 excludes points ' +
      'beyond 3 sigma, as the NHS England SQL did before v2.6).',
  },
  MDC_CLASSIC_7_DEFAULTS,
);
