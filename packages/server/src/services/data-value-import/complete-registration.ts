/**
 * DHIS2's `completeDate`: a data value set (or ADX group) with a data set, period and org unit
 * marks that data set complete for them. `true` means today; a date in the future means today.
 */
import type { Period } from '@sankofa/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ensurePeriods } from '../write-data-value.ts';

/** One completion to record. */
export interface Completion {
  readonly dataSetId: string;
  readonly period: Period;
  readonly orgUnitId: string;
  readonly attributeOptionComboId: string;
  /** As the file wrote it: a date, `true` or `false`. */
  readonly completeDate: string;
}

/**
 * Upserts the complete registration.
 *
 * @returns the date recorded (`YYYY-MM-DD`), or false when the file said `false` or nothing
 */
export async function registerCompletion(
  trx: Transaction<Database>,
  completion: Completion,
  storedBy: string,
  now: string,
): Promise<string | false> {
  const written = completion.completeDate.trim();
  if (written === '' || written.toLowerCase() === 'false') {
    return false;
  }
  const today = now.slice(0, 10);
  const day = written.slice(0, 10);
  const date = written.toLowerCase() === 'true' || day > today ? today : day;
  await ensurePeriods(trx, [completion.period]);
  await trx
    .insertInto('completeRegistrations')
    .values({
      dataSetId: completion.dataSetId,
      periodId: completion.period.id,
      orgUnitId: completion.orgUnitId,
      attributeOptionComboId: completion.attributeOptionComboId,
      completedAt: date,
      storedBy,
      lastUpdated: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['dataSetId', 'periodId', 'orgUnitId', 'attributeOptionComboId'])
        .doUpdateSet({ completedAt: date, storedBy, lastUpdated: now }),
    )
    .execute();
  return date;
}
