/**
 * DHIS2's two kinds of category combo must stay apart: data elements are disaggregated by
 * DISAGGREGATION combos, data sets carry ATTRIBUTE combos (or the default), and a stored combo
 * with option combos cannot switch kind, because its option combos — and the data values that
 * point at them — live in the table of its kind.
 */
import { DHIS2_DEFAULTS } from './dhis2-metadata.ts';
import type { MetadataObjectType, ReportBuilder } from './metadata-import-report.ts';
import type { MetadataInput } from './metadata-objects.ts';
import type { StoredMetadata } from './stored-metadata.ts';

type Kind = 'disaggregation' | 'attribute';

/** Reports combos used as the wrong kind, and stored combos with option combos changing kind. */
export function checkDimensionTypes(
  input: MetadataInput,
  stored: StoredMetadata,
  report: ReportBuilder,
): void {
  const kindOf = new Map<string, Kind>();
  for (const [id, row] of stored.rows.categoryCombo) {
    kindOf.set(id, row.dataDimensionType === 'attribute' ? 'attribute' : 'disaggregation');
  }
  const withCombos = new Set(
    [...stored.categoryOptionCombos.values(), ...stored.attributeOptionCombos.values()].map((r) =>
      String(r.categoryComboId),
    ),
  );
  for (const { row } of input.categoryCombo) {
    const before = kindOf.get(row.id);
    if (before !== undefined && before !== row.dataDimensionType && withCombos.has(row.id)) {
      report.error({
        objectType: 'categoryCombo',
        id: row.id,
        field: 'dataDimensionType',
        code: 'dimension_type_changed',
        message: `categoryCombo "${row.id}" (${row.name}) is stored as ${before.toUpperCase()} with option combos; it cannot become ${row.dataDimensionType.toUpperCase()}`,
      });
    }
    kindOf.set(row.id, row.dataDimensionType);
  }

  const expect = (
    type: MetadataObjectType,
    id: string,
    field: string,
    comboId: string | null,
    want: Kind,
  ) => {
    const kind = comboId === null ? undefined : kindOf.get(comboId);
    if (kind === undefined || kind === want || comboId === DHIS2_DEFAULTS.categoryCombo) {
      return; // no combo, an unknown one (reported elsewhere), or the default, which fits both
    }
    report.error({
      objectType: type,
      id,
      field,
      code: 'wrong_dimension_type',
      message: `${field} of ${type} "${id}" names categoryCombo "${comboId}", which is ${kind.toUpperCase()}; it must be ${want.toUpperCase()}`,
    });
  };
  for (const { row } of input.dataElement) {
    expect('dataElement', row.id, 'categoryCombo', row.categoryComboId, 'disaggregation');
  }
  for (const { row, elements } of input.dataSet) {
    expect('dataSet', row.id, 'categoryCombo', row.categoryComboId, 'attribute');
    elements?.forEach((e) =>
      expect('dataSet', row.id, `${e.field}.categoryCombo`, e.categoryComboId, 'disaggregation'),
    );
  }
}
