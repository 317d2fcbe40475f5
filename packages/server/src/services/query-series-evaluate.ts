/**
 * The pure half of a series query: given the stored rows of an org unit's subtree (as
 * `loadStoredRows` sums them, or as the batch reader of `query-series-batch.ts` adds them up in
 * memory), the constants and the org-unit group counts, the value of each asked period. Both the
 * one-series query (`querySeries`) and the batch reader of the signal scan evaluate with this, so
 * a chart and a scan can never disagree.
 */
import {
  aggregateValues,
  collectReferences,
  computeIndicatorValue,
  evaluateExpression,
  parseExpression,
  periodDays,
  type DataItemRef,
  type ExpressionInputs,
  type ExpressionNode,
  type Period,
  type PeriodAggregate,
  type SeriesPoint,
} from '@sankofa/core';
import type { StoredItemRow } from './query-series-rows.ts';

export type SeriesSubject =
  | {
      readonly kind: 'indicator';
      readonly numerator: string;
      readonly denominator: string;
      readonly factor: number;
      readonly annualized: boolean;
    }
  | {
      readonly kind: 'dataElement';
      readonly dataElementId: string;
      readonly categoryOptionComboId?: string;
    };

/** A subject's parsed expressions and what they reference. */
export interface CompiledSubject {
  readonly subject: SeriesSubject;
  readonly numerator: ExpressionNode;
  readonly denominator: ExpressionNode | null;
  /** Every data item the expressions name (a node per mention). */
  readonly dataItems: readonly DataItemRef[];
  readonly dataElementIds: readonly string[];
  /** Data elements referenced only as totals (`#{de}`): their combos may be summed before. */
  readonly totalsOnlyIds: readonly string[];
  readonly constantIds: readonly string[];
  readonly orgUnitGroupIds: readonly string[];
}

/** Parses the subject's expressions once (a batch evaluates them for many org units). */
export function compileSubject(subject: SeriesSubject): CompiledSubject {
  const [numerator, denominator]: [ExpressionNode, ExpressionNode | null] =
    subject.kind === 'indicator'
      ? [
          parseExpression(subject.numerator, 'numerator'),
          parseExpression(subject.denominator, 'denominator'),
        ]
      : [
          {
            kind: 'dataItem',
            dataElementId: subject.dataElementId,
            categoryOptionComboId: subject.categoryOptionComboId ?? null,
            attributeOptionComboId: null,
          },
          null,
        ];
  const refs = collectReferences(
    ...(denominator === null ? [numerator] : [numerator, denominator]),
  );
  return {
    subject,
    numerator,
    denominator,
    dataItems: refs.dataItems,
    dataElementIds: [...new Set(refs.dataItems.map((i) => i.dataElementId))],
    totalsOnlyIds: [...new Set(refs.dataItems.map((i) => i.dataElementId))].filter((id) =>
      refs.dataItems.every(
        (i) =>
          i.dataElementId !== id ||
          (i.categoryOptionComboId === null && i.attributeOptionComboId === null),
      ),
    ),
    constantIds: refs.constantIds,
    orgUnitGroupIds: refs.orgUnitGroupIds,
  };
}

const matches = (ref: DataItemRef, row: StoredItemRow): boolean =>
  row.dataElementId === ref.dataElementId &&
  (ref.categoryOptionComboId === null || row.categoryOptionComboId === ref.categoryOptionComboId) &&
  (ref.attributeOptionComboId === null ||
    row.attributeOptionComboId === ref.attributeOptionComboId);

/** Merges the combos of one stored period (and org unit) into one aggregate. */
function mergeCombos(rows: readonly StoredItemRow[]): PeriodAggregate[] {
  const merged = new Map<string, PeriodAggregate & { orgUnitId?: string }>();
  for (const r of rows) {
    const key = `${r.orgUnitId ?? ''}|${r.startDate}|${r.endDate}`;
    const acc = merged.get(key);
    merged.set(
      key,
      acc === undefined
        ? {
            startDate: r.startDate,
            endDate: r.endDate,
            orgUnitId: r.orgUnitId,
            sum: r.sum,
            count: r.count,
            min: r.min,
            max: r.max,
          }
        : {
            ...acc,
            sum: acc.sum + r.sum,
            count: acc.count + r.count,
            min: Math.min(acc.min, r.min),
            max: Math.max(acc.max, r.max),
          },
    );
  }
  return [...merged.values()];
}

/** The index of the asked period `row` lies within (binary search on ordered periods), or -1. */
function periodContaining(periods: readonly Period[], row: PeriodAggregate): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid];
    if (row.startDate < p.startDate) {
      hi = mid - 1;
    } else if (row.startDate > p.endDate) {
      lo = mid + 1;
    } else {
      return row.endDate <= p.endDate ? mid : -1;
    }
  }
  return -1;
}

const daysCache = new WeakMap<readonly Period[], number[]>();

/** Days of each period, computed once per periods array (a batch evaluates the same array often). */
function periodDaysOf(periods: readonly Period[]): number[] {
  let days = daysCache.get(periods);
  if (days === undefined) {
    days = periods.map(periodDays);
    daysCache.set(periods, days);
  }
  return days;
}

/** Types `aggregateValues` treats as a plain sum (its default branch). */
const SPECIAL_TYPES: ReadonlySet<string> = new Set([
  'AVERAGE',
  'AVERAGE_SUM_ORG_UNIT',
  'LAST',
  'LAST_AVERAGE_ORG_UNIT',
  'MIN',
  'MAX',
  'COUNT',
  'NONE',
]);

/** True for the types `aggregateValues` sums in its default branch (SUM and unknown types). */
export function isPlainSumType(type: string): boolean {
  return !SPECIAL_TYPES.has(type);
}

const inside = (s: PeriodAggregate, p: Period): boolean =>
  s.startDate >= p.startDate && s.endDate <= p.endDate;

/**
 * `aggregateValues(type, rows, period)`, with the sum of the default types computed in place:
 * the same rows (count above 0, inside the period), added in the same order from 0, so the
 * same number to the last bit.
 */
function itemValue(type: string, rows: readonly PeriodAggregate[], period: Period): number | null {
  if (SPECIAL_TYPES.has(type)) {
    return aggregateValues(type, rows, period);
  }
  let total = 0;
  let found = false;
  for (const r of rows) {
    if (r.count > 0 && inside(r, period)) {
      total += r.sum;
      found = true;
    }
  }
  return found ? total : null;
}

export interface SeriesInputs {
  /** The subtree's stored rows of the subject's data elements. */
  readonly rows: readonly StoredItemRow[];
  /** Each data element's aggregation type (absent: SUM). */
  readonly aggregationTypes: ReadonlyMap<string, string>;
  readonly constants: ReadonlyMap<string, number>;
  readonly orgUnitGroupCounts: ReadonlyMap<string, number>;
}

/** Computes the series' points; periods without data have `value: null`. */
export function evaluateSeries(
  compiled: CompiledSubject,
  periods: readonly Period[],
  inputs: SeriesInputs,
): SeriesPoint[] {
  const typeOf = (id: string): string => inputs.aggregationTypes.get(id) ?? 'SUM';
  const rowsByElement = new Map<string, StoredItemRow[]>();
  for (const r of inputs.rows) {
    const list = rowsByElement.get(r.dataElementId);
    if (list === undefined) {
      rowsByElement.set(r.dataElementId, [r]);
    } else {
      list.push(r);
    }
  }
  // The merged rows of each data item do not depend on the period: merge once per series, and
  // put each row in the asked period it lies within (asked periods are ordered and do not
  // overlap, so there is at most one). A period with rows inside gets just those; one without
  // gets them all, for the average types' disaggregation from a longer stored period.
  const ordered = periods.every((p, i) => i === 0 || p.startDate > periods[i - 1].endDate);
  const mergedByRef = new Map<string, { all: PeriodAggregate[]; inside: PeriodAggregate[][] }>();
  const mergedRows = (ref: DataItemRef, index: number): PeriodAggregate[] => {
    const key = `${ref.dataElementId}.${ref.categoryOptionComboId}.${ref.attributeOptionComboId}`;
    let merged = mergedByRef.get(key);
    if (merged === undefined) {
      const rows = (rowsByElement.get(ref.dataElementId) ?? []).filter((r) => matches(ref, r));
      // Rows whose combos were summed before (ids '') are one per org unit and period already.
      const all = rows.every(
        (r) => r.categoryOptionComboId === '' && r.attributeOptionComboId === '',
      )
        ? rows
        : mergeCombos(rows);
      const inside: PeriodAggregate[][] = periods.map(() => []);
      if (ordered) {
        for (const r of all) {
          const at = periodContaining(periods, r);
          if (at >= 0) {
            inside[at].push(r);
          }
        }
      }
      merged = { all, inside };
      mergedByRef.set(key, merged);
    }
    if (!ordered) {
      return merged.all;
    }
    const rows = merged.inside[index];
    return rows.length > 0 ? rows : merged.all;
  };

  return evaluatePoints(
    compiled,
    periods,
    (ref, index) => itemValue(typeOf(ref.dataElementId), mergedRows(ref, index), periods[index]),
    inputs.constants,
    inputs.orgUnitGroupCounts,
  );
}

/** A data item's value in the asked period `index` (null: no data). */
export type ItemValueOf = (ref: DataItemRef, index: number) => number | null;

/**
 * What the expressions of one series read at the point being evaluated (`index`): each data
 * item's value asked of `valueOf` once per point, shared by the nodes naming the same item.
 * A class rather than an object of closures: one series at a time, thousands per scan.
 */
class PointInputs implements ExpressionInputs {
  index = 0;
  days = 0;
  /** Made on the first data item asked: most series' expressions are one item each, read directly. */
  #itemValues: Map<DataItemRef, (number | null | undefined)[]> | null = null;
  #itemValuesByKey: Map<string, (number | null | undefined)[]> | null = null;
  readonly #points: number;
  readonly #valueOf: ItemValueOf;
  readonly #constants: ReadonlyMap<string, number>;
  readonly #orgUnitGroupCounts: ReadonlyMap<string, number>;

  constructor(
    points: number,
    valueOf: ItemValueOf,
    constants: ReadonlyMap<string, number>,
    orgUnitGroupCounts: ReadonlyMap<string, number>,
  ) {
    this.#points = points;
    this.#valueOf = valueOf;
    this.#constants = constants;
    this.#orgUnitGroupCounts = orgUnitGroupCounts;
  }

  dataItem(ref: DataItemRef): number | null {
    this.#itemValues ??= new Map();
    this.#itemValuesByKey ??= new Map();
    let values = this.#itemValues.get(ref);
    if (values === undefined) {
      // Two nodes naming the same item share their values.
      const key = `${ref.dataElementId}.${ref.categoryOptionComboId}.${ref.attributeOptionComboId}`;
      values = this.#itemValuesByKey.get(key);
      if (values === undefined) {
        values = new Array<number | null | undefined>(this.#points);
        this.#itemValuesByKey.set(key, values);
      }
      this.#itemValues.set(ref, values);
    }
    let value = values[this.index];
    if (value === undefined) {
      value = this.#valueOf(ref, this.index);
      values[this.index] = value;
    }
    return value;
  }

  constant(id: string): number | undefined {
    return this.#constants.get(id);
  }

  orgUnitGroupCount(id: string): number | undefined {
    return this.#orgUnitGroupCounts.get(id);
  }
}

/**
 * What `evaluateExpression` gives for an expression that is one data item with this value: the
 * value when it is a finite number, else no value. Most indicators' numerators and denominators
 * are one data item, and a scan evaluates 1.5 million of them: read directly, without a walk of
 * the expression and its tally.
 */
export function loneItemValue(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * The points of a subject from its data items' values per period: the numerator and
 * denominator evaluated in each period and the indicator value. An expression that is one data
 * item reads its value straight from `valueOf`; the others share one inputs object for every
 * period, in which each item's value in each period is asked once (an expression may name an
 * item twice, e.g. Penta 1 in the numerator and the denominator of the drop-out rate). An item
 * that is a whole expression and also part of the other may be asked twice in a period:
 * `valueOf` must give the same value each time (both callers read stored values).
 */
export function evaluatePoints(
  compiled: CompiledSubject,
  periods: readonly Period[],
  valueOf: ItemValueOf,
  constants: ReadonlyMap<string, number>,
  orgUnitGroupCounts: ReadonlyMap<string, number>,
): SeriesPoint[] {
  const { subject, numerator, denominator } = compiled;
  const daysOf = periodDaysOf(periods);
  const expressionInputs = new PointInputs(periods.length, valueOf, constants, orgUnitGroupCounts);
  const points: SeriesPoint[] = new Array<SeriesPoint>(periods.length);
  for (let index = 0; index < periods.length; index++) {
    const period = periods[index];
    const days = daysOf[index];
    expressionInputs.index = index;
    expressionInputs.days = days;
    const num =
      numerator.kind === 'dataItem'
        ? loneItemValue(valueOf(numerator, index))
        : evaluateExpression(numerator, expressionInputs);
    if (denominator === null || subject.kind !== 'indicator') {
      points[index] = {
        period: period.id,
        startDate: period.startDate,
        endDate: period.endDate,
        value: num,
      };
      continue;
    }
    const den =
      denominator.kind === 'dataItem'
        ? loneItemValue(valueOf(denominator, index))
        : evaluateExpression(denominator, expressionInputs);
    const value = computeIndicatorValue({
      numerator: num,
      denominator: den,
      factor: subject.factor,
      annualized: subject.annualized,
      periodDays: days,
    });
    points[index] = {
      period: period.id,
      startDate: period.startDate,
      endDate: period.endDate,
      value,
      numerator: num,
      denominator: den,
    };
  }
  return points;
}
