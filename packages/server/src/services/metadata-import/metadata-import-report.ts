/**
 * What a metadata import reports: per object type how many objects it created, updated, left
 * unchanged or rejected, and every error and warning naming the object and the field.
 */

/** The DHIS2 object types the importer reads, in the order it writes them. */
export const METADATA_OBJECT_TYPES = [
  'categoryOption',
  'category',
  'categoryCombo',
  'categoryOptionCombo',
  'organisationUnit',
  'organisationUnitGroup',
  'dataElement',
  'dataElementGroup',
  'dataSet',
  'indicatorType',
  'indicator',
  'constant',
] as const;

export type MetadataObjectType = (typeof METADATA_OBJECT_TYPES)[number];

/** The DHIS2 `/api/metadata` collection that holds each object type. */
export const COLLECTION_OF: Readonly<Record<MetadataObjectType, string>> = {
  categoryOption: 'categoryOptions',
  category: 'categories',
  categoryCombo: 'categoryCombos',
  categoryOptionCombo: 'categoryOptionCombos',
  organisationUnit: 'organisationUnits',
  organisationUnitGroup: 'organisationUnitGroups',
  dataElement: 'dataElements',
  dataElementGroup: 'dataElementGroups',
  dataSet: 'dataSets',
  indicatorType: 'indicatorTypes',
  indicator: 'indicators',
  constant: 'constants',
};

/** One problem that stops the import, named precisely enough for a person to fix it. */
export interface MetadataImportError {
  /** The object's type, or `metadata` for a problem with the file as a whole. */
  readonly objectType: MetadataObjectType | 'metadata';
  /** The object's id as the file wrote it (its position when it has none, e.g. `#3`). */
  readonly id: string;
  /** The field that is wrong, e.g. `parent`, `categoryCombo`, `numerator`. */
  readonly field: string;
  /** Stable snake_case code, e.g. `unknown_reference`, `invalid_expression`. */
  readonly code: string;
  readonly message: string;
}

/** Something the import did or noticed that a person may want to check; it does not stop it. */
export interface MetadataImportWarning {
  readonly objectType: MetadataObjectType | 'metadata';
  readonly id: string;
  readonly field: string;
  /** Stable snake_case code, e.g. `path_mismatch`, `default_created`. */
  readonly code: string;
  readonly message: string;
}

/** What happened to the objects of one type. */
export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Objects of this type named by at least one error. */
  errors: number;
}

/** The outcome of one `importMetadata` call. */
export interface MetadataImportReport {
  /** `ERROR` when nothing was written because of errors; `WARNING` when written with warnings. */
  readonly status: 'OK' | 'WARNING' | 'ERROR';
  readonly dryRun: boolean;
  /** True when the changes were committed (no errors and not a dry run). */
  readonly committed: boolean;
  readonly counts: Readonly<Record<MetadataObjectType, TypeCounts>>;
  readonly errors: readonly MetadataImportError[];
  readonly warnings: readonly MetadataImportWarning[];
  /** Org units whose parent changed, and how many units got a new path or level in all. */
  readonly hierarchy: { readonly moved: readonly string[]; readonly repathed: number };
}

/** Collects errors, warnings and counts while an import runs. */
export class ReportBuilder {
  readonly counts: Record<MetadataObjectType, TypeCounts>;
  readonly errors: MetadataImportError[] = [];
  readonly warnings: MetadataImportWarning[] = [];
  moved: string[] = [];
  repathed = 0;
  private readonly failed = new Set<string>();

  constructor() {
    this.counts = Object.fromEntries(
      METADATA_OBJECT_TYPES.map((t) => [t, { created: 0, updated: 0, unchanged: 0, errors: 0 }]),
    ) as Record<MetadataObjectType, TypeCounts>;
  }

  /** Records an error; the object counts once in its type's `errors` however many it has. */
  error(error: MetadataImportError): void {
    this.errors.push(error);
    const key = `${error.objectType}/${error.id}`;
    if (error.objectType !== 'metadata' && !this.failed.has(key)) {
      this.failed.add(key);
      this.counts[error.objectType].errors += 1;
    }
  }

  warn(warning: MetadataImportWarning): void {
    this.warnings.push(warning);
  }

  /** Adds one object's outcome to its type's counts. */
  count(type: MetadataObjectType, outcome: 'created' | 'updated' | 'unchanged'): void {
    this.counts[type][outcome] += 1;
  }

  /** Sets every created/updated/unchanged count back to zero (nothing was written). */
  clearWrites(): void {
    for (const counts of Object.values(this.counts)) {
      counts.created = 0;
      counts.updated = 0;
      counts.unchanged = 0;
    }
    this.moved = [];
    this.repathed = 0;
  }

  build(dryRun: boolean): MetadataImportReport {
    const hasErrors = this.errors.length > 0;
    return {
      status: hasErrors ? 'ERROR' : this.warnings.length > 0 ? 'WARNING' : 'OK',
      dryRun,
      committed: !hasErrors && !dryRun,
      counts: this.counts,
      errors: this.errors,
      warnings: this.warnings,
      hierarchy: { moved: this.moved, repathed: this.repathed },
    };
  }
}
