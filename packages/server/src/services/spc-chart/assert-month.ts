import { ApiError } from '../../errors.ts';

/** Throws a 422 naming `field` unless `period` is a month id (`YYYYMM`): charts are monthly. */
export function assertMonth(period: string, field: string): void {
  if (!/^\d{6}$/.test(period)) {
    throw new ApiError('validation_failed', `${period} is not a month (YYYYMM)`, [
      { field, code: 'not_a_month', message: `${period} is not a month (YYYYMM)` },
    ]);
  }
}
