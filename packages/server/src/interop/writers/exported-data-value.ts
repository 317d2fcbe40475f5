/**
 * A stored data value as the exporters hand it to the writers: identifiers already in the id
 * scheme the caller asked for, timestamps as stored (ISO-8601 UTC).
 */

/** One data value on its way out. */
export interface ExportedDataValue {
  readonly dataElement: string;
  /** The DHIS2 period id, e.g. `202401`. */
  readonly period: string;
  readonly orgUnit: string;
  readonly categoryOptionCombo: string;
  readonly attributeOptionCombo: string;
  readonly value: string | null;
  readonly storedBy: string | null;
  readonly created: string;
  readonly lastUpdated: string;
  readonly comment: string | null;
  readonly followUp: boolean;
  /** Soft-deleted; only exported when the caller asked for deleted values. */
  readonly deleted: boolean;
}

/** The formats `sankofa export` and `GET /api/data-value-sets` write. */
export const EXPORT_FORMATS = ['dhis2-json', 'dhis2-csv', 'fhir'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The media type of each format. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  'dhis2-json': 'application/json',
  'dhis2-csv': 'application/csv',
  fhir: 'application/fhir+json',
};
