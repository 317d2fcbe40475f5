/**
 * The metadata already in the database, read once per import inside its transaction: every
 * row of each metadata table by id. Metadata is small next to data values (tens of thousands of
 * org units at national scale), so whole tables make every later check a map lookup.
 */
import type { Database } from '../../db/schema.ts';
import type { MetadataObjectType } from './metadata-import-report.ts';
import { loadRowsById, type Db, type Row } from './table-writes.ts';

/** The table each object type is stored in (option combos live in two, see below). */
export const TABLE_OF: Readonly<
  Record<Exclude<MetadataObjectType, 'categoryOptionCombo'>, keyof Database>
> = {
  categoryOption: 'categoryOptions',
  category: 'categories',
  categoryCombo: 'categoryCombos',
  organisationUnit: 'orgUnits',
  organisationUnitGroup: 'orgUnitGroups',
  dataElement: 'dataElements',
  dataElementGroup: 'dataElementGroups',
  dataSet: 'dataSets',
  indicatorType: 'indicatorTypes',
  indicator: 'indicators',
  constant: 'constants',
};

/** Stored rows by id for each object type. */
export interface StoredMetadata {
  readonly rows: Readonly<
    Record<Exclude<MetadataObjectType, 'categoryOptionCombo'>, Map<string, Row>>
  >;
  readonly categoryOptionCombos: Map<string, Row>;
  readonly attributeOptionCombos: Map<string, Row>;
}

/** Reads every stored metadata row. */
export async function loadStoredMetadata(db: Db): Promise<StoredMetadata> {
  const entries = await Promise.all(
    Object.entries(TABLE_OF).map(
      async ([type, table]) => [type, await loadRowsById(db, table)] as const,
    ),
  );
  return {
    rows: Object.fromEntries(entries) as StoredMetadata['rows'],
    categoryOptionCombos: await loadRowsById(db, 'categoryOptionCombos'),
    attributeOptionCombos: await loadRowsById(db, 'attributeOptionCombos'),
  };
}

/** True when an object of `type` with this id is stored. */
export function isStored(stored: StoredMetadata, type: MetadataObjectType, id: string): boolean {
  if (type === 'categoryOptionCombo') {
    return stored.categoryOptionCombos.has(id) || stored.attributeOptionCombos.has(id);
  }
  return stored.rows[type].has(id);
}
