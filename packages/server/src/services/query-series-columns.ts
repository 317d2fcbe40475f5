/**
 * The batch reader's fast path (`querySeriesForOrgUnits`): when every value read lies in one of
 * the asked periods (monthly data for a monthly series) and every data element is summed (or
 * LAST, read as totals per org unit), each element's values are held as numeric columns (one
 * `Float64Array` of org units × periods per category/attribute option combo), summed up the
 * hierarchy in the same order as the general path, and the expression is evaluated from them.
 *
 * The numbers are those of the general path (`evaluateSeries` over `StoredItemRow`s) to the last
 * bit: every sum adds the same values in the same order, starting from the same 0, as
 * `aggregateValues` and the general path's roll-up do. Where the order of additions could differ
 * (several combos of an element merged for one item, which the general path adds in the order
 * it first met them), the fast path is taken only when the element's values are whole numbers
 * small enough for every sum to be exact, so the order cannot matter. Anything else (other
 * aggregation types, values in stored periods that are not asked periods, …) returns null and
 * the general path computes the series. Both paths are checked against each other on every
 * hand-computed case of `query-series.int.test.ts` and, bit for bit, on every demo indicator at
 * every org unit (`query-series-demo.int.test.ts`).
 */
import type { DataItemRef, Period, SeriesPoint } from '@sankofa/core';
import {
  evaluatePoints,
  isPlainSumType,
  type CompiledSubject,
  type ItemValueOf,
} from './query-series-evaluate.ts';

/** The values of one element as read (see `ValueTuple` in query-series-batch.ts). */
type Tuple =
  | readonly [string, string, number, number]
  | readonly [string, string, number, number, number, number]
  | readonly [string, string, string, string, number];

/** Where each org unit and asked period sits in the columns, shared by a batch's elements. */
export interface ColumnLayout {
  /** Org unit id → its row. */
  readonly unitIndex: ReadonlyMap<string, number>;
  /** Each row's parent row, or -1 (no parent, or the parent is not in the batch). */
  readonly parentIndex: Int32Array;
  /** Rows deepest level first, in the general path's roll-up order. */
  readonly deepestFirst: readonly number[];
  /** Stored period id → the asked period it is (same dates). */
  readonly periodIndex: ReadonlyMap<string, number>;
  /** Every stored period overlapping the range (a value in one that is not asked: general path). */
  readonly storedIds: ReadonlySet<string>;
  readonly periods: number;
}

/** One category × attribute option combo of an element: a value per row × period, and which are set. */
interface ItemColumns {
  readonly categoryOptionComboId: string;
  readonly attributeOptionComboId: string;
  readonly sums: Float64Array;
  readonly present: Uint8Array;
}

/** One data element's subtree values by combo (one combo `''`/`''` when summed in SQL). */
export interface ElementColumns {
  readonly mode: 'sum' | 'last';
  readonly items: readonly ItemColumns[];
  /** Every value a whole number small enough that any order of adding them is exact. */
  readonly integers: boolean;
}

/**
 * An element's values in one stored period as SQLite reads them (query-series-batch.ts), one
 * entry per value: its org unit and number — the sum of the unit's values with `counts` of them
 * (combos summed: `cocs` and `aocs` null; `mins` and `maxs` for the MIN and MAX types), or one
 * combo's stored value (`counts` null, the combo in `cocs` and `aocs`).
 */
export interface PeriodValues {
  readonly periodId: string;
  readonly units: readonly string[];
  readonly sums: ArrayLike<number>;
  readonly counts: ArrayLike<number> | null;
  readonly cocs: readonly string[] | null;
  readonly aocs: readonly string[] | null;
  readonly mins: ArrayLike<number> | null;
  readonly maxs: ArrayLike<number> | null;
}

/**
 * Builds an element's columns value by value, in the order read. `sum`: every unit's own
 * values, then (`finish`) each unit's totals added into its parent's, deepest first (as the
 * general path's `addInto`). `last`: for each unit, the values of every unit in its subtree in
 * the order read, from 0 (as `aggregateValues`' LAST over one value per unit).
 */
class ColumnsBuilder {
  private readonly items: ItemColumns[] = [];
  private readonly size: number;
  private readonly safe: number;
  private integers = true;
  /** Each combo's columns by category option combo, then attribute option combo (null: LAST cannot hold it). */
  private readonly itemsByCoc = new Map<string, Map<string, ItemColumns | null>>();

  constructor(
    private readonly mode: 'sum' | 'last',
    private readonly layout: ColumnLayout,
    valueCount: number,
  ) {
    this.size = layout.parentIndex.length * layout.periods;
    this.safe = Number.MAX_SAFE_INTEGER / (valueCount + 1);
  }

  /** Adds one value; false when the fast path does not apply to the element. */
  add(
    orgUnitId: string,
    coc: string,
    aoc: string,
    periodId: string,
    sum: number,
    count: number,
  ): boolean {
    const { layout } = this;
    const period = layout.periodIndex.get(periodId);
    if (period === undefined) {
      return !layout.storedIds.has(periodId);
    }
    const unit = layout.unitIndex.get(orgUnitId);
    if (unit === undefined) {
      return true;
    }
    return this.addAt(unit, period, coc, aoc, sum, count);
  }

  /** Adds one value of the org unit in row `unit`, asked period `period` (as {@link add}). */
  addAt(
    unit: number,
    period: number,
    coc: string,
    aoc: string,
    sum: number,
    count: number,
  ): boolean {
    const { layout, mode } = this;
    const P = layout.periods;
    if (!(count > 0)) {
      return false;
    }
    if (this.integers && !(Number.isInteger(sum) && Math.abs(sum) <= this.safe)) {
      this.integers = false;
    }
    const item = this.itemOf(coc, aoc);
    if (item === null) {
      return false;
    }
    const { sums, present } = item;
    if (mode === 'sum') {
      const at = unit * P + period;
      if (present[at] === 1) {
        sums[at] += sum;
      } else {
        sums[at] = sum;
        present[at] = 1;
      }
    } else {
      for (let u = unit; u >= 0; u = layout.parentIndex[u]) {
        const at = u * P + period;
        if (present[at] === 1) {
          sums[at] += sum;
        } else {
          sums[at] = 0 + sum;
          present[at] = 1;
        }
      }
    }
    return true;
  }

  /** The combo of the last value added, and its columns. */
  private lastCoc: string | undefined = undefined;
  private lastAoc: string | undefined = undefined;
  private lastItem: ItemColumns | null = null;

  /** The combo's columns, made on its first value; null for a combo LAST cannot hold. */
  private itemOf(coc: string, aoc: string): ItemColumns | null {
    // Values come combo after combo, or all of one combo (totals): the last one is kept at hand.
    if (coc === this.lastCoc && aoc === this.lastAoc) {
      return this.lastItem;
    }
    const item = this.findItem(coc, aoc);
    this.lastCoc = coc;
    this.lastAoc = aoc;
    this.lastItem = item;
    return item;
  }

  private findItem(coc: string, aoc: string): ItemColumns | null {
    // Found by the two ids without joining them into a key for each value.
    let byAoc = this.itemsByCoc.get(coc);
    if (byAoc === undefined) {
      byAoc = new Map();
      this.itemsByCoc.set(coc, byAoc);
    }
    let item = byAoc.get(aoc);
    if (item === undefined) {
      item = this.mode === 'last' && (coc !== '' || aoc !== '') ? null : this.newItem(coc, aoc);
      byAoc.set(aoc, item);
    }
    return item;
  }

  private newItem(coc: string, aoc: string): ItemColumns {
    const item: ItemColumns = {
      categoryOptionComboId: coc,
      attributeOptionComboId: aoc,
      sums: new Float64Array(this.size),
      present: new Uint8Array(this.size),
    };
    this.items.push(item);
    return item;
  }

  /** The columns, summed up the hierarchy for `sum`. */
  finish(): ElementColumns {
    const { layout, mode, items } = this;
    const P = layout.periods;
    if (mode === 'sum') {
      for (const unit of layout.deepestFirst) {
        const parent = layout.parentIndex[unit];
        if (parent < 0) {
          continue;
        }
        for (const { sums, present } of items) {
          const from = unit * P;
          const to = parent * P;
          for (let p = 0; p < P; p++) {
            if (present[from + p] === 1) {
              if (present[to + p] === 1) {
                sums[to + p] += sums[from + p];
              } else {
                sums[to + p] = sums[from + p];
                present[to + p] = 1;
              }
            }
          }
        }
      }
    }
    return { mode, items, integers: this.integers };
  }
}

/** The columns of one element from its tuples, or null when the fast path does not apply. */
export function buildElementColumns(
  tuples: readonly Tuple[],
  mode: 'sum' | 'last',
  layout: ColumnLayout,
): ElementColumns | null {
  const builder = new ColumnsBuilder(mode, layout, tuples.length);
  for (const tuple of tuples) {
    const added =
      tuple.length === 5
        ? builder.add(tuple[0], tuple[1], tuple[2], tuple[3], tuple[4], 1)
        : builder.add(tuple[0], '', '', tuple[1], tuple[2], tuple[3]);
    if (!added) {
      return null;
    }
  }
  return builder.finish();
}

/**
 * The columns of one element from its values by period (SQLite's read), or null when the fast
 * path does not apply: the same columns as {@link buildElementColumns} of the same values as
 * tuples, in the same order (by period, then org unit and combo), without making a tuple per
 * value.
 */
export function buildElementColumnsFromPeriods(
  periods: readonly PeriodValues[],
  mode: 'sum' | 'last',
  layout: ColumnLayout,
): ElementColumns | null {
  let valueCount = 0;
  for (const p of periods) {
    valueCount += p.units.length;
  }
  const builder = new ColumnsBuilder(mode, layout, valueCount);
  for (const { periodId, units, sums, counts, cocs, aocs } of periods) {
    if (units.length === 0) {
      continue;
    }
    const period = layout.periodIndex.get(periodId);
    if (period === undefined) {
      if (layout.storedIds.has(periodId)) {
        return null;
      }
      continue;
    }
    const rows = rowsOf(units, layout);
    for (let i = 0; i < units.length; i++) {
      const row = rows[i];
      if (
        row >= 0 &&
        !builder.addAt(
          row,
          period,
          cocs === null ? '' : cocs[i],
          aocs === null ? '' : aocs[i],
          sums[i],
          counts === null ? 1 : counts[i],
        )
      ) {
        return null;
      }
    }
  }
  return builder.finish();
}

/**
 * The rows of a list of org unit ids (-1: not in the batch). The reader thread sends one array
 * for every read listing the same org units, so the rows of a list are found once per layout.
 */
const rowsByList = new WeakMap<ColumnLayout, WeakMap<readonly string[], Int32Array>>();

function rowsOf(units: readonly string[], layout: ColumnLayout): Int32Array {
  let byList = rowsByList.get(layout);
  if (byList === undefined) {
    byList = new WeakMap();
    rowsByList.set(layout, byList);
  }
  let rows = byList.get(units);
  if (rows === undefined) {
    rows = new Int32Array(units.length);
    for (let i = 0; i < units.length; i++) {
      rows[i] = layout.unitIndex.get(units[i]) ?? -1;
    }
    byList.set(units, rows);
  }
  return rows;
}

/** The columns of the items a reference names, or null when their sum could depend on the order. */
function resolve(
  ref: DataItemRef,
  columns: ElementColumns,
): { readonly mode: 'sum' | 'last'; readonly items: readonly ItemColumns[] } | null {
  const items = columns.items.filter(
    (i) =>
      (ref.categoryOptionComboId === null ||
        i.categoryOptionComboId === ref.categoryOptionComboId) &&
      (ref.attributeOptionComboId === null ||
        i.attributeOptionComboId === ref.attributeOptionComboId),
  );
  if (items.length > 1 && !columns.integers) {
    return null;
  }
  return { mode: columns.mode, items };
}

/** How the fast path holds an element of this aggregation type, or null when it cannot. */
export function columnsMode(aggregationType: string, totalsOnly: boolean): 'sum' | 'last' | null {
  if (isPlainSumType(aggregationType)) {
    return 'sum';
  }
  return aggregationType === 'LAST' && totalsOnly ? 'last' : null;
}

/** Each org unit's points, computed when asked for. */
export interface SeriesByUnit {
  /** The unit's points, or undefined when the unit is not among those read. */
  get(orgUnitId: string): SeriesPoint[] | undefined;
  /** The unit's point in the period at `index` alone, as `get` gives it there. */
  pointAt(orgUnitId: string, index: number): SeriesPoint | undefined;
}

/** A map of every unit's points as a {@link SeriesByUnit}. */
export function seriesByUnitOf(points: ReadonlyMap<string, SeriesPoint[]>): SeriesByUnit {
  return {
    get: (orgUnitId) => points.get(orgUnitId),
    pointAt: (orgUnitId, index) => points.get(orgUnitId)?.[index],
  };
}

/**
 * Every unit's points from the columns, each computed when asked for (a scan reads indicators
 * ahead of the one it analyses: their columns wait, not 46,000 points each), or null when a
 * reference's items could not be summed exactly as the general path does (the caller then takes
 * the general path).
 */
export function seriesFromColumns(
  compiled: CompiledSubject,
  periods: readonly Period[],
  columnsByElement: ReadonlyMap<string, ElementColumns>,
  unitIndex: ReadonlyMap<string, number>,
  constants: ReadonlyMap<string, number>,
  groupCounts: (orgUnitId: string) => ReadonlyMap<string, number>,
): SeriesByUnit | null {
  const resolved = new Map<DataItemRef, ResolvedItem>();
  for (const ref of compiled.dataItems) {
    const columns = columnsByElement.get(ref.dataElementId);
    const r = columns === undefined ? null : resolve(ref, columns);
    if (r === null) {
      return null;
    }
    resolved.set(ref, r);
  }
  return new ColumnsSeries(
    compiled,
    periods,
    columnsByElement,
    unitIndex,
    constants,
    groupCounts,
    resolved,
  );
}

type ResolvedItem = NonNullable<ReturnType<typeof resolve>>;

/**
 * The points of {@link seriesFromColumns}. A class rather than closures made for each indicator
 * and series: V8 compiled such closures again in every scan.
 */
class ColumnsSeries implements SeriesByUnit {
  /** Where the unit being evaluated starts in the columns, plus the first asked period's index. */
  #base = 0;
  readonly #valueOf: ItemValueOf;
  readonly #onePeriod: readonly (readonly Period[])[];

  constructor(
    private readonly compiled: CompiledSubject,
    private readonly periods: readonly Period[],
    private readonly columnsByElement: ReadonlyMap<string, ElementColumns>,
    private readonly unitIndex: ReadonlyMap<string, number>,
    private readonly constants: ReadonlyMap<string, number>,
    private readonly groupCounts: (orgUnitId: string) => ReadonlyMap<string, number>,
    private readonly resolved: Map<DataItemRef, ResolvedItem>,
  ) {
    this.#valueOf = this.valueAt.bind(this);
    this.#onePeriod = periods.map((period) => [period]);
  }

  get(orgUnitId: string): SeriesPoint[] | undefined {
    return this.evaluate(orgUnitId, this.periods, 0);
  }

  // A point depends on its own period's values alone (and its days, computed once per array).
  pointAt(orgUnitId: string, index: number): SeriesPoint | undefined {
    return this.evaluate(orgUnitId, this.#onePeriod[index], index)?.[0];
  }

  /** The unit's points in `asked` (all the periods, or one), the first at period `offset`. */
  private evaluate(
    orgUnitId: string,
    asked: readonly Period[],
    offset: number,
  ): SeriesPoint[] | undefined {
    const row = this.unitIndex.get(orgUnitId);
    if (row === undefined) {
      return undefined;
    }
    const groupCounts = this.groupCounts(orgUnitId);
    // Read by `valueAt` during the (synchronous) evaluation below, and by nothing else: set last,
    // right before it.
    this.#base = row * this.periods.length + offset;
    return evaluatePoints(this.compiled, asked, this.#valueOf, this.constants, groupCounts);
  }

  /** A data item's value at asked period `index` of the unit being evaluated. */
  private valueAt(ref: DataItemRef, index: number): number | null {
    let r = this.resolved.get(ref);
    if (r === undefined) {
      // A node not among `dataItems` (same item, another object): resolve it now.
      const columns = this.columnsByElement.get(ref.dataElementId);
      const found = columns === undefined ? null : resolve(ref, columns);
      if (found === null) {
        throw new Error(`fast path: unresolved data item ${ref.dataElementId}`);
      }
      this.resolved.set(ref, found);
      r = found;
    }
    const at = this.#base + index;
    if (r.mode === 'last') {
      const item = r.items[0];
      return item !== undefined && item.present[at] === 1 ? item.sums[at] : null;
    }
    let found = false;
    let total = 0;
    for (const item of r.items) {
      if (item.present[at] === 1) {
        total = found ? total + item.sums[at] : item.sums[at];
        found = true;
      }
    }
    return found ? 0 + total : null;
  }
}

/**
 * Every unit's points from the columns (see {@link seriesFromColumns}), all computed now, or null
 * when the columns cannot give them.
 */
export async function evaluateFromColumns(
  compiled: CompiledSubject,
  periods: readonly Period[],
  columnsByElement: ReadonlyMap<string, ElementColumns>,
  units: readonly { readonly id: string }[],
  unitIndex: ReadonlyMap<string, number>,
  constants: ReadonlyMap<string, number>,
  groupCounts: (orgUnitId: string) => ReadonlyMap<string, number>,
): Promise<Map<string, SeriesPoint[]> | null> {
  const series = seriesFromColumns(
    compiled,
    periods,
    columnsByElement,
    unitIndex,
    constants,
    groupCounts,
  );
  if (series === null) {
    return null;
  }
  const result = new Map<string, SeriesPoint[]>();
  for (const [n, unit] of units.entries()) {
    if (n > 0 && n % 200 === 0) {
      // A server answers other requests between batches of org units.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const points = series.get(unit.id);
    if (points !== undefined) {
      result.set(unit.id, points);
    }
  }
  return result;
}
