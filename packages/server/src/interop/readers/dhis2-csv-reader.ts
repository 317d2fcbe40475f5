/**
 * DHIS2 CSV data values, read by position exactly as dhis2-core's `CsvDataValueSetReader` does:
 * dataelement, period, orgunit, catoptcombo, attroptcombo, value, storedby, lastupdated,
 * comment, followup, deleted. The first record is a header and is skipped whatever its text
 * (DHIS2's `firstRowIsHeader` defaults to true and the header's names are never read: its own
 * test file spells the first one "dataelelement").
 */
import { readFlag, type DataValueReader, type RawDataValue } from '@sankofa/core';
import { csvRecordBatches } from './csv-records.ts';
import { byteProgress } from './file-chunks.ts';
import { unbatch } from './unbatch.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** DHIS2's column order (dhis2-core `CsvDataValueSetReader`). */
const COLUMNS = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'value',
  'storedBy',
  'lastUpdated',
  'comment',
] as const;
const FOLLOW_UP = 9;
const DELETED = 10;

/** One positional DHIS2 CSV record as a raw data value; empty cells are absent. */
export function dhis2CsvValue(cells: readonly string[], row: number, line: number): RawDataValue {
  const value: Mutable<RawDataValue> = { row, line };
  for (let i = 0; i < COLUMNS.length && i < cells.length; i++) {
    if (cells[i] !== '') {
      value[COLUMNS[i]] = cells[i];
    }
  }
  const followUp = readFlag(cells[FOLLOW_UP]);
  if (followUp !== undefined) {
    value.followUp = followUp;
  }
  const deleted = readFlag(cells[DELETED]);
  if (deleted !== undefined) {
    value.deleted = deleted;
  }
  return value;
}

/** Opens a DHIS2 CSV data value file (no header fields: CSV has none). */
export async function openDhis2CsvReader(path: string): Promise<DataValueReader> {
  const progress = await byteProgress(path);
  return {
    format: 'dhis2-csv',
    header: {},
    progress: () => ({ ...progress }),
    values: () =>
      unbatch(async function* (): AsyncGenerator<RawDataValue[]> {
        let row = -1;
        for await (const records of csvRecordBatches(path, ',', progress)) {
          const batch: RawDataValue[] = [];
          for (const { cells, line } of records) {
            row++;
            if (row > 0) {
              batch.push(dhis2CsvValue(cells, row, line));
            }
          }
          yield batch;
        }
      }),
  };
}
