/**
 * A `DataValueReader` over a DHIS2 data value set already parsed from JSON (the answer of
 * `GET /api/dataValueSets.json`), for `importDataValues`.
 */
import {
  ValidationError,
  dataValueSetHeaderFrom,
  readFlag,
  scalarText,
  type DataValueReader,
  type RawDataValue,
} from '@sankofa/core';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const IDENTIFIERS = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
] as const;
const TEXTS = ['value', 'storedBy', 'created', 'lastUpdated', 'comment'] as const;

/** One `dataValues` element as a `RawDataValue` (DHIS2 names; `followup` or `followUp`). */
export function rawValueFrom(fields: Readonly<Record<string, unknown>>, row: number): RawDataValue {
  const value: Mutable<RawDataValue> = { row };
  for (const name of IDENTIFIERS) {
    const text = scalarText(fields[name]);
    if (text !== undefined) {
      value[name] = text;
    }
  }
  for (const name of TEXTS) {
    const member = fields[name];
    if (member === null || typeof member === 'string') {
      value[name] = member;
    } else if (typeof member === 'number' || typeof member === 'boolean') {
      value[name] = String(member);
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

/** A `dataValues` element that is not an object: a conflict on its row, as readers report one. */
function notAnObject(element: unknown, row: number, source: string): RawDataValue {
  const conflict = {
    object: JSON.stringify(element) ?? String(element),
    value: `value ${row} of ${source} is not a JSON object`,
    errorCode: 'invalid_data_value',
    property: 'dataValues',
  };
  return { row, conflicts: [conflict] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a parsed data value set. DHIS2 leaves `dataValues` out when there is nothing to export.
 *
 * @param source - names the request in errors, e.g. `GET /api/dataValueSets.json?dataSet=…`
 * @throws ValidationError when the document is not a data value set
 */
export function jsonValueSetReader(document: unknown, source: string): DataValueReader {
  if (!isRecord(document)) {
    throw ValidationError.of(
      'dataValues',
      'invalid_data_value_set',
      `${source} did not answer a JSON object`,
    );
  }
  const { dataValues = [], ...members } = document;
  if (!Array.isArray(dataValues)) {
    throw ValidationError.of(
      'dataValues',
      'invalid_data_value_set',
      `${source}: dataValues is not a list`,
    );
  }
  const header = dataValueSetHeaderFrom(members);
  const total = dataValues.length;
  let read = 0;
  return {
    format: 'dhis2-json',
    header,
    progress: () => ({ bytesRead: read, totalBytes: total }),
    values: () => {
      function* rows(): Generator<RawDataValue> {
        for (const element of dataValues as unknown[]) {
          read += 1;
          yield isRecord(element)
            ? rawValueFrom(element, read)
            : notAnObject(element, read, source);
        }
      }
      const iterator = rows();
      return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(iterator.next()) }) };
    },
  };
}
