/**
 * The two kinds of step of a pull: the metadata (one `/api/metadata` request, one
 * `importMetadata`) and a chunk of data values (one `/api/dataValueSets` request, one
 * `importDataValues`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { importDataValues } from '../data-value-import/index.ts';
import { importMetadata, METADATA_OBJECT_TYPES } from '../metadata-import/index.ts';
import { chunkParams, type ValueChunk } from './chunk-plan.ts';
import { Dhis2Error, readableUrl, type Dhis2Client } from './dhis2-client.ts';
import { jsonValueSetReader } from './json-value-set-reader.ts';
import { metadataParams } from './metadata-request.ts';
import { landedChunk, type ChunkReport, type MetadataStepReport } from './pull-report.ts';

/** Who writes, for the audit trail and `storedBy`. */
export interface PullActor {
  readonly userId: string | null;
  readonly actor: string;
  readonly requestId?: string;
}

const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;

/**
 * Pulls and imports the metadata (updated after `since`, or all).
 *
 * @returns the step report: status `failed` when the import reported errors (nothing written)
 * @throws Dhis2Error when the request fails
 */
export async function pullMetadata(
  db: Kysely<Database>,
  client: Dhis2Client,
  since: string | null,
  actor: PullActor,
): Promise<MetadataStepReport> {
  const started = performance.now();
  const document = await client.getJson('/api/metadata.json', metadataParams(since));
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new Dhis2Error('invalid_response', 'GET /api/metadata.json did not answer a JSON object');
  }
  const report = await importMetadata(db, document, { actor });
  const sum = (field: 'created' | 'updated' | 'unchanged') =>
    METADATA_OBJECT_TYPES.reduce((total, type) => total + report.counts[type][field], 0);
  return {
    status: report.errors.length > 0 ? 'failed' : 'done',
    created: sum('created'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    warnings: report.warnings.length,
    errors: report.errors.slice(0, 50),
    seconds: seconds(started),
  };
}

/**
 * Pulls one chunk of data values and imports the valid ones (`skipInvalid`: a value DHIS2 has but
 * Sankofa cannot take is a conflict in the report, not a failed chunk). Deleted values
 * (`deleted: true`) are soft-deleted by the import.
 *
 * @param until - DHIS2's time at the start of the run (sets a full pull's period range)
 * @throws Dhis2Error when the request fails; the import's own errors
 */
export async function pullChunk(
  db: Kysely<Database>,
  client: Dhis2Client,
  chunk: ValueChunk,
  since: string | null,
  until: string,
  actor: PullActor,
): Promise<ChunkReport> {
  const started = performance.now();
  const params = chunkParams(chunk, since, until);
  const document = await client.getJson('/api/dataValueSets.json', params);
  const url = client.url('/api/dataValueSets.json', params);
  const request = `GET ${readableUrl(url)}`;
  const reader = jsonValueSetReader(document, request);
  const values = reader.progress().totalBytes;
  const summary = await importDataValues(db, reader, {
    skipInvalid: true,
    importStrategy: 'CREATE_AND_UPDATE',
    actor,
    writableOrgUnitPaths: null,
  });
  if (summary.status === 'ERROR') {
    throw new Error(`the import refused the chunk: ${summary.description}`);
  }
  return landedChunk(chunk, values, summary, seconds(started));
}
