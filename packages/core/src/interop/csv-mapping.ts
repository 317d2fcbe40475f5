/**
 * The column mapping that lets any CSV with a header row be read as data values: which column
 * (or fixed text) gives each field, how periods are written, and the id schemes of the
 * identifiers. Read from a JSON mapping file or built from command-line flags.
 *
 * ```json
 * { "dataElement": "indicator_code", "orgUnit": "facility", "period": "month_start",
 *   "periodFormat": "date", "periodType": "Monthly", "value": "count",
 *   "attributeOptionCombo": { "fixed": "HllvX50cXC0" }, "idSchemes": { "orgUnit": "code" } }
 * ```
 */
import { ValidationError, type Issue } from '../errors.ts';
import { isPeriodType, PERIOD_TYPES, type PeriodType } from '../periods/index.ts';
import type { IdScheme, IdSchemes } from './data-value-record.ts';

/** A fixed text used for every row instead of a column. */
export interface CsvFixed {
  readonly fixed: string;
}

/** Where a field comes from: a column, named by its header, or fixed text. */
export type CsvSource = string | CsvFixed;

/** How a generic CSV maps to data values. */
export interface CsvMapping {
  readonly dataElement: CsvSource;
  readonly period: CsvSource;
  readonly orgUnit: CsvSource;
  /** Always a column: a fixed value for every row is almost certainly a mistake. */
  readonly value: string;
  /** Omitted: the default category option combo. */
  readonly categoryOptionCombo?: CsvSource;
  /** Omitted: the default attribute option combo. */
  readonly attributeOptionCombo?: CsvSource;
  readonly comment?: CsvSource;
  readonly storedBy?: CsvSource;
  /** `dhis2` (default): the period cell is a DHIS2 period id. `date`: a date, read as the
   * period of `periodType` that holds it. */
  readonly periodFormat?: 'dhis2' | 'date';
  /** Needed with `periodFormat: 'date'`. */
  readonly periodType?: PeriodType;
  /** How the identifiers are written (default uid). */
  readonly idSchemes?: Partial<IdSchemes>;
  /** Field separator (default `,`). */
  readonly delimiter?: ',' | ';' | '\t';
}

/** The fields a mapping may give, for messages. */
export const CSV_MAPPING_FIELDS = [
  'dataElement',
  'period',
  'orgUnit',
  'value',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'comment',
  'storedBy',
] as const;
export type CsvMappedField = (typeof CSV_MAPPING_FIELDS)[number];

const REQUIRED: readonly CsvMappedField[] = ['dataElement', 'period', 'orgUnit', 'value'];
const OPTIONS = ['periodFormat', 'periodType', 'idSchemes', 'delimiter'] as const;
const ID_SCHEME_KEYS: readonly (keyof IdSchemes)[] = [
  'dataElement',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'dataSet',
  'category',
  'categoryOption',
];

function issue(field: string, message: string): Issue {
  return { field, code: 'invalid_csv_mapping', message };
}

function readSource(name: CsvMappedField, value: unknown, issues: Issue[]): CsvSource | undefined {
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  const fixed = (value as { fixed?: unknown } | null)?.fixed;
  const onlyFixed = typeof value === 'object' && value !== null && Object.keys(value).length === 1;
  if (name !== 'value' && onlyFixed && typeof fixed === 'string') {
    return { fixed };
  }
  const expected = name === 'value' ? 'a column name' : 'a column name or { "fixed": "text" }';
  issues.push(issue(name, `${name} must be ${expected}, not ${JSON.stringify(value)}`));
  return undefined;
}

function readIdSchemes(value: unknown, issues: Issue[]): Partial<IdSchemes> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(issue('idSchemes', 'idSchemes must be an object such as { "orgUnit": "code" }'));
    return undefined;
  }
  const schemes: { -readonly [K in keyof IdSchemes]?: IdScheme } = {};
  for (const [key, scheme] of Object.entries(value as Readonly<Record<string, unknown>>)) {
    const known = ID_SCHEME_KEYS.find((k) => k === key);
    if (known === undefined) {
      issues.push(
        issue(
          `idSchemes.${key}`,
          `Unknown key "${key}" in idSchemes: expected one of ${ID_SCHEME_KEYS.join(', ')}`,
        ),
      );
    } else if (scheme === 'uid' || scheme === 'code' || scheme === 'name') {
      schemes[known] = scheme;
    } else {
      issues.push(
        issue(
          `idSchemes.${key}`,
          `idSchemes.${key} must be uid, code or name, not ${JSON.stringify(scheme)}`,
        ),
      );
    }
  }
  return schemes;
}

/**
 * Checks a CSV mapping read from JSON (or assembled from flags).
 *
 * @param json - The parsed mapping file.
 * @returns The mapping, typed.
 * @throws ValidationError (`invalid_csv_mapping`) listing every problem, each naming its key:
 *   unknown keys, missing required fields, a `value` that is not a column, a `periodType`
 *   missing with `periodFormat: "date"`, bad id schemes or delimiters.
 *
 * @example parseCsvMapping({ dataElement: 'de', period: 'pe', orgUnit: 'ou', value: 'v' });
 */
export function parseCsvMapping(json: unknown): CsvMapping {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValidationError('A CSV mapping must be a JSON object', [
      issue('mapping', 'A CSV mapping must be a JSON object such as { "dataElement": "de", … }'),
    ]);
  }
  const input = json as Readonly<Record<string, unknown>>;
  const issues: Issue[] = [];
  const mapping: Record<string, unknown> = {};
  const allowed: readonly string[] = [...CSV_MAPPING_FIELDS, ...OPTIONS];
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      issues.push(
        issue(
          key,
          `Unknown key "${key}" in the CSV mapping: expected one of ${allowed.join(', ')}`,
        ),
      );
    }
  }
  for (const name of CSV_MAPPING_FIELDS) {
    if (input[name] === undefined) {
      if (REQUIRED.includes(name)) {
        issues.push(
          issue(name, `The CSV mapping needs "${name}": the column (or fixed text) it comes from`),
        );
      }
      continue;
    }
    mapping[name] = readSource(name, input[name], issues);
  }
  const { periodFormat, periodType, idSchemes, delimiter } = input;
  if (periodFormat !== undefined && periodFormat !== 'dhis2' && periodFormat !== 'date') {
    issues.push(
      issue(
        'periodFormat',
        `periodFormat must be "dhis2" or "date", not ${JSON.stringify(periodFormat)}`,
      ),
    );
  }
  if (periodType !== undefined && !isPeriodType(periodType)) {
    issues.push(
      issue(
        'periodType',
        `periodType ${JSON.stringify(periodType)} is not one of ${PERIOD_TYPES.join(', ')}`,
      ),
    );
  }
  if (periodFormat === 'date' && periodType === undefined) {
    issues.push(issue('periodType', 'periodFormat "date" needs a periodType, e.g. "Monthly"'));
  }
  if (delimiter !== undefined && delimiter !== ',' && delimiter !== ';' && delimiter !== '\t') {
    issues.push(
      issue('delimiter', `delimiter must be ",", ";" or a tab, not ${JSON.stringify(delimiter)}`),
    );
  }
  const schemes = idSchemes === undefined ? undefined : readIdSchemes(idSchemes, issues);
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid CSV mapping: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  }
  return {
    ...(mapping as Pick<CsvMapping, CsvMappedField>),
    ...(periodFormat === undefined ? {} : { periodFormat }),
    ...(periodType === undefined ? {} : { periodType: periodType as PeriodType }),
    ...(schemes === undefined ? {} : { idSchemes: schemes }),
    ...(delimiter === undefined ? {} : { delimiter }),
  } as CsvMapping;
}
