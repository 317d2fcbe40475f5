/**
 * The options of a data value import and how they combine with what the file declares: as in
 * DHIS2, the payload's `dryRun`, `importStrategy` and id schemes win over the request's.
 */
import {
  defaultIdSchemes,
  type DataValueFormat,
  type DataValueSetHeader,
  type IdScheme,
  type IdSchemes,
  type ImportStrategy,
} from '@sankofa/core';

/** Options of `importDataValues`. */
export interface DataValueImportOptions {
  /** Validate and count everything, then roll back. */
  readonly dryRun?: boolean;
  /** Default CREATE_AND_UPDATE. */
  readonly importStrategy?: ImportStrategy;
  /** Import the valid values when some are not (status WARNING); default: all or nothing. */
  readonly skipInvalid?: boolean;
  readonly idSchemes?: Partial<IdSchemes> & { readonly idScheme?: IdScheme };
  /** Who imports: recorded in `storedBy` (unless the file says) and in the audit event. */
  readonly actor: {
    readonly userId: string | null;
    readonly actor: string;
    readonly requestId?: string;
  };
  /** Closure paths under which the user may write; null = unrestricted (CLI). */
  readonly writableOrgUnitPaths: readonly string[] | null;
  /** Told of progress at most every ~200 ms. */
  readonly onProgress?: (p: { rows: number; bytesRead: number; totalBytes: number }) => void;
}

/** The options in force once the payload's are applied. */
export interface EffectiveOptions {
  readonly dryRun: boolean;
  readonly importStrategy: ImportStrategy;
  readonly skipInvalid: boolean;
  readonly idSchemes: IdSchemes;
}

const KEYS = [
  'dataElement',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'dataSet',
  'category',
  'categoryOption',
] as const;

/** Combines request options, payload declarations and format defaults. */
export function effectiveOptions(
  format: DataValueFormat,
  header: DataValueSetHeader,
  options: DataValueImportOptions,
): EffectiveOptions {
  const fromHeader = header.idSchemes ?? {};
  const fromOptions = options.idSchemes ?? {};
  const base = defaultIdSchemes(
    format === 'adx' ? 'adx' : 'other',
    fromHeader.idScheme ?? fromOptions.idScheme,
  );
  const idSchemes: { -readonly [K in keyof IdSchemes]: IdScheme } = { ...base };
  for (const key of KEYS) {
    idSchemes[key] =
      fromHeader[key] ??
      (fromHeader.idScheme === undefined ? fromOptions[key] : undefined) ??
      base[key];
  }
  return {
    dryRun: header.dryRun ?? options.dryRun ?? false,
    importStrategy: header.importStrategy ?? options.importStrategy ?? 'CREATE_AND_UPDATE',
    skipInvalid: options.skipInvalid ?? false,
    idSchemes,
  };
}
