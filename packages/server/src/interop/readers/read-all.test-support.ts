/** Reads a whole data value file in tests: its format, header and values. Test support only. */
import type { DataValueFormat, DataValueSetHeader, RawDataValue } from '@sankofa/core';
import { validationPath } from '../../../../core/src/validation-data.test-support.ts';
import { openDataValueReader, type OpenDataValueReaderOptions } from './index.ts';

/** Everything a reader gave. */
export interface ReadAll {
  readonly format: DataValueFormat;
  readonly header: DataValueSetHeader;
  readonly values: RawDataValue[];
}

/** Opens `path` and reads every value. */
export async function readAll(
  path: string,
  options?: OpenDataValueReaderOptions,
): Promise<ReadAll> {
  const reader = await openDataValueReader(path, options);
  const values: RawDataValue[] = [];
  for await (const value of reader.values()) {
    values.push(value);
  }
  return { format: reader.format, header: reader.header, values };
}

/** A DHIS2 data value set sample: `sample('dhis2-docs', 'bulk.json')`. */
export function sample(folder: 'dhis2-core' | 'dhis2-docs', file: string): string {
  return validationPath('dhis2_datavaluesets', folder, file);
}

/** A FHIR MeasureReport example. */
export function fhirExample(file: string): string {
  return validationPath('fhir_measurereport', file);
}
