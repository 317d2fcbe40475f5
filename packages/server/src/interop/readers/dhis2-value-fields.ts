/**
 * One DHIS2 data value (a JSON `dataValues` element or a DXF2 `<dataValue>`'s attributes) as a
 * `RawDataValue`, with DHIS2's field names: dataElement, period, orgUnit, categoryOptionCombo,
 * attributeOptionCombo, value, storedBy, created, lastUpdated, comment, followup/followUp,
 * deleted. Unknown fields are ignored, as DHIS2 does.
 */
import { readFlag, scalarText, type RawDataValue } from '@sankofa/core';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const IDENTIFIERS = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
] as const;
const TEXTS = ['value', 'storedBy', 'created', 'lastUpdated', 'comment'] as const;

/** A text field: strings as written (even empty), numbers and booleans spelled out, null kept. */
function textOf(value: unknown): string | null | undefined {
  if (value === null || typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * Reads a DHIS2 data value.
 *
 * Identifiers that are empty are absent (the set's header or the default applies). Texts keep
 * what the file wrote, `null` included (`"value": null` asks for a deletion in DHIS2). DXF2's
 * older `timestamp` attribute is read as `lastUpdated` when that is absent. Flags follow
 * `readFlag` (`true` in any case is true); the engine judges boolean *values*.
 *
 * @param fields - Member or attribute name → value.
 * @param row - 1-based position of the value in the file.
 * @param line - 1-based line where it starts, when known.
 */
export function dhis2Value(
  fields: Readonly<Record<string, unknown>>,
  row: number,
  line?: number,
): RawDataValue {
  const value: Mutable<RawDataValue> = line === undefined ? { row } : { row, line };
  for (const name of IDENTIFIERS) {
    const text = scalarText(fields[name]);
    if (text !== undefined) {
      value[name] = text;
    }
  }
  for (const name of TEXTS) {
    const text = textOf(fields[name]);
    if (text !== undefined) {
      value[name] = text;
    }
  }
  if (value.lastUpdated === undefined) {
    const timestamp = textOf(fields.timestamp);
    if (timestamp !== undefined) {
      value.lastUpdated = timestamp;
    }
  }
  const followUp = readFlag(fields.followUp ?? fields.followup);
  if (followUp !== undefined) {
    value.followUp = followUp;
  }
  const deleted = readFlag(fields.deleted);
  if (deleted !== undefined) {
    value.deleted = deleted;
  }
  return value;
}
