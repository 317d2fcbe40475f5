/**
 * DHIS2 JSON data value sets, streamed. A first pass reads the header (its members may come
 * after `dataValues`) while skipping the values cheaply; `values()` then streams the elements.
 */
import { dataValueSetHeaderFrom, type DataValueReader, type RawDataValue } from '@sankofa/core';
import { dhis2Value } from './dhis2-value-fields.ts';
import { byteProgress, fileChunks } from './file-chunks.ts';
import { unbatch } from './unbatch.ts';
import { JsonSetScanner } from './json-set-scanner.ts';
import { malformedJson, parseJsonText } from './json-text.ts';

async function readHeaderMembers(path: string): Promise<Record<string, unknown>> {
  const scanner = new JsonSetScanner('header');
  for await (const chunk of fileChunks(path)) {
    scanner.feed(chunk);
  }
  scanner.end();
  return scanner.members;
}

/**
 * Opens a DHIS2 JSON data value set.
 *
 * @throws ValidationError when the file is not a JSON object or is malformed (naming the line),
 *   or its header declares an id scheme or import strategy DHIS2 would refuse.
 */
export async function openDhis2JsonReader(path: string): Promise<DataValueReader> {
  const header = dataValueSetHeaderFrom(await readHeaderMembers(path));
  const progress = await byteProgress(path);
  return {
    format: 'dhis2-json',
    header,
    progress: () => ({ ...progress }),
    values: () =>
      unbatch(async function* (): AsyncGenerator<RawDataValue[]> {
        const scanner = new JsonSetScanner('values');
        let row = 0;
        for await (const chunk of fileChunks(path, progress)) {
          scanner.feed(chunk);
          const batch: RawDataValue[] = [];
          for (const element of scanner.take()) {
            const fields = parseJsonText(element.text, element.line);
            if (typeof fields !== 'object' || fields === null) {
              throw malformedJson(element.line, 'a data value must be a JSON object');
            }
            row++;
            batch.push(dhis2Value(fields as Record<string, unknown>, row, element.line));
          }
          yield batch;
        }
        scanner.end();
      }),
  };
}
