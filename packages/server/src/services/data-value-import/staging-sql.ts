/** The SQL of the set-based staging path (PostgreSQL; SQLite writes row by row). */
import type { ImportStrategy } from '@sankofa/core';

const TABLE = 'import_stage';

/** Staging columns, in the order `StagedValue`s are bound. */
export const STAGE_COLUMNS = [
  'row_no',
  'de',
  'pe',
  'ou',
  'coc',
  'aoc',
  'value',
  'num',
  'comment',
  'follow_up',
  'stored_by',
  'remove',
] as const;

/** PostgreSQL array types of the staging columns, in `STAGE_COLUMNS` order. */
const STAGE_ARRAY_TYPES = [
  'integer',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'double precision',
  'text',
  'integer',
  'text',
  'integer',
] as const;

/** Every statement of one import's staging. */
export interface StagingStatements {
  readonly create: readonly string[];
  readonly drop: string;
  /**
   * Stages a whole chunk in one statement from one array parameter per column (`unnest`),
   * instead of many multi-row INSERTs whose thousands of parameters are parsed one by one.
   */
  readonly insert: string;
  /**
   * Gathers statistics on the staged chunk. Temporary tables are never auto-analysed, and
   * without statistics the planner's guesses made every chunk's merge slower.
   */
  readonly analyze: string;
  /**
   * Looks each staged value up in data_values (none, gone = soft-deleted, same or live) and
   * decides from that, `remove` and the strategy.
   */
  readonly decide: string;
  readonly count: string;
  /** Parameters: created_at, last_updated. */
  readonly insertValues: string;
  /** Parameter: last_updated. */
  readonly updateValues: string;
  /** Parameter: last_updated. */
  readonly deleteValues: string;
  readonly clear: string;
}

/**
 * DHIS2's decision per staged value from `state` (an SQL expression: none, gone, same or live),
 * the strategy and `remove`: CREATE never touches a live value, UPDATE never creates, DELETE
 * only deletes live values; an unchanged value is ignored (DHIS2 counts it as ignored).
 */
function actionCase(strategy: ImportStrategy, state: string): string {
  const onLive =
    strategy === 'DELETE'
      ? `'delete'`
      : strategy === 'CREATE'
        ? `'ignore'`
        : `CASE WHEN remove = 1 THEN 'delete' ELSE 'update' END`;
  const onSame =
    strategy === 'DELETE'
      ? `'delete'`
      : strategy === 'CREATE'
        ? `'ignore'`
        : `CASE WHEN remove = 1 THEN 'delete' ELSE 'ignore' END`;
  const create = (gone: boolean) =>
    strategy === 'UPDATE' || strategy === 'DELETE'
      ? `'ignore'`
      : `CASE WHEN remove = 1 THEN 'ignore' ELSE '${gone ? 'undelete' : 'insert'}' END`;
  return `CASE ${state} WHEN 'live' THEN ${onLive} WHEN 'same' THEN ${onSame}
    WHEN 'gone' THEN ${create(true)} ELSE ${create(false)} END`;
}

const KEY = `data_values.data_element_id = s.de AND data_values.period_id = s.pe
  AND data_values.org_unit_id = s.ou AND data_values.category_option_combo_id = s.coc
  AND data_values.attribute_option_combo_id = s.aoc`;

/** The statements for one strategy. */
export function stagingStatements(strategy: ImportStrategy): StagingStatements {
  return {
    create: [
      `CREATE TEMP TABLE ${TABLE} (
        row_no integer NOT NULL,
        de text NOT NULL, pe text NOT NULL, ou text NOT NULL, coc text NOT NULL, aoc text NOT NULL,
        value text, num double precision, comment text, follow_up integer,
        stored_by text NOT NULL, remove integer NOT NULL, action text
      ) ON COMMIT DROP`,
    ],
    drop: `DROP TABLE IF EXISTS ${TABLE}`,
    insert: `INSERT INTO ${TABLE} (${STAGE_COLUMNS.join(',')})
      SELECT * FROM unnest(${STAGE_ARRAY_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
    analyze: `ANALYZE ${TABLE}`,
    decide: `UPDATE ${TABLE} SET action = ${actionCase(
      strategy,
      `COALESCE((
        SELECT CASE
          WHEN dv.deleted = 1 THEN 'gone'
          WHEN dv.value IS NOT DISTINCT FROM ${TABLE}.value
            AND dv.comment IS NOT DISTINCT FROM ${TABLE}.comment
            AND dv.follow_up = COALESCE(${TABLE}.follow_up, dv.follow_up) THEN 'same'
          ELSE 'live' END
        FROM data_values dv
        WHERE dv.data_element_id = ${TABLE}.de AND dv.period_id = ${TABLE}.pe
          AND dv.org_unit_id = ${TABLE}.ou AND dv.category_option_combo_id = ${TABLE}.coc
          AND dv.attribute_option_combo_id = ${TABLE}.aoc), 'none')`,
    )}`,
    count: `SELECT action, COUNT(*) AS n FROM ${TABLE} GROUP BY action`,
    insertValues: `INSERT INTO data_values (data_element_id, period_id, org_unit_id,
        category_option_combo_id, attribute_option_combo_id, value, numeric_value, stored_by,
        created_at, last_updated, comment, follow_up, deleted)
      SELECT de, pe, ou, coc, aoc, value, num, stored_by, $1, $2, comment,
        COALESCE(follow_up, 0), 0
      FROM ${TABLE} WHERE action = 'insert'`,
    updateValues: `UPDATE data_values SET value = s.value, numeric_value = s.num,
        stored_by = s.stored_by, last_updated = $1, comment = s.comment,
        follow_up = COALESCE(s.follow_up, data_values.follow_up), deleted = 0
      FROM ${TABLE} s WHERE ${KEY} AND s.action IN ('update', 'undelete')`,
    deleteValues: `UPDATE data_values SET deleted = 1, last_updated = $1, stored_by = s.stored_by
      FROM ${TABLE} s WHERE ${KEY} AND s.action = 'delete'`,
    clear: `DELETE FROM ${TABLE}`,
  };
}
