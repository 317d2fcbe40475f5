/** One entry point over the writers: values in, text chunks of about 64 KiB out. */
import { coalesceChunks } from './coalesce-chunks.ts';
import { writeDhis2Csv } from './dhis2-csv-writer.ts';
import { writeDhis2Json } from './dhis2-json-writer.ts';
import type { ExportFormat, ExportedDataValue } from './exported-data-value.ts';
import { writeFhirMeasureReports, type FhirWriterOptions } from './fhir-measure-report-writer.ts';

export interface WriteDataValuesOptions {
  /** CSV: add the `deleted` column. */
  readonly includeDeleted?: boolean;
  /** FHIR: the option combos' categories and options (needed for `fhir`). */
  readonly fhir?: FhirWriterOptions;
}

/**
 * @param format - `dhis2-json`, `dhis2-csv` or `fhir`.
 * @param values - The values, in the exporter's key order.
 * @returns The text, in chunks.
 */
export function writeDataValues(
  format: ExportFormat,
  values: AsyncIterable<ExportedDataValue>,
  options: WriteDataValuesOptions = {},
): AsyncGenerator<string> {
  switch (format) {
    case 'dhis2-json':
      return coalesceChunks(writeDhis2Json(values));
    case 'dhis2-csv':
      return coalesceChunks(
        writeDhis2Csv(values, { deletedColumn: options.includeDeleted === true }),
      );
    case 'fhir':
      if (options.fhir === undefined) {
        throw new Error('writeDataValues: the fhir format needs options.fhir (the combos)');
      }
      return coalesceChunks(writeFhirMeasureReports(values, options.fhir));
  }
}
