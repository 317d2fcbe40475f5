/**
 * DHIS2 DXF2 XML data value sets (`<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" …>`
 * with `<dataValue …/>` attributes), streamed with saxes. The header is the root's attributes,
 * so it is read from the first element only.
 */
import {
  dataValueSetHeaderFrom,
  ValidationError,
  type DataValueReader,
  type RawDataValue,
} from '@sankofa/core';
import { dhis2Value } from './dhis2-value-fields.ts';
import { byteProgress } from './file-chunks.ts';
import { unbatch } from './unbatch.ts';
import { localName, xmlEventBatches, xmlRoot } from './xml-events.ts';

/**
 * Opens a DXF2 data value set.
 *
 * @throws ValidationError when the root element is not `dataValueSet`, the XML is malformed
 *   (naming the line), or the header declares an id scheme or strategy DHIS2 would refuse.
 */
export async function openDhis2XmlReader(path: string): Promise<DataValueReader> {
  const root = await xmlRoot(path);
  if (localName(root.name) !== 'dataValueSet') {
    throw ValidationError.of(
      'xml',
      'invalid_xml',
      `Expected a DHIS2 <dataValueSet> document, found <${root.name}>`,
    );
  }
  const header = dataValueSetHeaderFrom(root.attributes);
  const progress = await byteProgress(path);
  return {
    format: 'dhis2-xml',
    header,
    progress: () => ({ ...progress }),
    values: () =>
      unbatch(async function* (): AsyncGenerator<RawDataValue[]> {
        let row = 0;
        for await (const events of xmlEventBatches(path, progress)) {
          const batch: RawDataValue[] = [];
          for (const event of events) {
            if (event.kind === 'open' && localName(event.name) === 'dataValue') {
              row++;
              batch.push(dhis2Value(event.attributes, row, event.line));
            }
          }
          yield batch;
        }
      }),
  };
}
