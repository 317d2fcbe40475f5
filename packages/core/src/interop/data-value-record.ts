/**
 * The shapes every data value format is read into, and the import summary in DHIS2's shape.
 * Readers (DHIS2 JSON, CSV, DXF2 XML, ADX, FHIR MeasureReport, generic CSV) emit `RawDataValue`s
 * with identifiers as the file wrote them; the import engine resolves them by id scheme,
 * validates them and writes them.
 */

/** How a file identifies objects: by DHIS2 uid (default), code or name. */
export type IdScheme = 'uid' | 'code' | 'name';

/** Id schemes per object type, as DHIS2's `dataElementIdScheme`, `orgUnitIdScheme`, … */
export interface IdSchemes {
  readonly dataElement: IdScheme;
  readonly orgUnit: IdScheme;
  readonly categoryOptionCombo: IdScheme;
  readonly attributeOptionCombo: IdScheme;
  readonly dataSet: IdScheme;
  /** ADX: how category attributes name categories (default code). */
  readonly category: IdScheme;
  /** ADX: how category attribute values name category options (default code). */
  readonly categoryOption: IdScheme;
}

/** DHIS2's defaults: `uid` for everything, `code` for ADX. */
export function defaultIdSchemes(format: 'adx' | 'other', idScheme?: IdScheme): IdSchemes {
  const base = idScheme ?? (format === 'adx' ? 'code' : 'uid');
  return {
    dataElement: base,
    orgUnit: base,
    categoryOptionCombo: base,
    attributeOptionCombo: base,
    dataSet: base,
    category: format === 'adx' ? (idScheme ?? 'code') : base,
    categoryOption: format === 'adx' ? (idScheme ?? 'code') : base,
  };
}

/** Set-level fields of a data value set: defaults for its values. */
export interface DataValueSetHeader {
  readonly dataSet?: string;
  readonly completeDate?: string;
  readonly period?: string;
  readonly orgUnit?: string;
  readonly attributeOptionCombo?: string;
  /** ADX group-level attribute categories: category identifier → option identifier. */
  readonly attributeOptions?: Readonly<Record<string, string>>;
  /** Id schemes the payload declares (they win over the request's). */
  readonly idSchemes?: Partial<IdSchemes> & { readonly idScheme?: IdScheme };
  /** `dryRun` as the payload declares it (DHIS2 lets the payload set import options). */
  readonly dryRun?: boolean;
  /** `importStrategy` (or DHIS2's older `strategy`) as the payload declares it. */
  readonly importStrategy?: ImportStrategy;
}

/**
 * A problem a reader found in one value and could not leave to the engine, such as an ADX period
 * that names no DHIS2 period. The engine reports it as an `ImportConflict` on the value's row and
 * ignores the value.
 */
export type ValueConflict = Omit<ImportConflict, 'indexes'>;

/** One data value as a file wrote it, before identifiers are resolved. */
export interface RawDataValue {
  /** 1-based position of the value in the file (data row for CSV, element for JSON/XML). */
  readonly row: number;
  /** 1-based line in the file, when the reader knows it. */
  readonly line?: number;
  readonly dataElement?: string;
  /** A DHIS2 period id (ADX and FHIR periods are converted by the reader). */
  readonly period?: string;
  readonly orgUnit?: string;
  readonly categoryOptionCombo?: string;
  readonly attributeOptionCombo?: string;
  /** ADX/FHIR disaggregation by category: category identifier → option identifier. */
  readonly categoryOptions?: Readonly<Record<string, string>>;
  /** ADX attribute categories of the value's group: category identifier → option identifier. */
  readonly attributeOptions?: Readonly<Record<string, string>>;
  readonly dataSet?: string;
  readonly value?: string | null;
  readonly comment?: string | null;
  readonly followUp?: boolean | null;
  readonly storedBy?: string | null;
  readonly created?: string | null;
  readonly lastUpdated?: string | null;
  /** `deleted: true` in an export with `includeDeleted`: the value is deleted. */
  readonly deleted?: boolean | null;
  /** ADX: the group's `completeDate` (the data set is complete for its period and org unit). */
  readonly completeDate?: string;
  /**
   * ADX: the text of the value's `<annotation>`. The reader also puts it in `comment`; DHIS2
   * instead imports it as the value of a non-numeric data element (its ADX export writes
   * `value="0"` and the text in the annotation), which only the engine can decide.
   */
  readonly annotation?: string;
  /** Problems the reader found in this value; when present the engine reports them and skips it. */
  readonly conflicts?: readonly ValueConflict[];
}

/** The formats `sankofa import` reads. */
export const DATA_VALUE_FORMATS = [
  'dhis2-json',
  'dhis2-csv',
  'dhis2-xml',
  'adx',
  'fhir',
  'csv',
] as const;
export type DataValueFormat = (typeof DATA_VALUE_FORMATS)[number];

/** DHIS2's import strategies. */
export const IMPORT_STRATEGIES = ['CREATE', 'UPDATE', 'CREATE_AND_UPDATE', 'DELETE'] as const;
export type ImportStrategy = (typeof IMPORT_STRATEGIES)[number];

/** A value that could not be imported, naming the row and the field (DHIS2 `ImportConflict`). */
export interface ImportConflict {
  /** The identifier or value at fault, e.g. the org unit id that does not exist. */
  readonly object: string;
  /** Human-readable reason. */
  readonly value: string;
  /** Stable code, e.g. E7610 style DHIS2 codes where one exists, else snake_case. */
  readonly errorCode: string;
  /** The field: dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value… */
  readonly property: string;
  /** 1-based rows of the values with this conflict. */
  readonly indexes: readonly number[];
}

/** The import summary in DHIS2's shape (`/api/dataValueSets` response). */
export interface ImportSummary {
  readonly responseType: 'ImportSummary';
  /** SUCCESS: everything landed; WARNING: landed with conflicts (--skip-invalid); ERROR: nothing landed. */
  readonly status: 'SUCCESS' | 'WARNING' | 'ERROR';
  readonly description: string;
  readonly importOptions: {
    readonly dryRun: boolean;
    readonly importStrategy: ImportStrategy;
    readonly skipInvalid: boolean;
    readonly idSchemes: IdSchemes;
  };
  readonly importCount: {
    readonly imported: number;
    readonly updated: number;
    readonly ignored: number;
    readonly deleted: number;
  };
  readonly conflicts: readonly ImportConflict[];
  readonly dataSetComplete: string | false;
  /** Rows read and seconds taken, for the progress report. */
  readonly stats?: { readonly rows: number; readonly seconds: number };
}

/**
 * What a reader hands the import engine: the set-level header (known before any value is read;
 * a reader whose format may put the header after the values reads the file twice), then the
 * values in file order. Readers never throw on a bad value: they put a `ValueConflict` on it.
 * They throw a `ValidationError` only when the file as a whole cannot be read (not the format
 * claimed, malformed JSON/XML), naming the line where they can.
 */
export interface DataValueReader {
  readonly format: DataValueFormat;
  readonly header: DataValueSetHeader;
  /** The values, streamed: memory stays flat whatever the file's size. */
  values(): AsyncIterable<RawDataValue>;
  /** Bytes of the file consumed so far and its size, for progress bars (0/0 when unknown). */
  progress(): { readonly bytesRead: number; readonly totalBytes: number };
}
