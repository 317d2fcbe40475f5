/** DHIS2 metadata import: `importMetadata` and the shapes it reads and reports. */
export { importMetadata, readMetadataFile } from './import-metadata.ts';
export type { MetadataImportActor, MetadataImportOptions } from './import-metadata.ts';
export { DHIS2_DEFAULTS } from './dhis2-metadata.ts';
export type * from './dhis2-metadata.ts';
export { METADATA_OBJECT_TYPES } from './metadata-import-report.ts';
export type {
  MetadataImportError,
  MetadataImportReport,
  MetadataImportWarning,
  MetadataObjectType,
  TypeCounts,
} from './metadata-import-report.ts';
export { chooseIndicatorColumns, kindOfIndicatorType } from './indicator-columns.ts';
