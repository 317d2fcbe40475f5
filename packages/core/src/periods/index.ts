export { PERIOD_TYPES, isPeriodType, type Period, type PeriodType } from './period-types.ts';
export { isPeriodId, parsePeriodId, periodTypeOf, tryParsePeriodId } from './period-id-parser.ts';
export {
  comparePeriods,
  nextPeriod,
  periodContaining,
  periodDays,
  previousPeriod,
  shiftPeriod,
} from './period-arithmetic.ts';
export { MAX_PERIOD_RANGE, periodRange } from './period-range.ts';
export { rollUpPeriod, type RollUpOptions, type WeekRule } from './period-roll-up.ts';
