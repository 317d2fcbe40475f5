import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { selectScanIndicators, type ScanIndicator } from '../signal-scan/series-input.ts';

/** An indicator with what reading its series needs, or 404 naming it. */
export async function findScanIndicator(db: Kysely<Database>, id: string): Promise<ScanIndicator> {
  const indicator = await selectScanIndicators(db).where('i.id', '=', id).executeTakeFirst();
  if (indicator === undefined) {
    throw notFound(`Indicator ${id}`);
  }
  return indicator;
}
