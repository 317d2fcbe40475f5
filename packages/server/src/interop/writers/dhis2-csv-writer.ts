/**
 * DHIS2 CSV data values, as `GET /api/dataValueSets.csv` writes them: the header
 * `dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup`
 * then one row per value, fields quoted only when they must be (RFC 4180). With deleted values
 * a `deleted` column follows, the eleventh column DHIS2's CSV reader reads.
 */
import type { ExportedDataValue } from './exported-data-value.ts';

const HEADER = [
  'dataelement',
  'period',
  'orgunit',
  'catoptcombo',
  'attroptcombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'flwup',
];

/** A CSV field: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(text: string | null): string {
  if (text === null) {
    return '';
  }
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes values as DHIS2 CSV, a chunk per row.
 *
 * @param options.deletedColumn - Add the `deleted` column (when deleted values are exported).
 */
export async function* writeDhis2Csv(
  values: AsyncIterable<ExportedDataValue>,
  options: { readonly deletedColumn?: boolean } = {},
): AsyncGenerator<string> {
  const deleted = options.deletedColumn === true;
  yield `${[...HEADER, ...(deleted ? ['deleted'] : [])].join(',')}\n`;
  for await (const v of values) {
    const fields = [
      v.dataElement,
      v.period,
      v.orgUnit,
      v.categoryOptionCombo,
      v.attributeOptionCombo,
      v.value,
      v.storedBy,
      v.lastUpdated,
      v.comment,
    ].map(csvField);
    fields.push(String(v.followUp));
    if (deleted) {
      fields.push(String(v.deleted));
    }
    yield `${fields.join(',')}\n`;
  }
}
