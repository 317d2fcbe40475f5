/**
 * Checks that need the whole file and the database together: every reference names an object
 * that is in one or the other, each option combo has a table to go to, and codes and names stay
 * unique where the schema says they must.
 */
import { DHIS2_DEFAULTS } from './dhis2-metadata.ts';
import {
  METADATA_OBJECT_TYPES,
  type MetadataObjectType,
  type ReportBuilder,
} from './metadata-import-report.ts';
import type { MetadataInput } from './metadata-objects.ts';
import { isStored, type StoredMetadata } from './stored-metadata.ts';
import type { Row } from './table-writes.ts';

/** Which combo tables an option combo goes to. */
export type ComboTables = ReadonlySet<'categoryOptionCombos' | 'attributeOptionCombos'>;

type Named = { readonly row: { readonly id: string } & Readonly<Record<string, unknown>> };

function fileIds(input: MetadataInput): Record<MetadataObjectType, Set<string>> {
  return Object.fromEntries(
    METADATA_OBJECT_TYPES.map((t) => [t, new Set((input[t] as Named[]).map((o) => o.row.id))]),
  ) as Record<MetadataObjectType, Set<string>>;
}

/** Reports each reference to an object that is neither in the file nor in the database. */
export function checkReferences(
  input: MetadataInput,
  stored: StoredMetadata,
  report: ReportBuilder,
): void {
  const ids = fileIds(input);
  for (const type of METADATA_OBJECT_TYPES) {
    for (const object of input[type]) {
      for (const ref of object.refs) {
        if (!ids[ref.type].has(ref.id) && !isStored(stored, ref.type, ref.id)) {
          report.error({
            objectType: type,
            id: object.row.id,
            field: ref.field,
            code: 'unknown_reference',
            message: `${ref.field} of ${type} "${object.row.id}" names ${ref.type} "${ref.id}", which is neither in the file nor in the database`,
          });
        }
      }
    }
  }
}

/**
 * Decides where each option combo of the file goes: by its category combo's data dimension type
 * (ATTRIBUTE → attribute option combos), and to both tables for DHIS2's default combo. A stored
 * option combo that would have to change table is an error: data values point at it.
 */
export function routeOptionCombos(
  input: MetadataInput,
  stored: StoredMetadata,
  report: ReportBuilder,
): Map<string, ComboTables> {
  const comboType = new Map<string, string>();
  for (const [id, row] of stored.rows.categoryCombo) {
    comboType.set(id, String(row.dataDimensionType));
  }
  for (const combo of input.categoryCombo) {
    comboType.set(combo.row.id, combo.row.dataDimensionType);
  }
  const routes = new Map<string, ComboTables>();
  for (const { row } of input.categoryOptionCombo) {
    const type = comboType.get(row.categoryComboId);
    if (type === undefined) {
      continue; // an unknown combo, reported by checkReferences
    }
    const tables: ComboTables =
      row.categoryComboId === DHIS2_DEFAULTS.categoryCombo
        ? new Set(['categoryOptionCombos', 'attributeOptionCombos'])
        : new Set([type === 'attribute' ? 'attributeOptionCombos' : 'categoryOptionCombos']);
    const wrongTable = tables.has('attributeOptionCombos')
      ? stored.categoryOptionCombos.has(row.id) && !tables.has('categoryOptionCombos')
      : stored.attributeOptionCombos.has(row.id);
    if (wrongTable) {
      report.error({
        objectType: 'categoryOptionCombo',
        id: row.id,
        field: 'categoryCombo',
        code: 'dimension_type_changed',
        message: `categoryOptionCombo "${row.id}" is stored as ${tables.has('attributeOptionCombos') ? 'a category' : 'an attribute'} option combo, but its categoryCombo "${row.categoryComboId}" is now ${type}; Sankofa cannot move a combo between the two`,
      });
    }
    routes.set(row.id, tables);
  }
  return routes;
}

interface UniqueColumn {
  readonly type: MetadataObjectType;
  readonly column: 'code' | 'name';
  readonly stored: ReadonlyMap<string, Row>;
  readonly objects: readonly Named[];
}

function checkUnique({ type, column, stored, objects }: UniqueColumn, report: ReportBuilder): void {
  const holders = new Map<string, string[]>();
  const hold = (value: unknown, id: string) => {
    if (typeof value === 'string') {
      holders.set(value, [...(holders.get(value) ?? []), id]);
    }
  };
  const inFile = new Set(objects.map((o) => o.row.id));
  for (const [id, row] of stored) {
    if (!inFile.has(id)) {
      hold(row[column], id);
    }
  }
  for (const { row } of objects) {
    hold(row[column], row.id);
  }
  for (const [value, ids] of holders) {
    for (const id of ids.length > 1 ? ids.filter((i) => inFile.has(i)) : []) {
      const others = ids.filter((i) => i !== id).map((i) => `"${i}"`);
      report.error({
        objectType: type,
        id,
        field: column,
        code: `duplicate_${column}`,
        message: `${column} "${value}" of ${type} "${id}" is also the ${column} of ${type} ${others.join(', ')}`,
      });
    }
  }
}

/** Reports codes (and, where the schema wants it, names) that two objects would share. */
export function checkUniqueColumns(
  input: MetadataInput,
  stored: StoredMetadata,
  routes: ReadonlyMap<string, ComboTables>,
  report: ReportBuilder,
): void {
  for (const type of METADATA_OBJECT_TYPES) {
    if (type === 'categoryOptionCombo' || type === 'indicatorType') {
      continue;
    }
    checkUnique({ type, column: 'code', stored: stored.rows[type], objects: input[type] }, report);
  }
  for (const type of ['dataElement', 'indicator', 'indicatorType'] as const) {
    checkUnique({ type, column: 'name', stored: stored.rows[type], objects: input[type] }, report);
  }
  for (const table of ['categoryOptionCombos', 'attributeOptionCombos'] as const) {
    const objects = input.categoryOptionCombo.filter((o) => routes.get(o.row.id)?.has(table));
    const rows =
      table === 'categoryOptionCombos' ? stored.categoryOptionCombos : stored.attributeOptionCombos;
    checkUnique({ type: 'categoryOptionCombo', column: 'code', stored: rows, objects }, report);
  }
}
