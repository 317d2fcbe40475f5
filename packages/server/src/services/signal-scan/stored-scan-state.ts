/**
 * What earlier scans stored for an indicator, read as the scan reaches it (with its values, on
 * the reader thread when there is one): each series' fingerprint and each stored signal (what
 * `reconcileSignals` compares findings with), by org unit. Rows are read as arrays: through the
 * query builder each of the ~35,000 rows of a 1,200-facility country became an object with its
 * keys renamed (~0.3 s); loaded all at once before the first analysis, they held the scan's
 * thread ~65 ms.
 */
import type { SignalKind, SignalStatus, StoredSignal } from '@sankofa/core';
import type { Kysely } from 'kysely';
import { sqliteConnectionOf } from '../../db/dialects/sqlite/raw-connection.ts';
import { ReadThreadEnded, type SqliteReadThread } from '../../db/dialects/sqlite/read-thread.ts';
import type { Database } from '../../db/schema.ts';

/** A stored signal as the scan reconciles it. */
export interface StoredRow extends StoredSignal {
  readonly stillPresent: boolean;
}

/** The key of an indicator × org unit series in the scan's maps. */
export const seriesKey = (indicatorId: string, orgUnitId: string): string =>
  `${indicatorId}|${orgUnitId}`;

/** What earlier scans stored for one indicator, by org unit id. */
export interface IndicatorScanState {
  /** Each series' stored fingerprint. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Each series' stored signals, in the order of their ids. */
  readonly signals: ReadonlyMap<string, StoredRow[]>;
}

type IndicatorSignalColumns = readonly [
  id: string,
  orgUnitId: string,
  kind: string,
  rule: string,
  direction: string | null,
  periodIds: string,
  status: string,
  stillPresent: number,
];

const INDICATOR_FINGERPRINTS =
  'SELECT org_unit_id, fingerprint FROM signal_series_state WHERE indicator_id = ?';
const INDICATOR_SIGNALS = `SELECT id, org_unit_id, kind, rule, direction, period_ids, status,
    still_present
  FROM signals WHERE indicator_id = ? ORDER BY id`;

/**
 * The rows of `sql` with `params` on SQLite: on the reader thread when there is one (the scan
 * reads an indicator's state there with its values, ahead of its analysis), else on the
 * connection; null on another database.
 */
async function sqliteRows<Row>(
  db: Kysely<Database>,
  sql: string,
  params: readonly unknown[],
  thread: SqliteReadThread | null,
): Promise<Row[] | null> {
  const connection = sqliteConnectionOf(db);
  if (connection === undefined) {
    return null;
  }
  if (thread !== null) {
    try {
      return (await thread.all(sql, params)) as Row[];
    } catch (error) {
      if (!(error instanceof ReadThreadEnded)) {
        throw error;
      }
      // The thread is gone (it failed to start, or crashed): the connection reads instead.
    }
  }
  return connection
    .prepare(sql)
    .raw()
    .all(...params) as Row[];
}

/**
 * What earlier scans stored for `indicatorId`: its series' fingerprints and signals.
 * @param thread - A reader thread to read them on (SQLite), or null.
 */
export async function loadIndicatorState(
  db: Kysely<Database>,
  indicatorId: string,
  thread: SqliteReadThread | null,
): Promise<IndicatorScanState> {
  const [fingerprintRows, signalRows] = await Promise.all([
    sqliteRows<readonly [string, string]>(db, INDICATOR_FINGERPRINTS, [indicatorId], thread).then(
      async (rows) =>
        rows ??
        (
          await db
            .selectFrom('signalSeriesState')
            .select(['orgUnitId', 'fingerprint'])
            .where('indicatorId', '=', indicatorId)
            .execute()
        ).map((r) => [r.orgUnitId, r.fingerprint] as const),
    ),
    sqliteRows<IndicatorSignalColumns>(db, INDICATOR_SIGNALS, [indicatorId], thread).then(
      async (rows) =>
        rows ??
        (
          await db
            .selectFrom('signals')
            .select([
              'id',
              'orgUnitId',
              'kind',
              'rule',
              'direction',
              'periodIds',
              'status',
              'stillPresent',
            ])
            .where('indicatorId', '=', indicatorId)
            .orderBy('id')
            .execute()
        ).map((r): IndicatorSignalColumns => [
          r.id,
          r.orgUnitId,
          r.kind,
          r.rule,
          r.direction,
          r.periodIds,
          r.status,
          r.stillPresent,
        ]),
    ),
  ]);
  return { fingerprints: fingerprintsOf(fingerprintRows), signals: signalsOf(signalRows) };
}

// The rows are turned into maps in functions of their own, a row at a time: a function called
// a few times per scan with a loop of thousands of rows inside is compiled by V8 again in every
// scan (~20–50 ms of the other core each time, measured), a small one called per row once.

function fingerprintsOf(rows: readonly (readonly [string, string])[]): Map<string, string> {
  const fingerprints = new Map<string, string>();
  for (let i = 0; i < rows.length; i++) {
    fingerprints.set(rows[i][0], rows[i][1]);
  }
  return fingerprints;
}

function signalsOf(rows: readonly IndicatorSignalColumns[]): Map<string, StoredRow[]> {
  const signals = new Map<string, StoredRow[]>();
  for (let i = 0; i < rows.length; i++) {
    addSignal(signals, rows[i]);
  }
  return signals;
}

function addSignal(signals: Map<string, StoredRow[]>, row: IndicatorSignalColumns): void {
  const [id, orgUnitId, kind, rule, direction, periodIds, status, still] = row;
  let list = signals.get(orgUnitId);
  if (list === undefined) {
    list = [];
    signals.set(orgUnitId, list);
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
