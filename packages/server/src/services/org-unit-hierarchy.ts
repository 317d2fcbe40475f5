/**
 * Writes to the org-unit hierarchy that keep `path`, `level` and the closure table consistent.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../ids.ts';

export interface NewOrgUnit {
  readonly id: string;
  readonly name: string;
  readonly code?: string | null;
  readonly shortName?: string | null;
  readonly parentId: string | null;
  readonly openingDate?: string | null;
}

/**
 * Inserts an org unit under its parent (or as a root), deriving path and level, and adds its
 * closure rows. The parent must exist already.
 */
export async function insertOrgUnit(
  db: Kysely<Database> | Transaction<Database>,
  unit: NewOrgUnit,
): Promise<{ path: string; level: number }> {
  let path = `/${unit.id}`;
  let level = 1;
  if (unit.parentId !== null) {
    const parent = await db
      .selectFrom('orgUnits')
      .select(['path', 'level'])
      .where('id', '=', unit.parentId)
      .executeTakeFirstOrThrow();
    path = `${parent.path}/${unit.id}`;
    level = parent.level + 1;
  }
  const now = nowIso();
  await db
    .insertInto('orgUnits')
    .values({
      id: unit.id,
      code: unit.code ?? null,
      name: unit.name,
      shortName: unit.shortName ?? null,
      parentId: unit.parentId,
      level,
      path,
      openingDate: unit.openingDate ?? null,
      closedDate: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('orgUnitClosure')
    .values({ ancestorId: unit.id, descendantId: unit.id, depth: 0 })
    .execute();
  if (unit.parentId !== null) {
    await db
      .insertInto('orgUnitClosure')
      .columns(['ancestorId', 'descendantId', 'depth'])
      .expression(
        db
          .selectFrom('orgUnitClosure')
          .select([
            'ancestorId',
            sql<string>`${unit.id}`.as('descendantId'),
            sql<number>`depth + 1`.as('depth'),
          ])
          .where('descendantId', '=', unit.parentId),
      )
      .execute();
  }
  return { path, level };
}
