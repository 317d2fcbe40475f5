/** Data value writers: stored values → DHIS2 JSON, DHIS2 CSV or FHIR MeasureReport text. */
export { coalesceChunks, CHUNK_CHARS } from './coalesce-chunks.ts';
export { writeDhis2Csv, csvField } from './dhis2-csv-writer.ts';
export { writeDhis2Json, dhis2JsonValue } from './dhis2-json-writer.ts';
export {
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  type ExportFormat,
  type ExportedDataValue,
} from './exported-data-value.ts';
export {
  ATTRIBUTE_OPTION_COMBO_EXTENSION,
  writeFhirMeasureReports,
  type CategoryOptionPair,
  type FhirWriterOptions,
} from './fhir-measure-report-writer.ts';
export { writeDataValues, type WriteDataValuesOptions } from './write-data-values.ts';
