/**
 * Reads the fields of one object of a DHIS2 metadata file, checking each one's type and
 * reporting every problem with the object's type, id and the field's name.
 */
import type { MetadataObjectType, ReportBuilder } from './metadata-import-report.ts';
import type { Reference } from './metadata-objects.ts';

/** A DHIS2-style uid: a letter, then 10 letters or digits. */
export const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/;

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/** What the readers of one object share: where errors go and the references found. */
interface ObjectContext {
  readonly report: ReportBuilder;
  readonly type: MetadataObjectType;
  readonly id: string;
  readonly refs: Reference[];
  failed: boolean;
}

/**
 * Field-by-field access to one raw object, with its references collected on the way. Readers of
 * nested items (`readers`) report under `field[i].inner` of the same object.
 */
export class FieldReader {
  private readonly context: ObjectContext;

  constructor(
    report: ReportBuilder,
    type: MetadataObjectType,
    id: string,
    private readonly raw: Readonly<Record<string, unknown>>,
    private readonly prefix = '',
    context?: ObjectContext,
  ) {
    this.context = context ?? { report, type, id, refs: [], failed: false };
  }

  /** The references read so far, from this object and its nested items. */
  get refs(): readonly Reference[] {
    return this.context.refs;
  }

  /** True when some field of this object was reported wrong. */
  get hasErrors(): boolean {
    return this.context.failed;
  }

  private get label(): string {
    return `${this.context.type} "${this.context.id}"`;
  }

  /** Reports a problem with `field` of this object. */
  fail(field: string, code: string, message: string): void {
    this.context.failed = true;
    const { report, type, id } = this.context;
    report.error({ objectType: type, id, field: this.prefix + field, code, message });
  }

  private missing(field: string, required: boolean): null {
    if (required) {
      this.fail(field, 'required', `${this.label} has no ${this.prefix}${field}`);
    }
    return null;
  }

  /** A text field; empty strings count as absent. */
  string(field: string, required = false): string | null {
    const value = this.raw[field];
    if (value === undefined || value === null || value === '') {
      return this.missing(field, required);
    }
    if (typeof value !== 'string') {
      this.fail(field, 'not_text', `${field} of ${this.label} must be text`);
      return null;
    }
    return value;
  }

  /** A number field; `integer` rejects fractions. */
  number(field: string, { required = false, integer = false } = {}): number | null {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      return this.missing(field, required);
    }
    const ok = typeof value === 'number' && Number.isFinite(value);
    if (!ok || (integer && !Number.isInteger(value))) {
      const kind = integer ? 'a whole number' : 'a number';
      this.fail(field, 'not_a_number', `${field} of ${this.label} must be ${kind}`);
      return null;
    }
    return value;
  }

  /** A boolean field as the 0/1 Sankofa stores; absent is `fallback`. */
  flag(field: string, fallback: 0 | 1 = 0): 0 | 1 {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      return fallback;
    }
    if (typeof value !== 'boolean') {
      this.fail(field, 'not_a_boolean', `${field} of ${this.label} must be true or false`);
      return fallback;
    }
    return value ? 1 : 0;
  }

  /** A DHIS2 date or date-time; only `yyyy-MM-dd` is kept. */
  date(field: string): string | null {
    const value = this.string(field);
    if (value === null) {
      return null;
    }
    const match = DATE_PREFIX.exec(value);
    if (match === null) {
      this.fail(field, 'invalid_date', `${field} "${value}" of ${this.label} is not a date`);
      return null;
    }
    return match[1];
  }

  /** A `{ id }` reference to an object of `type`, recorded for the reference check. */
  ref(field: string, type: MetadataObjectType, required = false): string | null {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      return this.missing(field, required);
    }
    const id = refId(value);
    if (id === null) {
      this.fail(field, 'invalid_reference', `${field} of ${this.label} must be { "id": … }`);
      return null;
    }
    this.context.refs.push({ field: this.prefix + field, type, id });
    return id;
  }

  /** A list of `{ id }` references without repeats; null when the file left the list out. */
  refList(field: string, type: MetadataObjectType): string[] | null {
    const items = this.array(field);
    if (items === null) {
      return null;
    }
    const ids: string[] = [];
    items.forEach((item, i) => {
      const id = refId(item);
      if (id === null) {
        this.fail(
          `${field}[${i}]`,
          'invalid_reference',
          `${field}[${i}] of ${this.label} must be { "id": … }`,
        );
      } else if (!ids.includes(id)) {
        ids.push(id);
        this.context.refs.push({ field: this.prefix + field, type, id });
      }
    });
    return ids;
  }

  /** A list of nested objects (e.g. `dataSetElements`), each with its own reader. */
  readers(field: string): FieldReader[] | null {
    const items = this.array(field);
    if (items === null) {
      return null;
    }
    const readers: FieldReader[] = [];
    items.forEach((item, i) => {
      if (isRecord(item)) {
        const { report, type, id } = this.context;
        readers.push(
          new FieldReader(report, type, id, item, `${this.prefix}${field}[${i}].`, this.context),
        );
      } else {
        this.fail(
          `${field}[${i}]`,
          'not_an_object',
          `${field}[${i}] of ${this.label} must be an object`,
        );
      }
    });
    return readers;
  }

  private array(field: string): readonly unknown[] | null {
    const value: unknown = this.raw[field];
    if (value === undefined || value === null) {
      return null;
    }
    if (!Array.isArray(value)) {
      this.fail(field, 'not_a_list', `${field} of ${this.label} must be a list`);
      return null;
    }
    return value as readonly unknown[];
  }
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refId(value: unknown): string | null {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') {
    return null;
  }
  return value.id;
}
