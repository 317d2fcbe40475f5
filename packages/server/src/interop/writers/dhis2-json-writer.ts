/**
 * DHIS2 JSON data value sets, as `GET /api/dataValueSets.json` writes them:
 * `{"dataValues":[{dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo,
 * value, storedBy, created, lastUpdated, comment, followup, deleted}]}`. Members that are null
 * are left out (DHIS2 serialises with non-null inclusion); `deleted` appears only on deleted
 * values, which are only exported with `includeDeleted`.
 */
import type { ExportedDataValue } from './exported-data-value.ts';

/** One value as a DHIS2 JSON object, members in DHIS2's order. */
export function dhis2JsonValue(v: ExportedDataValue): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {
    dataElement: v.dataElement,
    period: v.period,
    orgUnit: v.orgUnit,
    categoryOptionCombo: v.categoryOptionCombo,
    attributeOptionCombo: v.attributeOptionCombo,
  };
  if (v.value !== null) {
    out.value = v.value;
  }
  if (v.storedBy !== null) {
    out.storedBy = v.storedBy;
  }
  out.created = v.created;
  out.lastUpdated = v.lastUpdated;
  if (v.comment !== null) {
    out.comment = v.comment;
  }
  out.followup = v.followUp;
  if (v.deleted) {
    out.deleted = true;
  }
  return out;
}

/**
 * Writes values as one DHIS2 JSON data value set, compact, a chunk per value.
 *
 * @example
 *   for await (const chunk of writeDhis2Json(values)) out.write(chunk);
 *   // {"dataValues":[{"dataElement":"DeAnc100001","period":"202401",…,"followup":false}]}
 */
export async function* writeDhis2Json(
  values: AsyncIterable<ExportedDataValue>,
): AsyncGenerator<string> {
  yield '{"dataValues":[';
  let first = true;
  for await (const v of values) {
    yield (first ? '' : ',') + JSON.stringify(dhis2JsonValue(v));
    first = false;
  }
  yield ']}\n';
}
