export type {
  BuiltInRuleSetId,
  RuleDirection,
  RuleFinding,
  RuleId,
  RuleMessage,
  RuleParameters,
  RuleParameterValue,
  RuleSeries,
  RuleSetFamily,
  RuleSetPreset,
  RuleSetResult,
  RuleSetWarning,
} from './rule-set-types.ts';
export {
  DEFAULT_RULE_SET,
  RULE_SET_PRESETS,
  getRuleSetPreset,
  isBuiltInRuleSetId,
  makeRuleSet,
  type MakeRuleSetOptions,
} from './rule-set-registry.ts';
export {
  ANHOEJ_DEFAULTS,
  ANHOEJ_SCHEMA,
  anhoejCriticalValues,
  type AnhoejCriticalValues,
  type AnhoejParameters,
} from './anhoej-preset.ts';
export { IHI_RUN_DEFAULTS, IHI_RUN_SCHEMA, type IhiRunParameters } from './ihi-run-preset.ts';
export {
  MDC_2024_DEFAULTS,
  MDC_CLASSIC_7_DEFAULTS,
  MDC_SCHEMA,
  type MdcParameters,
} from './mdc-presets.ts';
export { MDC_RULE_RANK, mdcPointRank } from './mdc-rank.ts';
export { IHI_RUNS_TABLE_MAX, IHI_RUNS_TABLE_MIN, ihiRunsLimits } from './runs-table.ts';
export { runsDistribution, swedEisenhartLimits, type RunsLimits } from './swed-eisenhart.ts';
export type { ParameterSchema, ParameterSpec } from './parameter-schema.ts';
