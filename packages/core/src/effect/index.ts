/**
 * Effect estimation: interrupted time series, difference-in-differences, the SPC shift after an
 * intervention, and a verdict helper. Built on `../glm` (R's glm) and `../rule-sets`.
 */
export { withWaldInterval, type EffectCoefficient } from './effect-coefficient.ts';
export type { ItsColumns, ItsFittedPoint, ItsOptions, ItsResult, ItsSeason } from './its-types.ts';
export { ITS_MIN_POINTS_PER_SEGMENT } from './its-design.ts';
export { fitInterruptedTimeSeries } from './fit-interrupted-time-series.ts';
export type {
  DidCell,
  DidFixedEffects,
  DidGroup,
  DidOptions,
  DidResult,
  DidRow,
} from './did-types.ts';
export {
  DID_MIN_PRE_PERIODS,
  estimateDifferenceInDifferences,
} from './estimate-difference-in-differences.ts';
export {
  SPC_SHIFT_MIN_BASELINE,
  testSpcShiftAfter,
  type SpcShiftOptions,
  type SpcShiftResult,
} from './spc-shift-after.ts';
export {
  judgeEffect,
  type EffectEstimate,
  type EffectJudgement,
  type EffectPrediction,
  type EffectVerdict,
} from './judge-effect.ts';
