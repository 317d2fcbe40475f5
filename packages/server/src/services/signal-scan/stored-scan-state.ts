/**
 * What earlier scans stored, loaded at the start of a scan: each series' fingerprint and each
 * stored signal (what `reconcileSignals` compares findings with), by series. On SQLite the rows
 * are read as arrays on the raw connection: through the query builder each of the ~35,000 rows
 * of a 1,200-facility country became an object with its keys renamed (~0.3 s).
 */
import type { SignalKind, SignalStatus, StoredSignal } from '@sankofa/core';
import type { Kysely } from 'kysely';
import { sqliteConnectionOf } from '../../db/dialects/sqlite/raw-connection.ts';
import type { Database } from '../../db/schema.ts';

/** A stored signal as the scan reconciles it. */
export interface StoredRow extends StoredSignal {
  readonly stillPresent: boolean;
}

/** The key of an indicator × org unit series in the scan's maps. */
export const seriesKey = (indicatorId: string, orgUnitId: string): string =>
  `${indicatorId}|${orgUnitId}`;

/** Each scanned series' stored fingerprint, by {@link seriesKey}. */
export async function loadFingerprints(db: Kysely<Database>): Promise<Map<string, string>> {
  const connection = sqliteConnectionOf(db);
  const rows: (readonly [string, string, string])[] =
    connection !== undefined
      ? (connection
          .prepare('SELECT indicator_id, org_unit_id, fingerprint FROM signal_series_state')
          .raw()
          .all() as [string, string, string][])
      : (
          await db
            .selectFrom('signalSeriesState')
            .select(['indicatorId', 'orgUnitId', 'fingerprint'])
            .execute()
        ).map((s) => [s.indicatorId, s.orgUnitId, s.fingerprint] as const);
  const fingerprints = new Map<string, string>();
  for (const [indicatorId, orgUnitId, fingerprint] of rows) {
    fingerprints.set(seriesKey(indicatorId, orgUnitId), fingerprint);
  }
  return fingerprints;
}

type SignalColumns = readonly [
  id: string,
  indicatorId: string,
  orgUnitId: string,
  kind: string,
  rule: string,
  direction: string | null,
  periodIds: string,
  status: string,
  stillPresent: number,
];

/** Every stored signal by {@link seriesKey}, each series' in the order of their ids. */
export async function loadStoredSignals(db: Kysely<Database>): Promise<Map<string, StoredRow[]>> {
  const connection = sqliteConnectionOf(db);
  const rows: readonly SignalColumns[] =
    connection !== undefined
      ? (connection
          .prepare(
            `SELECT id, indicator_id, org_unit_id, kind, rule, direction, period_ids, status,
               still_present
             FROM signals ORDER BY id`,
          )
          .raw()
          .all() as SignalColumns[])
      : (
          await db
            .selectFrom('signals')
            .select([
              'id',
              'indicatorId',
              'orgUnitId',
              'kind',
              'rule',
              'direction',
              'periodIds',
              'status',
              'stillPresent',
            ])
            .orderBy('id')
            .execute()
        ).map((s): SignalColumns => [
          s.id,
          s.indicatorId,
          s.orgUnitId,
          s.kind,
          s.rule,
          s.direction,
          s.periodIds,
          s.status,
          s.stillPresent,
        ]);
  const bySeries = new Map<string, StoredRow[]>();
  for (const [
    id,
    indicatorId,
    orgUnitId,
    kind,
    rule,
    direction,
    periodIds,
    status,
    still,
  ] of rows) {
    const k = seriesKey(indicatorId, orgUnitId);
    let list = bySeries.get(k);
    if (list === undefined) {
      list = [];
      bySeries.set(k, list);
    }
    list.push({
      id,
      kind: kind as SignalKind,
      rule: rule as StoredSignal['rule'],
      direction: direction as StoredSignal['direction'],
      periodIds: JSON.parse(periodIds) as string[],
      status: status as SignalStatus,
      stillPresent: Number(still) === 1,
    });
  }
  return bySeries;
}
