import type { Kysely, Transaction } from 'kysely';
import type { Database, OrgUnitTable } from '../db/schema.ts';
import { notFound } from '../errors.ts';

/** Loads an org unit by id or throws 404 naming it. */
export async function findOrgUnit(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
): Promise<OrgUnitTable> {
  const row = await db.selectFrom('orgUnits').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) {
    throw notFound(`Org unit ${id}`);
  }
  return row;
}
