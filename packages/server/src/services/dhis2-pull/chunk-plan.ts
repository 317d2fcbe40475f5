/**
 * How a pull splits the data values: one chunk per data set × root org unit, each one request
 * `GET /api/dataValueSets.json?dataSet=…&orgUnit=<root>&children=true…`. A chunk lands or fails
 * on its own, and the run records the chunks that landed.
 */
import { Dhis2Error, type Dhis2Client, type QueryParams } from './dhis2-client.ts';

/** One request of data values. */
export interface ValueChunk {
  readonly key: string;
  readonly dataSet: string;
  /** The data set's name as DHIS2 gave it (null when only its id is known). */
  readonly dataSetName: string | null;
  readonly orgUnit: string;
}

/** The key recorded in `chunks_done` for the metadata step. */
export const METADATA_CHUNK = 'metadata';

/** `dataValues:<dataSet>:<orgUnit>`. */
export function chunkKey(dataSet: string, orgUnit: string): string {
  return `dataValues:${dataSet}:${orgUnit}`;
}

/** The items of a DHIS2 collection answer (`{ "<collection>": [{ "id": …, "name": … }] }`). */
function itemsOf(
  answer: unknown,
  collection: string,
  request: string,
): { id: string; name: string | null }[] {
  const list =
    typeof answer === 'object' && answer !== null
      ? (answer as Record<string, unknown>)[collection]
      : undefined;
  if (!Array.isArray(list)) {
    throw new Dhis2Error('invalid_response', `${request} answered without a "${collection}" list`);
  }
  return list.flatMap((item: unknown) => {
    const { id, name } = (typeof item === 'object' && item !== null ? item : {}) as {
      id?: unknown;
      name?: unknown;
    };
    return typeof id === 'string' ? [{ id, name: typeof name === 'string' ? name : null }] : [];
  });
}

/**
 * The chunks of a pull: every data set DHIS2 has (or those asked for) under each root (the
 * connection's, else DHIS2's level-1 org units), in a stable order.
 */
export async function planChunks(
  client: Dhis2Client,
  rootOrgUnitId: string | null,
  onlyDataSets?: readonly string[],
): Promise<ValueChunk[]> {
  const dataSets =
    onlyDataSets !== undefined && onlyDataSets.length > 0
      ? onlyDataSets.map((id) => ({ id, name: null }))
      : itemsOf(
          await client.getJson('/api/dataSets.json', { fields: 'id,name', paging: 'false' }),
          'dataSets',
          'GET /api/dataSets.json',
        );
  const roots =
    rootOrgUnitId !== null
      ? [rootOrgUnitId]
      : itemsOf(
          await client.getJson('/api/organisationUnits.json', {
            filter: 'level:eq:1',
            fields: 'id,name',
            paging: 'false',
          }),
          'organisationUnits',
          'GET /api/organisationUnits.json',
        ).map((unit) => unit.id);
  const chunks: ValueChunk[] = [];
  for (const dataSet of dataSets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const orgUnit of roots.sort()) {
      chunks.push({
        key: chunkKey(dataSet.id, orgUnit),
        dataSet: dataSet.id,
        dataSetName: dataSet.name,
        orgUnit,
      });
    }
  }
  return chunks;
}

/** Periods a full pull asks for: every period from 1900 to ten years after DHIS2's date. */
export function fullPullRange(serverDate: string): { startDate: string; endDate: string } {
  const year = Number(serverDate.slice(0, 4));
  return {
    startDate: '1900-01-01',
    endDate: `${(Number.isFinite(year) ? year : 2100) + 10}-12-31`,
  };
}

/**
 * The query of one chunk: `lastUpdated=<since>` in an incremental pull, every period in a full
 * one. Both ask for deleted values (`includeDeleted=true`, they come back with `deleted: true`)
 * so that a full pull into a database that already has values also removes those DHIS2 deleted.
 */
export function chunkParams(
  chunk: ValueChunk,
  since: string | null,
  serverDate: string,
): QueryParams {
  const base = { dataSet: chunk.dataSet, orgUnit: chunk.orgUnit, children: 'true' };
  const when = since === null ? fullPullRange(serverDate) : { lastUpdated: since };
  return { ...base, ...when, includeDeleted: 'true' };
}
