/**
 * Streams the values an export selects by keyset pagination over the data value key (data
 * element, period, org unit, category option combo, attribute option combo): one bounded query
 * per chunk, so memory stays flat whatever the export's size, on SQLite and PostgreSQL alike.
 * The key order keeps the values of one data element, period and org unit together (the FHIR
 * writer relies on it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ExportedDataValue } from '../../interop/writers/index.ts';
import { identify } from './identify.ts';
import type { ResolvedExport } from './resolve-export-filter.ts';

/** Values fetched per query. */
export const EXPORT_CHUNK_SIZE = 1000;

/** Where a chunk ends within one data element: period, org unit, option combos. */
type Key = readonly [string, string, string, string];

function chunkQuery(
  db: Kysely<Database>,
  r: ResolvedExport,
  dataElementId: string,
  after: Key | undefined,
  size: number,
) {
  const named = r.idScheme !== 'uid';
  return db
    .selectFrom('dataValues as dv')
    .select([
      'dv.dataElementId',
      'dv.periodId',
      'dv.orgUnitId',
      'dv.categoryOptionComboId',
      'dv.attributeOptionComboId',
      'dv.value',
      'dv.storedBy',
      'dv.createdAt',
      'dv.lastUpdated',
      'dv.comment',
      'dv.followUp',
      'dv.deleted',
    ])
    .$if(named, (q) =>
      q
        .innerJoin('dataElements as de', 'de.id', 'dv.dataElementId')
        .innerJoin('orgUnits as ou', 'ou.id', 'dv.orgUnitId')
        .innerJoin('categoryOptionCombos as coc', 'coc.id', 'dv.categoryOptionComboId')
        .innerJoin('attributeOptionCombos as aoc', 'aoc.id', 'dv.attributeOptionComboId')
        .select([
          'de.code as deCode',
          'de.name as deName',
          'ou.code as ouCode',
          'ou.name as ouName',
          'coc.code as cocCode',
          'coc.name as cocName',
          'aoc.code as aocCode',
          'aoc.name as aocName',
        ]),
    )
    .where('dv.dataElementId', '=', dataElementId)
    .$if(r.periodIds !== undefined, (q) => q.where('dv.periodId', 'in', [...r.periodIds!]))
    .$if(r.dates !== undefined, (q) =>
      q.where('dv.periodId', 'in', (eb) =>
        eb
          .selectFrom('periods')
          .select('id')
          .where('startDate', '>=', r.dates!.start)
          .where('endDate', '<=', r.dates!.end),
      ),
    )
    .where((eb) => {
      const places = [];
      if (r.orgUnitIds.length > 0) {
        places.push(
          r.children
            ? eb('dv.orgUnitId', 'in', (s) =>
                s
                  .selectFrom('orgUnitClosure')
                  .select('descendantId')
                  .where('ancestorId', 'in', [...r.orgUnitIds]),
              )
            : eb('dv.orgUnitId', 'in', [...r.orgUnitIds]),
        );
      }
      if (r.orgUnitGroupIds.length > 0) {
        places.push(
          eb('dv.orgUnitId', 'in', (s) =>
            r.children
              ? s
                  .selectFrom('orgUnitClosure as c')
                  .innerJoin('orgUnitGroupMembers as m', 'm.orgUnitId', 'c.ancestorId')
                  .select('c.descendantId')
                  .where('m.orgUnitGroupId', 'in', [...r.orgUnitGroupIds])
              : s
                  .selectFrom('orgUnitGroupMembers')
                  .select('orgUnitId as descendantId')
                  .where('orgUnitGroupId', 'in', [...r.orgUnitGroupIds]),
          ),
        );
      }
      return eb.or(places);
    })
    .$if(r.scopeIds !== null, (q) =>
      q.where('dv.orgUnitId', 'in', (s) =>
        s
          .selectFrom('orgUnitClosure')
          .select('descendantId')
          .where('ancestorId', 'in', [...r.scopeIds!]),
      ),
    )
    .$if(r.attributeOptionComboIds !== undefined, (q) =>
      q.where('dv.attributeOptionComboId', 'in', [...r.attributeOptionComboIds!]),
    )
    .$if(r.updatedSince !== undefined, (q) => q.where('dv.lastUpdated', '>=', r.updatedSince!))
    .$if(!r.includeDeleted, (q) => q.where('dv.deleted', '=', 0))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb(
          eb.refTuple(
            'dv.periodId',
            'dv.orgUnitId',
            'dv.categoryOptionComboId',
            'dv.attributeOptionComboId',
          ),
          '>',
          eb.tuple(...after!),
        ),
      ),
    )
    .orderBy('dv.periodId')
    .orderBy('dv.orgUnitId')
    .orderBy('dv.categoryOptionComboId')
    .orderBy('dv.attributeOptionComboId')
    .limit(size);
}

type Row = Awaited<ReturnType<ReturnType<typeof chunkQuery>['execute']>>[number];

function present(r: ResolvedExport, row: Row): ExportedDataValue {
  const s = r.idScheme;
  return {
    dataElement: identify(s, { id: row.dataElementId, code: row.deCode, name: row.deName }),
    period: row.periodId,
    orgUnit: identify(s, { id: row.orgUnitId, code: row.ouCode, name: row.ouName }),
    categoryOptionCombo: identify(s, {
      id: row.categoryOptionComboId,
      code: row.cocCode,
      name: row.cocName,
    }),
    attributeOptionCombo: identify(s, {
      id: row.attributeOptionComboId,
      code: row.aocCode,
      name: row.aocName,
    }),
    value: row.value,
    storedBy: row.storedBy,
    created: row.createdAt,
    lastUpdated: row.lastUpdated,
    comment: row.comment,
    followUp: Number(row.followUp) === 1,
    deleted: Number(row.deleted) === 1,
  };
}

/**
 * @param r - The resolved export.
 * @param chunkSize - Values per query.
 * @returns The values, data element by data element (sorted ids), each in key order;
 *   identifiers in the export's id scheme.
 */
export async function* streamDataValues(
  db: Kysely<Database>,
  r: ResolvedExport,
  chunkSize = EXPORT_CHUNK_SIZE,
): AsyncGenerator<ExportedDataValue> {
  let left = r.limit ?? Number.POSITIVE_INFINITY;
  // One data element at a time: equality on the key's first column lets both databases walk
  // the primary key from the cursor (an IN list there makes SQLite rescan each chunk).
  for (const dataElementId of [...r.dataElementIds].sort()) {
    let after: Key | undefined;
    while (left > 0) {
      const size = Math.min(chunkSize, left);
      const rows = await chunkQuery(db, r, dataElementId, after, size).execute();
      for (const row of rows) {
        yield present(r, row);
      }
      left -= rows.length;
      if (rows.length < size) {
        break;
      }
      const last = rows[rows.length - 1];
      after = [
        last.periodId,
        last.orgUnitId,
        last.categoryOptionComboId,
        last.attributeOptionComboId,
      ];
    }
  }
}
