/**
 * Types shared by every rule set: the series a rule set reads, the findings it returns and the
 * preset that names, versions and runs a set of rules.
 */
import type { Warning } from '../errors.ts';

/**
 * One part (phase) of a chart, points in time order. Every array has one entry per point.
 * A `null` (or any non-finite number) means "no value at this point".
 */
export interface RuleSeries {
  /** The plotted values. */
  readonly y: readonly (number | null)[];
  /** Centre line per point: the median for run charts, the chart's centre line otherwise. */
  readonly cl: readonly (number | null)[];
  /** Upper 3-sigma (process) limit per point; `null` on a run chart. */
  readonly ucl: readonly (number | null)[];
  /** Lower 3-sigma (process) limit per point; `null` on a run chart. */
  readonly lcl: readonly (number | null)[];
  /** Upper 2-sigma line per point, needed by the MDC 2-of-3 rule. */
  readonly ucl2?: readonly (number | null)[];
  /** Lower 2-sigma line per point, needed by the MDC 2-of-3 rule. */
  readonly lcl2?: readonly (number | null)[];
  /** `false` marks an excluded (ghosted) point: run rules skip it. Default: every point included. */
  readonly include?: readonly boolean[];
}

/** Every rule any preset can fire. */
export type RuleId =
  | 'astronomical'
  | 'shift'
  | 'trend'
  | 'runs_too_few'
  | 'runs_too_many'
  | 'longest_run'
  | 'crossings'
  | 'beyond_limits'
  | 'two_of_three_beyond_2sigma';

/** Which way a finding points: above/increasing, below/decreasing, or no direction. */
export type RuleDirection = 'up' | 'down' | null;

/** A message as a stable code plus numbers; `web` turns it into a sentence. */
export interface RuleMessage {
  readonly code: string;
  readonly values: Readonly<Record<string, number>>;
}

/** One rule firing on a set of points. */
export interface RuleFinding {
  readonly rule: RuleId;
  /** 0-based indices into the series, ascending. */
  readonly points: readonly number[];
  readonly direction: RuleDirection;
  readonly message: RuleMessage;
}

/** A caveat on a result that is still usable, with its numbers (e.g. the table range). */
export interface RuleSetWarning extends Warning {
  readonly values: Readonly<Record<string, number>>;
}

/** What a preset found in one series. */
export interface RuleSetResult {
  /** Id of the preset that produced the result. */
  readonly preset: string;
  /** Version of that preset; store both with every signal. */
  readonly version: string;
  readonly findings: readonly RuleFinding[];
  /** True when any rule fired. */
  readonly signal: boolean;
  /** Per point, the rules that flagged it (in the preset's rule order, without repeats). */
  readonly pointRules: readonly (readonly RuleId[])[];
  readonly warnings: readonly RuleSetWarning[];
}

/** A rule parameter: a number, a policy name or a switch. */
export type RuleParameterValue = number | string | boolean;

/** A preset's parameters, stored as data so a signal can name exactly what produced it. */
export type RuleParameters = Readonly<Record<string, RuleParameterValue>>;

/** The ids of the presets Sankofa ships. */
export type BuiltInRuleSetId = 'anhoej' | 'ihi-run' | 'mdc-2024' | 'mdc-classic-7';

/** Which evaluator a preset uses; variants made by `makeRuleSet` keep their base's family. */
export type RuleSetFamily = 'anhoej' | 'ihi-run' | 'mdc';

/** A named, versioned set of rules. */
export interface RuleSetPreset {
  /** A built-in id, or the id given to a variant. */
  readonly id: string;
  /** Source year plus revision, e.g. `2014.1`; variants append their overrides. */
  readonly version: string;
  readonly name: string;
  /** Citation of the published definition and the reference implementation. */
  readonly source: string;
  readonly family: RuleSetFamily;
  readonly parameters: RuleParameters;
  /** The preset this one was made from, for variants. */
  readonly derivedFrom?: { readonly id: string; readonly version: string };
  /**
   * Applies the rules to one series.
   * @throws ValidationError when the series' arrays differ in length.
   */
  evaluate(series: RuleSeries): RuleSetResult;
}
