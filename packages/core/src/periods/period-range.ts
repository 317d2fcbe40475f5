/**
 * Every period of one type between two periods.
 */
import { ValidationError } from '../errors.ts';
import { checkPeriod, dayOf, periodFromDay } from './period-arithmetic.ts';
import { parsePeriodId } from './period-id-parser.ts';
import type { Period } from './period-types.ts';

/**
 * The most periods `periodRange` returns: a little over 100 years of days. A longer range is
 * almost always a mistake (a swapped or mistyped year), and would build a very large array.
 */
export const MAX_PERIOD_RANGE = 40_000;

function toPeriod(value: Period | string, field: string): Period {
  return typeof value === 'string' ? parsePeriodId(value) : checkPeriod(value, field);
}

/**
 * Every period from `first` to `last`, both included, in order.
 *
 * @param first - The first period, or its id.
 * @param last - The last period, or its id; same type as `first`, and not before it.
 * @returns At least one period; `[first]` when `first` and `last` are the same period.
 * @throws ValidationError: `invalid_period` for a bad id, `invalid_period_range` when the types
 *   differ or `last` starts before `first`, `period_range_too_long` beyond `MAX_PERIOD_RANGE`.
 *
 * @example periodRange('202411', '202502').map((p) => p.id); // ['202411', '202412', '202501', '202502']
 */
export function periodRange(first: Period | string, last: Period | string): Period[] {
  const from = toPeriod(first, 'first');
  const to = toPeriod(last, 'last');
  if (from.type !== to.type) {
    throw ValidationError.of(
      'period',
      'invalid_period_range',
      `A period range needs one period type: ${from.id} is ${from.type} but ${to.id} is ${to.type}`,
    );
  }
  if (to.startDate < from.startDate) {
    throw ValidationError.of(
      'period',
      'invalid_period_range',
      `The period range ${from.id}…${to.id} runs backwards: ${to.id} comes before ${from.id}`,
    );
  }
  const periods: Period[] = [from];
  let current = from;
  while (current.id !== to.id) {
    if (periods.length >= MAX_PERIOD_RANGE) {
      throw ValidationError.of(
        'period',
        'period_range_too_long',
        `The period range ${from.id}…${to.id} holds more than ${MAX_PERIOD_RANGE} ${from.type} ` +
          'periods; ask for a shorter range',
      );
    }
    current = periodFromDay(from.type, dayOf(current.startDate), 1);
    periods.push(current);
  }
  return periods;
}
