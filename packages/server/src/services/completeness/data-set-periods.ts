/**
 * The data set periods a reporting-completeness period holds: the periods of the data set's
 * type lying wholly inside it (3 months in a quarter, the 4 or 5 weeks starting and ending in a
 * month). A period shorter than the data set's period type holds none and is refused.
 */
import {
  isPeriodType,
  nextPeriod,
  periodContaining,
  ValidationError,
  type Period,
} from '@sankofa/core';

/**
 * Data set periods inside `asked`, in order.
 *
 * @throws ValidationError (`period_too_short`) when none fits inside `asked`
 */
export function dataSetPeriodsWithin(dataSetPeriodType: string, asked: Period): Period[] {
  if (!isPeriodType(dataSetPeriodType)) {
    throw ValidationError.of(
      'dataSet.periodType',
      'unsupported_period_type',
      `The data set's period type ${dataSetPeriodType} is not a supported period type`,
    );
  }
  const found: Period[] = [];
  let p = periodContaining(dataSetPeriodType, asked.startDate);
  while (p.startDate <= asked.endDate) {
    if (p.startDate >= asked.startDate && p.endDate <= asked.endDate) {
      found.push(p);
    }
    p = nextPeriod(p);
  }
  if (found.length === 0) {
    throw ValidationError.of(
      'period',
      'period_too_short',
      `Period ${asked.id} is shorter than the data set's ${dataSetPeriodType} periods`,
    );
  }
  return found;
}
