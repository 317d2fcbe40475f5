/**
 * The DHIS2 sample metadata: every organisation unit, data element, category, option combo and
 * data set the vendored DHIS2 data value set samples and FHIR MeasureReports name (see
 * README.md in this folder), loaded through the real metadata importer.
 */
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { importMetadata, type MetadataImportReport } from '../../services/metadata-import/index.ts';

/** The path of the sample `/api/metadata` document. */
export const DHIS2_SAMPLE_METADATA_PATH = fileURLToPath(new URL('metadata.json', import.meta.url));

/**
 * Imports the sample metadata as the system (`userId` null, actor `dhis2-sample`).
 *
 * @returns the import report (status OK or WARNING)
 * @throws when the import reports any error, listing them
 * @example
 *   await loadDhis2SampleMetadata(db);
 *   // DiszpKrYNg8 (Ngelehun CHC), f7n9E0hX8qk (Measles), pBOMPrpg1QX … now exist
 */
export async function loadDhis2SampleMetadata(db: Kysely<Database>): Promise<MetadataImportReport> {
  const report = await importMetadata(db, DHIS2_SAMPLE_METADATA_PATH, {
    actor: { userId: null, actor: 'dhis2-sample' },
  });
  if (report.errors.length > 0) {
    const lines = report.errors.map((e) => `${e.objectType} ${e.id} ${e.field}: ${e.message}`);
    throw new Error(`The DHIS2 sample metadata did not import:\n${lines.join('\n')}`);
  }
  return report;
}
