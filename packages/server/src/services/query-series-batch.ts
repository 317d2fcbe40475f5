/**
 * Many series at once: one subject (an indicator or a data element) for every given org unit,
 * over the same periods, from **one read** of its data elements' values. The values are summed
 * up the hierarchy in memory (each unit's totals added into its parent's, deepest level first)
 * instead of one subtree query per org unit, then each unit is evaluated with the same
 * `evaluateSeries` as `querySeries`, so both give the same numbers (tested on every case of
 * `query-series.int.test.ts` and on the demo). Where it applies (monthly values, summed or LAST
 * elements: the scan's case), the summing and evaluating run on numeric columns instead
 * (`query-series-columns.ts`), with the same numbers to the bit. The signal scan reads with this.
 */
import type { Period, SeriesPoint } from '@sankofa/core';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sqliteConnectionOf } from '../db/dialects/sqlite/raw-connection.ts';
import {
  ReadThreadEnded,
  type ColumnDecoding,
  type SqliteReadThread,
} from '../db/dialects/sqlite/read-thread.ts';
import type { Database } from '../db/schema.ts';
import { foldUnitTotals } from './fold-unit-totals.ts';
import { compileSubject, evaluateSeries, type SeriesSubject } from './query-series-evaluate.ts';
import {
  buildElementColumns,
  buildElementColumnsFromPeriods,
  columnsMode,
  evaluateFromColumns,
  seriesByUnitOf,
  seriesFromColumns,
  type SeriesByUnit,
  type ColumnLayout,
  type ElementColumns,
  type PeriodValues,
} from './query-series-columns.ts';
import { loadAggregationTypes, loadConstants } from './query-series-inputs.ts';
import { PER_ORG_UNIT_TYPES, type StoredItemRow } from './query-series-rows.ts';

/** An org unit of the batch; every ancestor of a unit must be in the batch too. */
export interface BatchOrgUnit {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: number;
}

export interface BatchSeriesQuery {
  readonly subject: SeriesSubject;
  /** The units to evaluate, with all their ancestors. */
  readonly orgUnits: readonly BatchOrgUnit[];
  /** The reported periods, in order, all of one type. */
  readonly periods: readonly Period[];
  /** Shared by the queries of one run (e.g. a scan): each data element is read once. */
  readonly cache?: ElementValuesCache;
  /**
   * How to compute: `columns` insists on the fast path (throws where it does not apply),
   * `general` never takes it; default the fast path where it applies. For tests: both give the
   * same numbers.
   */
  readonly path?: 'columns' | 'general';
  /**
   * On SQLite, where the fast path reads its values: on this reader thread (a second connection
   * working beside this thread) instead of on the database's connection. Every element the
   * subject needs is asked for at once, so the thread reads the next while this one builds
   * columns. The same rows either way.
   */
  readonly readThread?: SqliteReadThread;
}

interface Accumulator {
  dataElementId: string;
  categoryOptionComboId: string;
  attributeOptionComboId: string;
  startDate: string;
  endDate: string;
  sum: number;
  count: number;
  min: number;
  max: number;
}

/** Adds `row` into `totals` under its item and stored period. */
function addInto(totals: Map<string, Accumulator>, key: string, row: Accumulator): void {
  const acc = totals.get(key);
  if (acc === undefined) {
    totals.set(key, { ...row });
  } else {
    acc.sum += row.sum;
    acc.count += row.count;
    acc.min = Math.min(acc.min, row.min);
    acc.max = Math.max(acc.max, row.max);
  }
}

/**
 * The values of one data element read for a batch. Tuples, not objects (a batch carries a
 * million of them), and only the columns the element's aggregation type needs, as each column
 * of each row costs time to carry out of the database:
 *
 * - totals (an element referenced only as `#{de}`, combos summed in SQL): org unit, period,
 *   sum, count; with min and max too for the MIN and MAX types;
 * - items: org unit, category option combo, attribute option combo, period, value.
 */
export type ValueTuple =
  | [string, string, number, number]
  | [string, string, number, number, number, number]
  | [string, string, string, string, number];

/** What is read of an element: see {@link ValueTuple}. */
export type ValueShape = 'totals' | 'totalsMinMax' | 'items';

/**
 * What a batch run (e.g. a scan) has read of each data element, by element, shape and periods
 * (see `cache`): its values, and its columns once built for the fast path. The values are let go
 * once the columns are built (a scan would otherwise hold every value it read until its end, a
 * million tuples for the garbage collector to carry); the general path reads them again if it
 * ever needs them.
 */
export type ElementValuesCache = Map<string, ElementRead>;

interface ElementRead {
  values: Promise<ValueTuple[]> | null;
  /** Its values by period, asked of a reader thread and not yet in columns. */
  byPeriod: Promise<PeriodValues[]> | null;
  /**
   * The columns and the layout they were built for (null: the fast path does not apply), as a
   * promise: batches running at once (a scan reading ahead) share one build.
   */
  columns: {
    readonly layout: ColumnLayout;
    readonly columns: Promise<ElementColumns | null>;
  } | null;
}

const WHERE = `FROM data_values
  WHERE data_element_id = ? AND period_id IN (SELECT value FROM json_each(?))
    AND deleted = 0 AND numeric_value IS NOT NULL`;
/**
 * What SQLite returns for each shape: one row per period, with its org units and their numbers
 * as JSON arrays, in the key's order (by period, then org unit and combo). better-sqlite3 spends
 * ~2 µs making each result row, far more than SQLite spends on it, so a period's hundreds of
 * units cross as one row of a few strings (measured on the 1,200-facility country: 885,596
 * totals in 1.81 s instead of 2.63 s). SQLite writes each double in JSON with the digits that
 * read back to the same double, so the numbers are the same to the bit.
 *
 * - totals: sum and count of each unit's values, combos summed (and minimum and maximum);
 * - items: each stored value with its combos (grouping by combo as well would cost a sort).
 */
const SQLITE_BY_PERIOD: Record<ValueShape, string> = {
  totals: `SELECT period_id, json_group_array(org_unit_id), json_group_array(s), json_group_array(c)
  FROM (SELECT org_unit_id, period_id, sum(numeric_value) AS s, count(numeric_value) AS c
    ${WHERE} GROUP BY period_id, org_unit_id)
  GROUP BY period_id`,
  totalsMinMax: `SELECT period_id, json_group_array(org_unit_id), json_group_array(s),
    json_group_array(c), json_group_array(lo), json_group_array(hi)
  FROM (SELECT org_unit_id, period_id, sum(numeric_value) AS s, count(numeric_value) AS c,
      min(numeric_value) AS lo, max(numeric_value) AS hi
    ${WHERE} GROUP BY period_id, org_unit_id)
  GROUP BY period_id`,
  items: `SELECT period_id, json_group_array(org_unit_id),
    json_group_array(category_option_combo_id), json_group_array(attribute_option_combo_id),
    json_group_array(numeric_value)
  ${WHERE} GROUP BY period_id`,
};

/**
 * Lists of ids as read (org units, combos), parsed once: most periods of most elements list the
 * same ones, and parsing each again would allocate every id anew.
 */
const idLists = new Map<string, string[]>();
const ID_LISTS_MAX = 64;

function parseIdList(json: string): string[] {
  let ids = idLists.get(json);
  if (ids === undefined) {
    ids = JSON.parse(json) as string[];
    if (idLists.size >= ID_LISTS_MAX) {
      idLists.clear();
    }
    idLists.set(json, ids);
  }
  return ids;
}

/** One element's values on SQLite, one entry per period ({@link SQLITE_BY_PERIOD}). */
function readPeriodValuesSqlite(
  connection: SQLite.Database,
  dataElementId: string,
  shape: ValueShape,
  periodIds: readonly string[],
): PeriodValues[] {
  const rows = connection
    .prepare(SQLITE_BY_PERIOD[shape])
    .raw()
    .all(dataElementId, JSON.stringify(periodIds)) as string[][];
  return periodValuesOfRows(rows, shape);
}

/** Which columns of {@link SQLITE_BY_PERIOD}'s rows the reader thread decodes, and how. */
const THREAD_DECODING: Record<ValueShape, readonly (readonly [number, ColumnDecoding])[]> = {
  totals: [
    [1, 'ids'],
    [2, 'numbers'],
    [3, 'numbers'],
  ],
  totalsMinMax: [
    [1, 'ids'],
    [2, 'numbers'],
    [3, 'numbers'],
    [4, 'numbers'],
    [5, 'numbers'],
  ],
  items: [
    [1, 'ids'],
    [2, 'ids'],
    [3, 'ids'],
    [4, 'numbers'],
  ],
};

/**
 * `totals` read flat on the reader thread: each stored value with its org unit, in the primary
 * key's order (the query searches the primary key range: no sort), summed per org unit by
 * `foldUnitTotals` as SQLite's GROUP BY would (see fold-unit-totals.ts).
 */
const SQLITE_FLAT_TOTALS = `SELECT period_id, json_group_array(org_unit_id),
    json_group_array(numeric_value)
  ${WHERE} GROUP BY period_id`;

/** `totals` read flat on the thread and folded per org unit; null when not in key order. */
async function readFlatTotalsOnThread(
  thread: SqliteReadThread,
  dataElementId: string,
  periodIds: readonly string[],
): Promise<PeriodValues[] | null> {
  const rows = (await thread.allDecoded(
    SQLITE_FLAT_TOTALS,
    [dataElementId, JSON.stringify(periodIds)],
    [
      [1, 'ids'],
      [2, 'numbers'],
    ],
  )) as [string, string[], Float64Array][];
  return totalsOfRows(rows);
}

/**
 * Each period's unit totals from its flat values, or null when they cannot be folded. Apart
 * from the async read above: V8 compiled the loop again in every scan while it was inside it.
 */
function totalsOfRows(rows: readonly [string, string[], Float64Array][]): PeriodValues[] | null {
  const periods: PeriodValues[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [periodId, flat, values] = rows[i];
    const totals = foldUnitTotals(flat, values);
    if (totals === null) {
      return null;
    }
    // The properties in the order of the other reads' (one object shape for the columns' builder).
    periods.push({
      periodId,
      units: totals.units,
      cocs: null,
      aocs: null,
      sums: totals.sums,
      counts: totals.counts,
      mins: null,
      maxs: null,
    });
  }
  return periods;
}

/**
 * The same as {@link readPeriodValuesSqlite}, read on a reader thread, which also parses the
 * JSON arrays (numbers as Float64Arrays; lists of ids sent once).
 */
async function readPeriodValuesOnThread(
  thread: SqliteReadThread,
  dataElementId: string,
  shape: ValueShape,
  periodIds: readonly string[],
): Promise<PeriodValues[]> {
  if (shape === 'totals') {
    const flat = await readFlatTotalsOnThread(thread, dataElementId, periodIds);
    if (flat !== null) {
      return flat;
    }
  }
  const rows = (await thread.allDecoded(
    SQLITE_BY_PERIOD[shape],
    [dataElementId, JSON.stringify(periodIds)],
    THREAD_DECODING[shape],
  )) as [string, ...(string[] | Float64Array)[]][];
  return rows.map((row) =>
    shape === 'items'
      ? {
          periodId: row[0],
          units: row[1] as string[],
          cocs: row[2] as string[],
          aocs: row[3] as string[],
          sums: row[4] as Float64Array,
          counts: null,
          mins: null,
          maxs: null,
        }
      : {
          periodId: row[0],
          units: row[1] as string[],
          cocs: null,
          aocs: null,
          sums: row[2] as Float64Array,
          counts: row[3] as Float64Array,
          mins: shape === 'totalsMinMax' ? (row[4] as Float64Array) : null,
          maxs: shape === 'totalsMinMax' ? (row[5] as Float64Array) : null,
        },
  );
}

function periodValuesOfRows(rows: readonly string[][], shape: ValueShape): PeriodValues[] {
  const numbers = (json: string) => JSON.parse(json) as number[];
  return rows.map((row) =>
    shape === 'items'
      ? {
          periodId: row[0],
          units: parseIdList(row[1]),
          cocs: parseIdList(row[2]),
          aocs: parseIdList(row[3]),
          sums: numbers(row[4]),
          counts: null,
          mins: null,
          maxs: null,
        }
      : {
          periodId: row[0],
          units: parseIdList(row[1]),
          cocs: null,
          aocs: null,
          sums: numbers(row[2]),
          counts: numbers(row[3]),
          mins: shape === 'totalsMinMax' ? numbers(row[4]) : null,
          maxs: shape === 'totalsMinMax' ? numbers(row[5]) : null,
        },
  );
}

/** The values by period as the tuples of their shape (see {@link ValueTuple}), in the same order. */
function tuplesOf(periods: readonly PeriodValues[], shape: ValueShape): ValueTuple[] {
  const tuples: ValueTuple[] = [];
  for (const { periodId, units, sums, counts, cocs, aocs, mins, maxs } of periods) {
    for (let i = 0; i < units.length; i++) {
      if (shape === 'items') {
        tuples.push([units[i], cocs?.[i] ?? '', aocs?.[i] ?? '', periodId, sums[i]]);
      } else if (shape === 'totals') {
        tuples.push([units[i], periodId, sums[i], counts?.[i] ?? 1]);
      } else {
        tuples.push([
          units[i],
          periodId,
          sums[i],
          counts?.[i] ?? 1,
          mins?.[i] ?? NaN,
          maxs?.[i] ?? NaN,
        ]);
      }
    }
  }
  return tuples;
}

/**
 * The stored values of one data element in the stored periods, per org unit. An element
 * referenced only as a total (`#{de}`) comes summed over its combos: fewer rows to carry into
 * JavaScript, where each row costs far more than in SQL. On SQLite the statement runs on the
 * raw connection and returns a row per period ({@link SQLITE_BY_PERIOD}), skipping the query
 * builder's per-row work.
 */
async function readElement(
  db: Kysely<Database>,
  dataElementId: string,
  shape: ValueShape,
  periodIds: readonly string[],
): Promise<ValueTuple[]> {
  if (periodIds.length === 0) {
    return [];
  }
  const connection = sqliteConnectionOf(db);
  if (connection !== undefined) {
    return tuplesOf(readPeriodValuesSqlite(connection, dataElementId, shape, periodIds), shape);
  }
  const base = db
    .selectFrom('dataValues as dv')
    .where('dv.dataElementId', '=', dataElementId)
    .where('dv.periodId', 'in', periodIds)
    .where('dv.deleted', '=', 0)
    .where('dv.numericValue', 'is not', null);
  if (shape !== 'items') {
    const rows = await base
      .select((eb) => [
        'dv.orgUnitId',
        'dv.periodId',
        eb.fn.sum<number>('dv.numericValue').as('sum'),
        eb.fn.count<number>('dv.numericValue').as('count'),
        eb.fn.min<number>('dv.numericValue').as('min'),
        eb.fn.max<number>('dv.numericValue').as('max'),
      ])
      .groupBy(['dv.periodId', 'dv.orgUnitId'])
      .execute();
    return rows.map((r): ValueTuple =>
      shape === 'totals'
        ? [r.orgUnitId, r.periodId, Number(r.sum), Number(r.count)]
        : [r.orgUnitId, r.periodId, Number(r.sum), Number(r.count), Number(r.min), Number(r.max)],
    );
  }
  const rows = await base
    .select([
      'dv.orgUnitId',
      'dv.categoryOptionComboId',
      'dv.attributeOptionComboId',
      'dv.periodId',
      'dv.numericValue',
    ])
    .execute();
  return rows.map((r) => [
    r.orgUnitId,
    r.categoryOptionComboId,
    r.attributeOptionComboId,
    r.periodId,
    Number(r.numericValue),
  ]);
}

/**
 * A tuple as the general path reads it: org unit, combo ids (`''` for totals), period, sum,
 * count, min, max (NaN when not read: only the MIN and MAX types use them).
 */
function unpack(t: ValueTuple): [string, string, string, string, number, number, number, number] {
  if (t.length === 5) {
    return [t[0], t[1], t[2], t[3], t[4], 1, t[4], t[4]];
  }
  return t.length === 6
    ? [t[0], '', '', t[1], t[2], t[3], t[4], t[5]]
    : [t[0], '', '', t[1], t[2], t[3], NaN, NaN];
}

/** Counts each group's members in every unit's subtree (itself included). */
async function groupCountsByUnit(
  db: Kysely<Database>,
  groupIds: readonly string[],
  parentOf: ReadonlyMap<string, string | null>,
): Promise<(orgUnitId: string) => Map<string, number>> {
  if (groupIds.length === 0) {
    return () => new Map();
  }
  const known = (
    await db.selectFrom('orgUnitGroups').select('id').where('id', 'in', groupIds).execute()
  ).map((g) => g.id);
  const members = await db
    .selectFrom('orgUnitGroupMembers')
    .select(['orgUnitGroupId', 'orgUnitId'])
    .where('orgUnitGroupId', 'in', groupIds)
    .execute();
  const counts = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  for (const m of members) {
    const pair = `${m.orgUnitGroupId}|${m.orgUnitId}`;
    if (seen.has(pair)) {
      continue;
    }
    seen.add(pair);
    for (
      let unit: string | null | undefined = m.orgUnitId;
      unit != null;
      unit = parentOf.get(unit)
    ) {
      const byGroup = counts.get(unit) ?? new Map<string, number>();
      byGroup.set(m.orgUnitGroupId, (byGroup.get(m.orgUnitGroupId) ?? 0) + 1);
      counts.set(unit, byGroup);
    }
  }
  return (orgUnitId) => {
    const byGroup = counts.get(orgUnitId);
    return new Map(known.map((g) => [g, byGroup?.get(g) ?? 0]));
  };
}

const layouts = new WeakMap<
  readonly BatchOrgUnit[],
  { periods: readonly Period[]; stored: string; layout: ColumnLayout | null }
>();

/**
 * Where each unit and period sits in the fast path's columns (computed once per batch of units
 * and periods), or null when the asked periods are not in order (general path).
 */
function columnLayout(
  orgUnits: readonly BatchOrgUnit[],
  periods: readonly Period[],
  stored: readonly { id: string; startDate: string; endDate: string }[],
): ColumnLayout | null {
  const storedKey = stored.map((p) => `${p.id}:${p.startDate}:${p.endDate}`).join(',');
  const cached = layouts.get(orgUnits);
  if (cached !== undefined && cached.periods === periods && cached.stored === storedKey) {
    return cached.layout;
  }
  const ordered = periods.every((p, i) => i === 0 || p.startDate > periods[i - 1].endDate);
  let layout: ColumnLayout | null = null;
  if (ordered) {
    const unitIndex = new Map(orgUnits.map((u, i) => [u.id, i]));
    const parentIndex = Int32Array.from(orgUnits, (u) =>
      u.parentId === null ? -1 : (unitIndex.get(u.parentId) ?? -1),
    );
    const askedIndex = new Map(periods.map((p, i) => [p.id, i]));
    const periodIndex = new Map<string, number>();
    for (const p of stored) {
      const at = askedIndex.get(p.id);
      if (
        at !== undefined &&
        periods[at].startDate === p.startDate &&
        periods[at].endDate === p.endDate
      ) {
        periodIndex.set(p.id, at);
      }
    }
    layout = {
      unitIndex,
      parentIndex,
      // The general path's roll-up order: a stable sort, deepest level first.
      deepestFirst: orgUnits
        .map((u, i) => ({ level: u.level, i }))
        .sort((a, b) => b.level - a.level)
        .map((u) => u.i),
      periodIndex,
      storedIds: new Set(stored.map((p) => p.id)),
      periods: periods.length,
    };
  }
  layouts.set(orgUnits, { periods, stored: storedKey, layout });
  return layout;
}

/**
 * Computes the subject's series for every unit of `orgUnits`: a map from org unit id to its
 * points (periods without data have `value: null`).
 */
export async function querySeriesForOrgUnits(
  db: Kysely<Database>,
  query: BatchSeriesQuery,
): Promise<Map<string, SeriesPoint[]>> {
  return (await readSeries(db, query, false)) as Map<string, SeriesPoint[]>;
}

/**
 * As {@link querySeriesForOrgUnits}, but on the fast path each unit's points are computed when
 * asked for: the values are read (and held as numeric columns) now, the points later. The signal
 * scan reads indicators ahead of the one it analyses; their points made ahead were 46,000
 * objects an indicator that the garbage collector copied until they were used.
 */
export async function readSeriesForOrgUnits(
  db: Kysely<Database>,
  query: BatchSeriesQuery,
): Promise<SeriesByUnit> {
  const series = await readSeries(db, query, true);
  return series instanceof Map ? seriesByUnitOf(series) : series;
}

async function readSeries(
  db: Kysely<Database>,
  query: BatchSeriesQuery,
  onDemand: boolean,
): Promise<SeriesByUnit | Map<string, SeriesPoint[]>> {
  const { periods, orgUnits } = query;
  const result = new Map<string, SeriesPoint[]>();
  if (periods.length === 0 || orgUnits.length === 0) {
    return result;
  }
  const compiled = compileSubject(query.subject);
  const { dataElementIds } = compiled;
  const aggregationTypes = await loadAggregationTypes(db, dataElementIds);
  const perUnitTypes = new Set(
    dataElementIds.filter((id) => PER_ORG_UNIT_TYPES.includes(aggregationTypes.get(id) ?? 'SUM')),
  );
  const stored = await db
    .selectFrom('periods')
    .select(['id', 'startDate', 'endDate'])
    .where('startDate', '<=', periods[periods.length - 1].endDate)
    .where('endDate', '>=', periods[0].startDate)
    .execute();
  const periodById = new Map(stored.map((p) => [p.id, p]));
  const storedIds = stored.map((p) => p.id);
  const entries = new Map<string, ElementRead>();
  const entry = (dataElementId: string): { shape: ValueShape; read: ElementRead } => {
    const type = aggregationTypes.get(dataElementId) ?? 'SUM';
    const shape: ValueShape = !compiled.totalsOnlyIds.includes(dataElementId)
      ? 'items'
      : type === 'MIN' || type === 'MAX'
        ? 'totalsMinMax'
        : 'totals';
    const key = `${dataElementId}|${shape}|${storedIds.join(',')}`;
    const cache = query.cache ?? entries;
    let read = cache.get(key);
    if (read === undefined) {
      read = { values: null, byPeriod: null, columns: null };
      cache.set(key, read);
    }
    return { shape, read };
  };
  const read = (dataElementId: string): Promise<ValueTuple[]> => {
    const { shape, read: element } = entry(dataElementId);
    element.values ??= readElement(db, dataElementId, shape, storedIds);
    return element.values;
  };
  const connection = sqliteConnectionOf(db);
  const thread = connection === undefined ? undefined : query.readThread;
  /** Asks the reader thread for the element's values by period, unless asked or in columns. */
  const askThread = (dataElementId: string, layout: ColumnLayout): void => {
    const { shape, read: element } = entry(dataElementId);
    if (thread !== undefined && element.columns?.layout !== layout && element.values === null) {
      element.byPeriod ??= readPeriodValuesOnThread(thread, dataElementId, shape, storedIds);
      // Awaited in columnsOf; a failure is reported there, not as an unhandled rejection.
      element.byPeriod.catch(() => undefined);
    }
  };
  /** The element's columns for the fast path, built once per run (indicators share elements). */
  const columnsOf = async (
    dataElementId: string,
    mode: 'sum' | 'last',
    layout: ColumnLayout,
  ): Promise<ElementColumns | null> => {
    const { shape, read: element } = entry(dataElementId);
    if (element.columns?.layout !== layout) {
      element.columns = {
        layout,
        columns: buildColumns(element, dataElementId, shape, mode, layout),
      };
    }
    return element.columns.columns;
  };
  /** Builds an element's columns from its values, read on the thread, the connection or as tuples. */
  const buildColumns = async (
    element: ElementRead,
    dataElementId: string,
    shape: ValueShape,
    mode: 'sum' | 'last',
    layout: ColumnLayout,
  ): Promise<ElementColumns | null> => {
    // On SQLite the values go from their rows per period straight into columns.
    let columns: ElementColumns | null;
    if (element.byPeriod !== null) {
      const byPeriod = element.byPeriod;
      element.byPeriod = null;
      let values: PeriodValues[];
      try {
        values = await byPeriod;
      } catch (error) {
        if (connection === undefined || !(error instanceof ReadThreadEnded)) {
          throw error;
        }
        // The thread is gone (it failed to start, or crashed): the connection reads instead.
        values = readPeriodValuesSqlite(connection, dataElementId, shape, storedIds);
      }
      columns = buildElementColumnsFromPeriods(values, mode, layout);
    } else if (connection !== undefined && element.values === null) {
      columns = buildElementColumnsFromPeriods(
        readPeriodValuesSqlite(connection, dataElementId, shape, storedIds),
        mode,
        layout,
      );
    } else {
      columns = buildElementColumns(await read(dataElementId), mode, layout);
    }
    if (columns !== null) {
      element.values = null;
    }
    return columns;
  };

  const parentOf = new Map(orgUnits.map((u) => [u.id, u.parentId]));
  const constants = await loadConstants(db, compiled.constantIds);
  const groupCounts = await groupCountsByUnit(db, compiled.orgUnitGroupIds, parentOf);

  // The fast path: numeric columns per element (see query-series-columns.ts); null when it
  // does not apply, and the general path below computes the series.
  const layout = query.path === 'general' ? null : columnLayout(orgUnits, periods, stored);
  if (layout !== null) {
    for (const id of dataElementIds) {
      if (
        columnsMode(aggregationTypes.get(id) ?? 'SUM', compiled.totalsOnlyIds.includes(id)) !== null
      ) {
        askThread(id, layout);
      }
    }
    const columnsByElement = new Map<string, ElementColumns>();
    for (const id of dataElementIds) {
      const mode = columnsMode(
        aggregationTypes.get(id) ?? 'SUM',
        compiled.totalsOnlyIds.includes(id),
      );
      const columns = mode === null ? null : await columnsOf(id, mode, layout);
      if (columns === null) {
        break;
      }
      columnsByElement.set(id, columns);
    }
    if (columnsByElement.size === dataElementIds.length && onDemand) {
      const fast = seriesFromColumns(
        compiled,
        periods,
        columnsByElement,
        layout.unitIndex,
        constants,
        groupCounts,
      );
      if (fast !== null) {
        return fast;
      }
    } else if (columnsByElement.size === dataElementIds.length) {
      const fast = await evaluateFromColumns(
        compiled,
        periods,
        columnsByElement,
        orgUnits,
        layout.unitIndex,
        constants,
        groupCounts,
      );
      if (fast !== null) {
        return fast;
      }
    }
  }
  if (query.path === 'columns') {
    throw new Error('querySeriesForOrgUnits: the columns path does not apply to this subject');
  }

  // Subtree totals per unit (summed types) and each unit's own rows (LAST types, kept per unit).
  const totals = new Map<string, Map<string, Accumulator>>();
  const perUnitRows = new Map<string, StoredItemRow[]>();
  const totalsOf = (id: string) => {
    let t = totals.get(id);
    if (t === undefined) {
      t = new Map();
      totals.set(id, t);
    }
    return t;
  };
  for (const dataElementId of dataElementIds) {
    const perUnit = perUnitTypes.has(dataElementId);
    for (const tuple of await read(dataElementId)) {
      const [orgUnitId, coc, aoc, periodId, sum, count, min, max] = unpack(tuple);
      const period = periodById.get(periodId);
      if (period === undefined || !parentOf.has(orgUnitId)) {
        continue;
      }
      const row: Accumulator = {
        dataElementId,
        categoryOptionComboId: coc,
        attributeOptionComboId: aoc,
        startDate: period.startDate,
        endDate: period.endDate,
        sum,
        count,
        min,
        max,
      };
      if (perUnit) {
        // Each ancestor sees this unit's row as it is: LAST takes each unit's latest value.
        const own: StoredItemRow = { ...row, orgUnitId };
        for (
          let unit: string | null | undefined = orgUnitId;
          unit != null;
          unit = parentOf.get(unit)
        ) {
          const list = perUnitRows.get(unit) ?? [];
          list.push(own);
          perUnitRows.set(unit, list);
        }
      } else {
        addInto(totalsOf(orgUnitId), `${dataElementId}|${coc}|${aoc}|${periodId}`, row);
      }
    }
  }
  // Deepest level first, each unit's totals into its parent's.
  const deepestFirst = [...orgUnits].sort((a, b) => b.level - a.level);
  for (const unit of deepestFirst) {
    const own = totals.get(unit.id);
    if (own === undefined || unit.parentId === null || !parentOf.has(unit.parentId)) {
      continue;
    }
    const parent = totalsOf(unit.parentId);
    for (const [key, acc] of own) {
      addInto(parent, key, acc);
    }
  }

  for (const [index, unit] of orgUnits.entries()) {
    if (index > 0 && index % 200 === 0) {
      // A server answers other requests between batches of org units.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const rows: StoredItemRow[] = [
      ...(totals.get(unit.id)?.values() ?? []),
      ...(perUnitRows.get(unit.id) ?? []),
    ];
    result.set(
      unit.id,
      evaluateSeries(compiled, periods, {
        rows,
        aggregationTypes,
        constants,
        orgUnitGroupCounts: groupCounts(unit.id),
      }),
    );
  }
  return result;
}
