/**
 * Set-level fields of a DHIS2 data value set (JSON members or DXF2 root attributes) read into a
 * `DataValueSetHeader`, and the small value normalisations every reader shares.
 */
import { ValidationError } from '../errors.ts';
import {
  IMPORT_STRATEGIES,
  type DataValueSetHeader,
  type IdScheme,
  type IdSchemes,
  type ImportStrategy,
} from './data-value-record.ts';

/**
 * A DHIS2 boolean flag (`followup`, `deleted`) as dhis2-core reads it from CSV and XML
 * (`Boolean.parseBoolean`): true only for `true` in any case; JSON booleans pass through.
 *
 * @returns undefined when absent or empty, null for JSON null.
 */
export function readFlag(value: unknown): boolean | null | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (value === null || typeof value === 'boolean') {
    return value;
  }
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/** Payload members naming id schemes, and the `IdSchemes` key each sets. */
const ID_SCHEME_FIELDS: Readonly<Record<string, keyof IdSchemes | 'idScheme'>> = {
  idScheme: 'idScheme',
  dataElementIdScheme: 'dataElement',
  orgUnitIdScheme: 'orgUnit',
  categoryOptionComboIdScheme: 'categoryOptionCombo',
  attributeOptionComboIdScheme: 'attributeOptionCombo',
  dataSetIdScheme: 'dataSet',
  categoryIdScheme: 'category',
  categoryOptionIdScheme: 'categoryOption',
};

/**
 * An id scheme as DHIS2 spells it (`UID`, `code`, `NAME`…).
 *
 * @throws ValidationError (`invalid_id_scheme`) for anything else, including DHIS2's
 *   `ATTRIBUTE:<uid>` scheme, which Sankofa does not support.
 */
export function readIdScheme(value: unknown, field: string): IdScheme {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  if (text === 'uid' || text === 'code' || text === 'name') {
    return text;
  }
  const reason = text.startsWith('attribute:')
    ? 'attribute id schemes are not supported'
    : 'expected uid, code or name';
  throw ValidationError.of(
    field,
    'invalid_id_scheme',
    `${field} ${JSON.stringify(value)} is not an id scheme Sankofa reads: ${reason}`,
  );
}

/** A scalar member as text: strings as written, numbers and booleans spelled out. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value === '' ? undefined : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

function readStrategy(value: unknown, field: string): ImportStrategy {
  const text = typeof value === 'string' ? value.toUpperCase() : '';
  const strategy = IMPORT_STRATEGIES.find((s) => s === text);
  if (strategy === undefined) {
    throw ValidationError.of(
      field,
      'invalid_import_strategy',
      `${field} ${JSON.stringify(value)} is not one of ${IMPORT_STRATEGIES.join(', ')}`,
    );
  }
  return strategy;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads the set-level members of a data value set (DHIS2 `DataValueSet`): `dataSet`,
 * `completeDate`, `period`, `orgUnit`, `attributeOptionCombo`, the `…IdScheme` members,
 * `dryRun` and `importStrategy` (or `strategy`). Other members are ignored; empty ones are absent.
 *
 * @param fields - Member name → value (JSON values, or XML attribute strings).
 * @throws ValidationError for an id scheme, import strategy or `dryRun` DHIS2 would not accept.
 */
export function dataValueSetHeaderFrom(
  fields: Readonly<Record<string, unknown>>,
): DataValueSetHeader {
  const header: Mutable<DataValueSetHeader> = {};
  const idSchemes: Mutable<NonNullable<DataValueSetHeader['idSchemes']>> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    switch (name) {
      case 'dataSet':
      case 'completeDate':
      case 'period':
      case 'orgUnit':
      case 'attributeOptionCombo':
        header[name] = scalarText(value);
        break;
      case 'dryRun':
        header.dryRun = readFlag(value) === true;
        break;
      case 'importStrategy':
      case 'strategy':
        header.importStrategy = readStrategy(value, name);
        break;
      default: {
        if (Object.hasOwn(ID_SCHEME_FIELDS, name)) {
          idSchemes[ID_SCHEME_FIELDS[name]] = readIdScheme(value, name);
        }
      }
    }
  }
  if (Object.keys(idSchemes).length > 0) {
    header.idSchemes = idSchemes;
  }
  return header;
}
