/**
 * Opens a data value file in any format Sankofa reads, detecting the format when not given.
 */
import type { CsvMapping, DataValueFormat, DataValueReader } from '@sankofa/core';
import { openAdxReader } from './adx-reader.ts';
import { detectDataValueFormat } from './detect-format.ts';
import { openDhis2CsvReader } from './dhis2-csv-reader.ts';
import { openDhis2JsonReader } from './dhis2-json-reader.ts';
import { openDhis2XmlReader } from './dhis2-xml-reader.ts';
import { openFhirReader } from './fhir-reader.ts';
import { openGenericCsvReader } from './generic-csv-reader.ts';

/** How to read a data value file. */
export interface OpenDataValueReaderOptions {
  /** The format; detected from the file when omitted. */
  readonly format?: DataValueFormat;
  /** For a generic CSV: which column gives which field. Given without a format, the file is
   * read as a generic CSV whenever it is CSV. */
  readonly csvMapping?: CsvMapping;
}

/**
 * Opens a reader over a data value file: its header now, its values streamed by `values()`.
 *
 * @param path - The file.
 * @throws ValidationError when the format cannot be told, a generic CSV has no mapping, or the
 *   file's header cannot be read (JSON and XML errors name the line).
 *
 * @example
 * const reader = await openDataValueReader('bulk.json');
 * for await (const value of reader.values()) { … }
 */
export async function openDataValueReader(
  path: string,
  options: OpenDataValueReaderOptions = {},
): Promise<DataValueReader> {
  let format = options.format ?? (await detectDataValueFormat(path));
  if (options.format === undefined && options.csvMapping !== undefined && format === 'dhis2-csv') {
    format = 'csv';
  }
  switch (format) {
    case 'dhis2-json':
      return openDhis2JsonReader(path);
    case 'dhis2-csv':
      return openDhis2CsvReader(path);
    case 'dhis2-xml':
      return openDhis2XmlReader(path);
    case 'adx':
      return openAdxReader(path);
    case 'fhir':
      return openFhirReader(path);
    case 'csv':
      return openGenericCsvReader(path, options.csvMapping);
  }
}
