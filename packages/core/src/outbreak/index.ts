export {
  OUTBREAK_METHODS,
  type OutbreakMethod,
  type OutbreakSeries,
  type OutbreakOptions,
  type OutbreakPoint,
  type OutbreakResult,
  type OutbreakControlValue,
  type FarringtonPowerTransform,
  type FarringtonThresholdMethod,
} from './types.ts';
export { detectOutbreaks } from './detect-outbreaks.ts';
export type { FlexibleWeekMemo } from './farrington-flexible.ts';
