/**
 * Rolling a period up into a coarser period type (a month into its quarter, a week into a month).
 */
import { ValidationError } from '../errors.ts';
import { checkPeriod, dayOf, periodFromDay } from './period-arithmetic.ts';
import { isMonthPeriodType, monthTypeNestsIn } from './month-periods.ts';
import { checkPeriodType, type Period, type PeriodType } from './period-types.ts';
import { isWeekPeriodType } from './week-periods.ts';

/** How `rollUpPeriod` places a week or bi-week that crosses a boundary of the target type. */
export type WeekRule = 'majority' | 'start';

/** Options for `rollUpPeriod`. */
export interface RollUpOptions {
  /**
   * For Weekly, Weekly* and BiWeekly periods that cross a boundary of the target type:
   * - `'majority'` (default): the target period holding most of its days, i.e. at least 4 of
   *   a week's 7 (the Thursday of an ISO week), or at least 7 of a bi-week's 14 (a 7–7 tie
   *   goes to the earlier target);
   * - `'start'`: the target period holding its first day.
   */
  readonly weekRule?: WeekRule;
}

/**
 * Typical days per period, only to tell finer types from coarser ones: a target type must be
 * at least as long as the source type.
 */
const NOMINAL_DAYS: Readonly<Record<PeriodType, number>> = {
  Daily: 1,
  Weekly: 7,
  WeeklyWednesday: 7,
  WeeklyThursday: 7,
  WeeklySaturday: 7,
  WeeklySunday: 7,
  BiWeekly: 14,
  Monthly: 30,
  BiMonthly: 61,
  Quarterly: 91,
  QuarterlyNov: 91,
  SixMonthly: 182,
  SixMonthlyApril: 182,
  SixMonthlyNov: 182,
  Yearly: 365,
  FinancialApril: 365,
  FinancialJuly: 365,
  FinancialSep: 365,
  FinancialOct: 365,
  FinancialNov: 365,
};

function notRollable(p: Period, target: PeriodType, reason: string): never {
  throw ValidationError.of(
    'period',
    'invalid_roll_up',
    `${p.type} period ${p.id} does not roll up into ${target}: ${reason}`,
  );
}

/**
 * The period of type `target` that a period belongs to.
 *
 * A month-based type rolls up only into types it nests in, for every one of its periods:
 * Monthly → Quarterly, Quarterly → FinancialApril or SixMonthlyApril are fine; BiMonthly →
 * Quarterly is refused even for `202401B`, because `202402B` (Mar–Apr) spans two quarters.
 * Daily periods roll up into anything. Weeks and bi-weeks that cross a target boundary are
 * placed by `options.weekRule`. Rolling into the period's own type gives the period back.
 *
 * @param p - A valid period.
 * @param target - A type at least as coarse as `p.type`.
 * @param options - See `RollUpOptions`.
 * @throws ValidationError: `invalid_period`, `invalid_period_type`, `invalid_option`, and
 *   `invalid_roll_up` when `target` is finer than `p.type` or `p.type` does not nest in it.
 *
 * @example
 * rollUpPeriod(parsePeriodId('2024W5'), 'Monthly').id;                         // '202402' (Thu 1 Feb)
 * rollUpPeriod(parsePeriodId('2024W5'), 'Monthly', { weekRule: 'start' }).id; // '202401' (Mon 29 Jan)
 * rollUpPeriod(parsePeriodId('2024Q2'), 'FinancialApril').id;                  // '2024April'
 */
export function rollUpPeriod(p: Period, target: PeriodType, options: RollUpOptions = {}): Period {
  const period = checkPeriod(p);
  const targetType = checkPeriodType(target, 'target');
  const weekRule = options.weekRule ?? 'majority';
  if (weekRule !== 'majority' && weekRule !== 'start') {
    throw ValidationError.of(
      'weekRule',
      'invalid_option',
      `Unknown weekRule ${JSON.stringify(weekRule)}: expected "majority" or "start"`,
    );
  }
  if (NOMINAL_DAYS[targetType] < NOMINAL_DAYS[period.type]) {
    notRollable(period, targetType, `${targetType} periods are shorter than ${period.type} ones`);
  }

  if (
    isMonthPeriodType(period.type) &&
    isMonthPeriodType(targetType) &&
    !monthTypeNestsIn(period.type, targetType)
  ) {
    // Refuse the pair of types, not just the periods that straddle, so that rolling up a whole
    // series either works for every period or fails at once.
    notRollable(period, targetType, `${period.type} periods do not nest in ${targetType} ones`);
  }

  const start = dayOf(period.startDate);
  const end = dayOf(period.endDate);
  const first = periodFromDay(targetType, start);
  const firstEnd = dayOf(first.endDate);
  if (firstEnd >= end) {
    return first;
  }

  const second = periodFromDay(targetType, firstEnd + 1);
  if (period.type !== 'BiWeekly' && !isWeekPeriodType(period.type)) {
    notRollable(period, targetType, `it runs across ${first.id} and ${second.id}`);
  }
  if (weekRule === 'start') {
    return first;
  }
  // The target is at least as long as the week, so the week touches at most two targets.
  const daysInFirst = firstEnd - start + 1;
  return 2 * daysInFirst >= end - start + 1 ? first : second;
}
