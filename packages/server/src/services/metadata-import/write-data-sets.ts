/**
 * Writes data elements, data element groups (with members) and data sets (with their elements,
 * each element's optional combo override, and their org units).
 */
import { linkSets, writeObjects, type WriteContext } from './write-objects.ts';

/** Writes data elements and data element groups. */
export async function writeDataElements(ctx: WriteContext): Promise<void> {
  const { input } = ctx;
  await writeObjects(
    ctx,
    'dataElement',
    'dataElements',
    input.dataElement.map((d) => d.row),
  );
  await writeObjects(
    ctx,
    'dataElementGroup',
    'dataElementGroups',
    input.dataElementGroup.map((g) => g.row),
    [
      linkSets(
        { table: 'dataElementGroupMembers', ownerColumn: 'dataElementGroupId' },
        input.dataElementGroup,
        (g) => g.row.id,
        (g) =>
          g.memberIds?.map((dataElementId) => ({ dataElementGroupId: g.row.id, dataElementId })) ??
          null,
      ),
    ],
  );
}

/** Writes data sets with their elements and org units. */
export async function writeDataSets(ctx: WriteContext): Promise<void> {
  const sets = ctx.input.dataSet;
  await writeObjects(
    ctx,
    'dataSet',
    'dataSets',
    sets.map((s) => s.row),
    [
      linkSets(
        { table: 'dataSetElements', ownerColumn: 'dataSetId' },
        sets,
        (s) => s.row.id,
        (s) =>
          s.elements?.map((e) => ({
            dataSetId: s.row.id,
            dataElementId: e.dataElementId,
            categoryComboId: e.categoryComboId,
          })) ?? null,
      ),
      linkSets(
        { table: 'dataSetOrgUnits', ownerColumn: 'dataSetId' },
        sets,
        (s) => s.row.id,
        (s) => s.orgUnitIds?.map((orgUnitId) => ({ dataSetId: s.row.id, orgUnitId })) ?? null,
      ),
    ],
  );
}
