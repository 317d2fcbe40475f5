/** The data value import engine: resolve, validate and write what a `DataValueReader` yields. */
export { importDataValues } from './import-data-values.ts';
export type { DataValueImportOptions } from './import-options.ts';
export { CONFLICT_CODES, MAX_CONFLICTS, MAX_CONFLICT_ROWS } from './conflicts.ts';
