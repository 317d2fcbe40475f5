/**
 * The SQLite write path: each resolved value is looked up by its key and inserted, updated,
 * deleted or ignored with statements prepared once on the raw better-sqlite3 connection, inside
 * the import's transaction. On SQLite a point lookup and a single-row write cost a few
 * microseconds and run in-process, so going row by row is faster than staging a chunk in a
 * temporary table and merging it set-based (the staging insert alone cost more than the lookups
 * it replaced). PostgreSQL keeps the set-based staging path, where round trips dominate.
 */
import type { ImportStrategy } from '@sankofa/core';
import type SQLite from 'better-sqlite3';
import { importAction, type StoredState } from './import-action.ts';
import type { StagedValue } from './resolve-value.ts';
import type { ChunkCounts, Staging } from './staging.ts';

interface StoredRow {
  value: string | null;
  comment: string | null;
  follow_up: number;
  deleted: number;
}

const KEY = `data_element_id = ? AND period_id = ? AND org_unit_id = ?
  AND category_option_combo_id = ? AND attribute_option_combo_id = ?`;

function stateOf(stored: StoredRow | undefined, v: StagedValue): StoredState {
  if (stored === undefined) {
    return 'none';
  }
  if (stored.deleted === 1) {
    return 'gone';
  }
  const same =
    stored.value === v.value &&
    stored.comment === v.comment &&
    (v.followUp === null || stored.follow_up === v.followUp);
  return same ? 'same' : 'live';
}

/** A writer with the `Staging` interface, for `runImport`. */
export function createSqliteRowWriter(
  connection: SQLite.Database,
  strategy: ImportStrategy,
  now: string,
): Staging {
  const lookup = connection.prepare<unknown[], StoredRow>(
    `SELECT value, comment, follow_up, deleted FROM data_values WHERE ${KEY}`,
  );
  const columns = `INSERT INTO data_values (data_element_id, period_id, org_unit_id,
      category_option_combo_id, attribute_option_combo_id, value, numeric_value, stored_by,
      created_at, last_updated, comment, follow_up, deleted)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`;
  const insert = connection.prepare(columns);
  // Inserts unless the key is taken, in which case it changes nothing (0 changes).
  const insertNew = connection.prepare(`${columns} ON CONFLICT DO NOTHING`);
  // Whether to try the insert before looking the key up: when most values of the last chunk
  // were new (a first import), that saves one index search per value; when most were stored
  // already (a re-import), looking up first saves a failed insert.
  const creates = strategy === 'CREATE' || strategy === 'CREATE_AND_UPDATE';
  let insertFirst = creates;
  const update = connection.prepare(
    `UPDATE data_values SET value = ?, numeric_value = ?, stored_by = ?, last_updated = ?,
      comment = ?, follow_up = COALESCE(?, follow_up), deleted = 0 WHERE ${KEY}`,
  );
  const remove = connection.prepare(
    `UPDATE data_values SET deleted = 1, last_updated = ?, stored_by = ? WHERE ${KEY}`,
  );
  return {
    merge(values) {
      const counts: ChunkCounts = { imported: 0, updated: 0, deleted: 0, ignored: 0 };
      let inserted = 0;
      for (const v of values) {
        const key = [
          v.dataElementId,
          v.periodId,
          v.orgUnitId,
          v.categoryOptionComboId,
          v.attributeOptionComboId,
        ];
        const row = [
          ...key,
          v.value,
          v.numericValue,
          v.storedBy,
          now,
          now,
          v.comment,
          v.followUp ?? 0,
        ];
        if (insertFirst && !v.remove) {
          if (insertNew.run(...row).changes === 1) {
            counts.imported += 1;
            inserted += 1;
            continue;
          }
        }
        const action = importAction(strategy, stateOf(lookup.get(...key), v), v.remove);
        if (action === 'insert') {
          insert.run(...row);
          counts.imported += 1;
          inserted += 1;
        } else if (action === 'update' || action === 'undelete') {
          update.run(v.value, v.numericValue, v.storedBy, now, v.comment, v.followUp, ...key);
          if (action === 'update') {
            counts.updated += 1;
          } else {
            counts.imported += 1;
          }
        } else if (action === 'delete') {
          remove.run(now, v.storedBy, ...key);
          counts.deleted += 1;
        } else {
          counts.ignored += 1;
        }
      }
      insertFirst = creates && inserted * 2 > values.length;
      return Promise.resolve(counts);
    },
    drop: () => Promise.resolve(),
  };
}
