/** The import options of an upload form, checked field by field. */
import {
  DATA_VALUE_FORMATS,
  IMPORT_STRATEGIES,
  parseCsvMapping,
  ValidationError,
  type CsvMapping,
  type ImportFormat,
  type ImportJobOptions,
  type ImportStrategy,
  type IdScheme,
  type Issue,
} from '@sankofa/core';
import { ApiError } from '../../errors.ts';

const ID_SCHEMES: readonly IdScheme[] = ['uid', 'code', 'name'];
const KNOWN_FIELDS = new Set([
  'format',
  'idScheme',
  'importStrategy',
  'dryRun',
  'skipInvalid',
  'mapping',
]);

/** The options of an upload: the job's, and the column mapping of a generic CSV. */
export interface ImportFields {
  readonly options: ImportJobOptions;
  readonly csvMapping?: CsvMapping;
}

function mappingOf(issues: Issue[], raw: string | undefined): CsvMapping | undefined {
  if (raw === undefined || raw === '') {
    return undefined;
  }
  try {
    return parseCsvMapping(JSON.parse(raw));
  } catch (error) {
    const details =
      error instanceof ValidationError && error.issues.length > 0
        ? error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')
        : (error as Error).message;
    issues.push({ field: 'mapping', code: 'invalid_mapping', message: `mapping: ${details}` });
    return undefined;
  }
}

function oneOf<T extends string>(
  issues: Issue[],
  field: string,
  raw: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (raw === undefined || raw === '') {
    return undefined;
  }
  if ((allowed as readonly string[]).includes(raw)) {
    return raw as T;
  }
  issues.push({
    field,
    code: 'invalid_choice',
    message: `${field} must be one of ${allowed.join(', ')}, got "${raw}"`,
  });
  return undefined;
}

function flag(issues: Issue[], field: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'false') {
    return false;
  }
  if (raw === 'true') {
    return true;
  }
  issues.push({ field, code: 'not_a_boolean', message: `${field} must be true or false` });
  return false;
}

/**
 * @param fields - The form's text fields.
 * @returns The job options (the format is `auto` when omitted) and the CSV mapping, if any.
 * @throws {@link ApiError} 400 naming each bad or unknown field.
 */
export function parseImportFields(fields: Readonly<Record<string, string>>): ImportFields {
  const issues: Issue[] = [];
  for (const name of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(name)) {
      issues.push({ field: name, code: 'unknown_field', message: `${name} is not a known field` });
    }
  }
  const formats: readonly ImportFormat[] = ['auto', ...DATA_VALUE_FORMATS];
  const format = oneOf(issues, 'format', fields.format, formats) ?? 'auto';
  const idScheme = oneOf(issues, 'idScheme', fields.idScheme, ID_SCHEMES);
  const importStrategy =
    oneOf<ImportStrategy>(issues, 'importStrategy', fields.importStrategy, IMPORT_STRATEGIES) ??
    'CREATE_AND_UPDATE';
  const dryRun = flag(issues, 'dryRun', fields.dryRun);
  const skipInvalid = flag(issues, 'skipInvalid', fields.skipInvalid);
  const csvMapping = mappingOf(issues, fields.mapping);
  if (csvMapping !== undefined && format !== 'auto' && format !== 'csv') {
    issues.push({
      field: 'mapping',
      code: 'mapping_needs_csv',
      message: `mapping reads a generic CSV: it cannot go with format ${format}`,
    });
  }
  if (issues.length > 0) {
    throw new ApiError('bad_request', issues.map((i) => i.message).join('; '), issues);
  }
  return {
    options: {
      format,
      ...(idScheme === undefined ? {} : { idScheme }),
      importStrategy,
      dryRun,
      skipInvalid,
    },
    ...(csvMapping === undefined ? {} : { csvMapping }),
  };
}
