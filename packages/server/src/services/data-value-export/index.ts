/** Data value export (DHIS2 `GET /api/dataValueSets`): filters, scope, streaming writers. */
export type { DataValueExportFilter, DataValueExportScope } from './export-request.ts';
export {
  exportDataValues,
  openDataValueExport,
  type DataValueExport,
  type ExportStats,
  type OpenExportOptions,
} from './open-data-value-export.ts';
export { loadOptionComboLookup } from './option-combo-lookup.ts';
export type { ResolvedExport } from './resolve-export-filter.ts';
export { EXPORT_CHUNK_SIZE } from './stream-data-values.ts';
