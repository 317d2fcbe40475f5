/**
 * IHE QRPH ADX (`<adx xmlns="urn:ihe:qrph:adx:2015">`), streamed with saxes. Each `<group>` gives
 * its values the org unit, period (ISO 8601 `start/duration`, converted to a DHIS2 period id),
 * data set, completeDate and attribute option combo; its other attributes are attribute
 * categories (`attributeOptions`). Each `<dataValue>` gives dataElement and value; its other
 * attributes are disaggregation categories (`categoryOptions`), except an explicit
 * `categoryOptionCombo`, which is kept as such. An `<annotation>` becomes the value's comment
 * (and `annotation`, for the engine to use as a text value, as DHIS2 does).
 */
import {
  parseAdxPeriod,
  ValidationError,
  type DataValueReader,
  type RawDataValue,
  type ValueConflict,
} from '@sankofa/core';
import { byteProgress } from './file-chunks.ts';
import { unbatch } from './unbatch.ts';
import { localName, xmlEventBatches, xmlRoot, type XmlEvent } from './xml-events.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Attributes = Readonly<Record<string, string>>;

/** The ADX namespace. */
export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

const GROUP_FIELDS = ['orgUnit', 'dataSet', 'completeDate', 'attributeOptionCombo'] as const;
const VALUE_FIELDS = new Set(['dataElement', 'value', 'categoryOptionCombo']);
const GROUP_KNOWN = new Set<string>([...GROUP_FIELDS, 'period']);

/** Namespace declarations and prefixed (foreign) attributes are not categories. */
function isCategory(name: string, known: ReadonlySet<string>): boolean {
  return !known.has(name) && name !== 'xmlns' && !name.includes(':');
}

function categories(attributes: Attributes, known: ReadonlySet<string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (isCategory(name, known)) {
      found[name] = value;
    }
  }
  return found;
}

/** ADX periods already converted: a file repeats the same few. */
const periods = new Map<string, string | ValueConflict>();

/** The DHIS2 period id of an ADX period, or the conflict saying why there is none. */
function dhis2Period(text: string): string | ValueConflict {
  let found = periods.get(text);
  if (found === undefined) {
    try {
      found = parseAdxPeriod(text).id;
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        throw error;
      }
      found = {
        object: text,
        property: 'period',
        errorCode: 'invalid_adx_period',
        value: error.message,
      };
    }
    if (periods.size >= 10_000) {
      periods.clear();
    }
    periods.set(text, found);
  }
  return found;
}

/** What a group gives each of its values. */
function groupDefaults(attributes: Attributes): Omit<RawDataValue, 'row'> {
  const defaults: Mutable<Omit<RawDataValue, 'row'>> = {};
  for (const field of GROUP_FIELDS) {
    const text = attributes[field];
    if (text !== undefined && text !== '') {
      defaults[field] = text;
    }
  }
  const period = attributes.period;
  if (period !== undefined && period !== '') {
    const found = dhis2Period(period);
    if (typeof found === 'string') {
      defaults.period = found;
    } else {
      defaults.conflicts = [found];
    }
  }
  const options = categories(attributes, GROUP_KNOWN);
  if (Object.keys(options).length > 0) {
    defaults.attributeOptions = options;
  }
  return defaults;
}

function adxValue(
  group: Omit<RawDataValue, 'row'>,
  attributes: Attributes,
  row: number,
  line: number,
): Mutable<RawDataValue> {
  const value: Mutable<RawDataValue> = { row, line, ...group };
  for (const field of VALUE_FIELDS) {
    const text = attributes[field];
    if (text !== undefined && (text !== '' || field === 'value')) {
      value[field as 'dataElement' | 'value' | 'categoryOptionCombo'] = text;
    }
  }
  const options = categories(attributes, VALUE_FIELDS);
  if (Object.keys(options).length > 0) {
    value.categoryOptions = options;
  }
  return value;
}

/** Turns ADX events into values, keeping the open group and value between batches. */
class AdxValues {
  private row = 0;
  private group: Omit<RawDataValue, 'row'> = {};
  private value: Mutable<RawDataValue> | undefined;
  private annotation: string | undefined;

  /** The values completed by these events. */
  read(events: readonly XmlEvent[]): RawDataValue[] {
    const values: RawDataValue[] = [];
    for (const event of events) {
      if (event.kind === 'text') {
        if (this.annotation !== undefined) {
          this.annotation += event.text;
        }
      } else if (event.kind === 'open') {
        this.open(localName(event.name), event.attributes, event.line);
      } else {
        const done = this.close(localName(event.name));
        if (done !== undefined) {
          values.push(done);
        }
      }
    }
    return values;
  }

  private open(name: string, attributes: Attributes, line: number): void {
    if (name === 'group') {
      this.group = groupDefaults(attributes);
    } else if (name === 'dataValue') {
      this.row++;
      this.value = adxValue(this.group, attributes, this.row, line);
    } else if (name === 'annotation' && this.value !== undefined) {
      this.annotation = '';
    }
  }

  private close(name: string): RawDataValue | undefined {
    if (name === 'annotation' && this.value !== undefined && this.annotation !== undefined) {
      const text = this.annotation.trim();
      if (text !== '') {
        this.value.annotation = text;
        this.value.comment = text;
      }
      this.annotation = undefined;
    } else if (name === 'dataValue' && this.value !== undefined) {
      const done = this.value;
      this.value = undefined;
      return done;
    } else if (name === 'group') {
      this.group = {};
    }
    return undefined;
  }
}

/**
 * Opens an ADX file.
 *
 * @throws ValidationError when the root is not `<adx>`, or (while reading) the XML is malformed,
 *   naming the line. A period with no DHIS2 equivalent is not thrown: it is a conflict on each
 *   value of its group.
 */
export async function openAdxReader(path: string): Promise<DataValueReader> {
  const root = await xmlRoot(path);
  if (localName(root.name) !== 'adx') {
    throw ValidationError.of(
      'xml',
      'invalid_xml',
      `Expected an ADX <adx> document, found <${root.name}>`,
    );
  }
  const progress = await byteProgress(path);
  return {
    format: 'adx',
    header: {},
    progress: () => ({ ...progress }),
    values: () =>
      unbatch(async function* (): AsyncGenerator<RawDataValue[]> {
        const adx = new AdxValues();
        for await (const events of xmlEventBatches(path, progress)) {
          yield adx.read(events);
        }
      }),
  };
}
