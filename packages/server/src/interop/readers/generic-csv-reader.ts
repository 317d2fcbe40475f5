/**
 * Any CSV with a header row, read through a `CsvMapping` (which column gives which field).
 */
import {
  csvRowReader,
  ValidationError,
  type CsvMapping,
  type CsvRowReader,
  type DataValueReader,
  type RawDataValue,
} from '@sankofa/core';
import { csvRecordBatches } from './csv-records.ts';
import { byteProgress } from './file-chunks.ts';
import { unbatch } from './unbatch.ts';

/**
 * Opens a CSV read through a mapping. The header is checked against the mapping when values are
 * first read.
 *
 * @throws ValidationError (`csv_mapping_required`) when no mapping is given.
 */
export async function openGenericCsvReader(
  path: string,
  mapping: CsvMapping | undefined,
): Promise<DataValueReader> {
  if (mapping === undefined) {
    throw ValidationError.of(
      'csvMapping',
      'csv_mapping_required',
      'This CSV is not in DHIS2 column order (dataelement, period, orgunit, …): give a column mapping',
    );
  }
  const progress = await byteProgress(path);
  return {
    format: 'csv',
    header: mapping.idSchemes === undefined ? {} : { idSchemes: mapping.idSchemes },
    progress: () => ({ ...progress }),
    values: () =>
      unbatch(async function* (): AsyncGenerator<RawDataValue[]> {
        let read: CsvRowReader | undefined;
        let row = 0;
        for await (const records of csvRecordBatches(path, mapping.delimiter ?? ',', progress)) {
          const batch: RawDataValue[] = [];
          for (const { cells, line } of records) {
            if (read === undefined) {
              read = csvRowReader(mapping, cells);
            } else {
              row++;
              batch.push(read(cells, row, line));
            }
          }
          yield batch;
        }
      }),
  };
}
