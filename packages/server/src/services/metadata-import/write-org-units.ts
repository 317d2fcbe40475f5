/**
 * Writes org units with the paths and levels the hierarchy plan worked out, rebuilds the closure
 * rows of every new or re-pathed unit (a moved unit's whole subtree), then writes org unit
 * groups with their members.
 */
import type { HierarchyPlan } from './plan-hierarchy.ts';
import { deleteWhereIn, insertRows, upsertRows, type Row } from './table-writes.ts';
import { countOutcomes, linkSets, writeObjects, type WriteContext } from './write-objects.ts';

const TIMESTAMPS = new Set(['createdAt', 'updatedAt']);

/** Writes org units and their closure rows. */
export async function writeOrgUnits(ctx: WriteContext, plan: HierarchyPlan): Promise<void> {
  const { input, stored, report } = ctx;
  const storedUnits = stored.rows.organisationUnit;
  const inFile = new Set(input.organisationUnit.map((u) => u.row.id));
  const rows: Row[] = [];
  for (const { row } of input.organisationUnit) {
    const placement = plan.placements.get(row.id);
    if (placement !== undefined) {
      rows.push({ ...row, path: placement.path, level: placement.level });
    }
  }
  // Stored units outside the file whose path or level changes because an ancestor moved.
  for (const [id, placement] of plan.placements) {
    const before = storedUnits.get(id);
    if (!inFile.has(id) && before !== undefined) {
      const kept = Object.entries(before).filter(([column]) => !TIMESTAMPS.has(column));
      rows.push({ ...Object.fromEntries(kept), path: placement.path, level: placement.level });
    }
  }
  // Parents before children, so every insert finds its parent.
  rows.sort((a, b) => Number(a.level) - Number(b.level));
  const outcomes = await upsertRows(ctx.db, 'orgUnits', rows, storedUnits, ctx.now);
  countOutcomes(
    report,
    'organisationUnit',
    new Map([...outcomes].filter(([id]) => inFile.has(id))),
  );

  const rebuild = [...plan.rebuild];
  await deleteWhereIn(ctx.db, 'orgUnitClosure', 'descendantId', rebuild);
  await insertRows(
    ctx.db,
    'orgUnitClosure',
    rebuild.flatMap((id) => {
      const ancestors = (plan.placements.get(id)?.path ?? '').split('/').filter((a) => a !== '');
      return ancestors.map((ancestorId, i) => ({
        ancestorId,
        descendantId: id,
        depth: ancestors.length - 1 - i,
      }));
    }),
  );
  report.moved = [...plan.moved];
  report.repathed = rebuild.filter((id) => storedUnits.has(id)).length;
}

/** Writes org unit groups and their members. */
export async function writeOrgUnitGroups(ctx: WriteContext): Promise<void> {
  const groups = ctx.input.organisationUnitGroup;
  await writeObjects(
    ctx,
    'organisationUnitGroup',
    'orgUnitGroups',
    groups.map((g) => g.row),
    [
      linkSets(
        { table: 'orgUnitGroupMembers', ownerColumn: 'orgUnitGroupId' },
        groups,
        (g) => g.row.id,
        (g) => g.memberIds?.map((orgUnitId) => ({ orgUnitGroupId: g.row.id, orgUnitId })) ?? null,
      ),
    ],
  );
}
