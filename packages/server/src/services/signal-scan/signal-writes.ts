/**
 * An indicator's writes in a scan: each series' reconciliation turned into rows (new signals,
 * extended ones, presence changes, fingerprints) and the statements that store them — on SQLite
 * as statements with parameter rows (run on the writer thread, or on the connection), elsewhere
 * through the query builder. See README.md, "Storing".
 */
import { reconcileSignals, type SignalFinding } from '@sankofa/core';
import type SQLite from 'better-sqlite3';
import type { Insertable, Transaction } from 'kysely';
import type { WriteOp } from '../../db/dialects/sqlite/write-thread.ts';
import type { Database, SignalSeriesStateTable, SignalTable } from '../../db/schema.ts';
import { generateUid } from '../../ids.ts';
import type { StoredRow } from './stored-scan-state.ts';

/** One series' findings and what is stored with them. */
export interface SeriesWork {
  readonly indicatorId: string;
  readonly orgUnitId: string;
  readonly fingerprint: string;
  readonly findings: readonly SignalFinding[];
  readonly population: number | null;
}

/** Signals created, updated and left unchanged so far in a scan (see `ScanResult`). */
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Adds one series' reconciliation and its new fingerprint to the indicator's pending writes. */
export function queueSeries(
  work: SeriesWork,
  stored: readonly StoredRow[],
  now: string,
  counts: Counts,
  pending: PendingRows,
): void {
  const { created, extended, unchanged, absent } = reconcileSignals(stored, work.findings);
  for (const f of created) {
    pending.signals.push({
      id: generateUid(),
      indicatorId: work.indicatorId,
      orgUnitId: work.orgUnitId,
      kind: f.kind,
      rule: f.rule,
      ruleSetId: f.ruleSet.id,
      ruleSetVersion: f.ruleSet.version,
      direction: f.direction,
      firstPeriod: f.firstPeriod,
      lastPeriod: f.lastPeriod,
      periodIds: JSON.stringify(f.periodIds),
      explanationCode: f.explanation.code,
      explanationValues: JSON.stringify(f.explanation.values),
      summary: f.summary,
      status: 'new',
      statusReason: null,
      statusChangedAt: null,
      statusChangedBy: null,
      stillPresent: 1,
      population: work.population,
      createdAt: now,
      updatedAt: now,
    });
    counts.created++;
  }
  for (const e of extended) {
    const { finding: f } = e;
    pending.extended.push({
      id: e.stored.id,
      firstPeriod: e.periodIds[0],
      lastPeriod: e.periodIds[e.periodIds.length - 1],
      periodIds: JSON.stringify(e.periodIds),
      ruleSetId: f.ruleSet.id,
      ruleSetVersion: f.ruleSet.version,
      explanationCode: f.explanation.code,
      explanationValues: JSON.stringify(f.explanation.values),
      summary: f.summary,
      population: work.population,
    });
    counts.updated++;
  }
  for (const u of unchanged) {
    if (u.stored.stillPresent) {
      counts.unchanged++;
      continue;
    }
    pending.presence.push({ id: u.stored.id, stillPresent: 1 });
    counts.updated++;
  }
  for (const a of absent) {
    if (!a.stillPresent) {
      counts.unchanged++;
      continue;
    }
    pending.presence.push({ id: a.id, stillPresent: 0 });
    counts.updated++;
  }
  pending.states.push({
    indicatorId: work.indicatorId,
    orgUnitId: work.orgUnitId,
    fingerprint: work.fingerprint,
    scannedAt: now,
  });
}

/** A stored signal found again and extended: its new periods, explanation and summary. */
interface ExtendedRow {
  readonly id: string;
  readonly firstPeriod: string;
  readonly lastPeriod: string;
  readonly periodIds: string;
  readonly ruleSetId: string;
  readonly ruleSetVersion: string;
  readonly explanationCode: string;
  readonly explanationValues: string;
  readonly summary: string;
  readonly population: number | null;
}

/** An indicator's writes, made at the end of its transaction. */
export interface PendingRows {
  readonly signals: Insertable<SignalTable>[];
  readonly extended: ExtendedRow[];
  /** Signals gone (0) or back (1). */
  readonly presence: { readonly id: string; readonly stillPresent: 0 | 1 }[];
  readonly states: Insertable<SignalSeriesStateTable>[];
}

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

const SIGNAL_COLUMNS = [
  'id',
  'indicator_id',
  'org_unit_id',
  'kind',
  'rule',
  'rule_set_id',
  'rule_set_version',
  'direction',
  'first_period',
  'last_period',
  'period_ids',
  'explanation_code',
  'explanation_values',
  'summary',
  'status',
  'status_reason',
  'status_changed_at',
  'status_changed_by',
  'still_present',
  'population',
  'created_at',
  'updated_at',
] as const;

const INSERT_SIGNAL = `INSERT INTO signals (${SIGNAL_COLUMNS.join(', ')})
  VALUES (${SIGNAL_COLUMNS.map(() => '?').join(', ')})`;
const EXTEND_SIGNAL = `UPDATE signals SET first_period = ?, last_period = ?, period_ids = ?,
    rule_set_id = ?, rule_set_version = ?, explanation_code = ?, explanation_values = ?,
    summary = ?, still_present = 1, population = ?, updated_at = ?
  WHERE id = ?`;
const SET_PRESENCE = 'UPDATE signals SET still_present = ?, updated_at = ? WHERE id = ?';
const STORE_STATE = `INSERT INTO signal_series_state (indicator_id, org_unit_id, fingerprint, scanned_at)
  VALUES (?, ?, ?, ?)
  ON CONFLICT (indicator_id, org_unit_id)
  DO UPDATE SET fingerprint = excluded.fingerprint, scanned_at = excluded.scanned_at`;

/** An indicator's pending rows as SQLite statements with their parameter rows, in order. */
export function sqliteWrites(pending: PendingRows, now: string): WriteOp[] {
  return [
    {
      sql: INSERT_SIGNAL,
      rows: pending.signals.map((row) => [
        row.id,
        row.indicatorId,
        row.orgUnitId,
        row.kind,
        row.rule,
        row.ruleSetId,
        row.ruleSetVersion,
        row.direction ?? null,
        row.firstPeriod,
        row.lastPeriod,
        row.periodIds,
        row.explanationCode,
        row.explanationValues,
        row.summary,
        row.status,
        row.statusReason ?? null,
        row.statusChangedAt ?? null,
        row.statusChangedBy ?? null,
        row.stillPresent ?? 1,
        row.population ?? null,
        row.createdAt,
        row.updatedAt,
      ]),
    },
    {
      sql: EXTEND_SIGNAL,
      rows: pending.extended.map((e) => [
        e.firstPeriod,
        e.lastPeriod,
        e.periodIds,
        e.ruleSetId,
        e.ruleSetVersion,
        e.explanationCode,
        e.explanationValues,
        e.summary,
        e.population,
        now,
        e.id,
      ]),
    },
    { sql: SET_PRESENCE, rows: pending.presence.map((p) => [p.stillPresent, now, p.id]) },
    {
      sql: STORE_STATE,
      rows: pending.states.map((s) => [s.indicatorId, s.orgUnitId, s.fingerprint, s.scannedAt]),
    },
  ].filter((op) => op.rows.length > 0);
}

/** Statements on a SQLite connection, by their text, prepared once per connection. */
const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function preparedOn(connection: SQLite.Database, sql: string): SQLite.Statement {
  let statements = prepared.get(connection);
  if (statements === undefined) {
    statements = new Map();
    prepared.set(connection, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = connection.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * Writes an indicator's pending rows in its transaction. On SQLite through statements prepared
 * once on the connection the transaction runs on (so part of it): compiling a query per row or
 * chunk costs more than the write itself. Elsewhere through the query builder.
 */
export async function flushPending(
  trx: Transaction<Database>,
  pending: PendingRows,
  now: string,
  connection: SQLite.Database | undefined,
): Promise<void> {
  if (connection !== undefined) {
    for (const { sql, rows } of sqliteWrites(pending, now)) {
      const statement = preparedOn(connection, sql);
      for (const row of rows) {
        statement.run(...row);
      }
    }
    return;
  }
  for (const { id, ...set } of pending.extended) {
    await trx
      .updateTable('signals')
      .set({ ...set, stillPresent: 1, updatedAt: now })
      .where('id', '=', id)
      .execute();
  }
  for (const p of pending.presence) {
    await trx
      .updateTable('signals')
      .set({ stillPresent: p.stillPresent, updatedAt: now })
      .where('id', '=', p.id)
      .execute();
  }
  for (let i = 0; i < pending.signals.length; i += CHUNK) {
    await trx
      .insertInto('signals')
      .values(pending.signals.slice(i, i + CHUNK))
      .execute();
  }
  for (let i = 0; i < pending.states.length; i += CHUNK) {
    const chunk = pending.states.slice(i, i + CHUNK);
    await trx
      .insertInto('signalSeriesState')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['indicatorId', 'orgUnitId']).doUpdateSet((eb) => ({
          fingerprint: eb.ref('excluded.fingerprint'),
          scannedAt: eb.ref('excluded.scannedAt'),
        })),
      )
      .execute();
  }
}
