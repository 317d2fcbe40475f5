/**
 * FHIR R4 MeasureReports (one, or a Bundle of them), read whole: MeasureReports are small.
 */
import { readFile, stat } from 'node:fs/promises';
import { fromFhirMeasureReports, type DataValueReader, type RawDataValue } from '@sankofa/core';
import { parseJsonText } from './json-text.ts';
import { unbatch } from './unbatch.ts';

/**
 * Opens a MeasureReport or Bundle. The whole file is read and converted at once, so every
 * problem is known before any value is imported.
 *
 * @throws ValidationError for malformed JSON (naming the line) or a report that cannot be read
 *   as data values (naming the element path, from `fromFhirMeasureReports`).
 */
export async function openFhirReader(path: string): Promise<DataValueReader> {
  const text = await readFile(path, 'utf8');
  const json = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 1);
  const { values } = fromFhirMeasureReports(json);
  const totalBytes = (await stat(path)).size;
  return {
    format: 'fhir',
    header: {},
    // The file was read whole before the first value.
    progress: () => ({ bytesRead: totalBytes, totalBytes }),
    values: () =>
      unbatch(function* (): Generator<readonly RawDataValue[]> {
        yield values;
      }),
  };
}
