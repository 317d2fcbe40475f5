/**
 * A time series of an indicator or a data element for one org unit (its whole subtree) over a
 * range of periods. The database sums values per data item and stored period over the subtree;
 * core combines stored periods into each reported period (by aggregation type) and evaluates
 * indicator expressions.
 *
 * Stored periods count towards a reported period only when they lie wholly inside it (monthly
 * values make a quarter; a yearly value does not make a month).
 */
import {
  aggregateValues,
  collectDataItems,
  computeIndicatorValue,
  evaluateExpression,
  parseExpression,
  periodDays,
  type DataItemRef,
  type ExpressionNode,
  type Period,
  type PeriodAggregate,
  type SeriesPoint,
} from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

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

export interface SeriesQuery {
  readonly subject: SeriesSubject;
  /** The org unit whose subtree is aggregated. */
  readonly orgUnitId: string;
  /** The reported periods, in order, all of one type. */
  readonly periods: readonly Period[];
}

interface ItemRow extends PeriodAggregate {
  readonly dataElementId: string;
  readonly categoryOptionComboId: string;
  readonly attributeOptionComboId: string;
  readonly endDate: string;
}

const matches = (ref: DataItemRef, row: ItemRow): boolean =>
  row.dataElementId === ref.dataElementId &&
  (ref.categoryOptionComboId === null || row.categoryOptionComboId === ref.categoryOptionComboId) &&
  (ref.attributeOptionComboId === null ||
    row.attributeOptionComboId === ref.attributeOptionComboId);

function yearDays(period: Period): number {
  const year = Number(period.startDate.slice(0, 4));
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** Computes the series; points without data have `value: null`. */
export async function querySeries(
  db: Kysely<Database>,
  query: SeriesQuery,
): Promise<SeriesPoint[]> {
  const { subject, periods } = query;
  if (periods.length === 0) {
    return [];
  }
  let numerator: ExpressionNode;
  let denominator: ExpressionNode | null = null;
  if (subject.kind === 'indicator') {
    numerator = parseExpression(subject.numerator, 'numerator');
    denominator = parseExpression(subject.denominator, 'denominator');
  } else {
    numerator = {
      kind: 'dataItem',
      dataElementId: subject.dataElementId,
      categoryOptionComboId: subject.categoryOptionComboId ?? null,
      attributeOptionComboId: null,
    };
  }
  const items = [
    ...collectDataItems(numerator),
    ...(denominator === null ? [] : collectDataItems(denominator)),
  ];
  const dataElementIds = [...new Set(items.map((i) => i.dataElementId))];
  const rows: ItemRow[] =
    dataElementIds.length === 0
      ? []
      : await db
          .selectFrom('dataValues as dv')
          .innerJoin('periods as p', 'p.id', 'dv.periodId')
          .innerJoin('orgUnitClosure as c', 'c.descendantId', 'dv.orgUnitId')
          .select((eb) => [
            'dv.dataElementId',
            'dv.categoryOptionComboId',
            'dv.attributeOptionComboId',
            'p.startDate',
            'p.endDate',
            eb.fn.sum<number>('dv.numericValue').as('sum'),
            eb.fn.count<number>('dv.numericValue').as('count'),
            eb.fn.min<number>('dv.numericValue').as('min'),
            eb.fn.max<number>('dv.numericValue').as('max'),
          ])
          .where('c.ancestorId', '=', query.orgUnitId)
          .where('dv.dataElementId', 'in', dataElementIds)
          .where('p.startDate', '>=', periods[0].startDate)
          .where('p.endDate', '<=', periods[periods.length - 1].endDate)
          .where('dv.deleted', '=', 0)
          .where('dv.numericValue', 'is not', null)
          .groupBy([
            'dv.dataElementId',
            'dv.categoryOptionComboId',
            'dv.attributeOptionComboId',
            'p.id',
            'p.startDate',
            'p.endDate',
          ])
          .execute();

  const aggregationTypes = new Map(
    dataElementIds.length === 0
      ? []
      : (
          await db
            .selectFrom('dataElements')
            .select(['id', 'aggregationType'])
            .where('id', 'in', dataElementIds)
            .execute()
        ).map((r) => [r.id, r.aggregationType] as const),
  );

  return periods.map((period) => {
    const inPeriod = rows.filter(
      (r) => r.startDate >= period.startDate && r.endDate <= period.endDate,
    );
    const dataItem = (ref: DataItemRef): number | null => {
      const matching = inPeriod.filter((r) => matches(ref, r));
      const byStored = new Map<
        string,
        { startDate: string; sum: number; count: number; min: number; max: number }
      >();
      // Several combos of one stored period merge before combining periods.
      for (const r of matching) {
        const acc = byStored.get(r.startDate);
        const sum = Number(r.sum);
        const count = Number(r.count);
        if (acc === undefined) {
          byStored.set(r.startDate, {
            startDate: r.startDate,
            sum,
            count,
            min: Number(r.min),
            max: Number(r.max),
          });
        } else {
          acc.sum += sum;
          acc.count += count;
          acc.min = Math.min(acc.min, Number(r.min));
          acc.max = Math.max(acc.max, Number(r.max));
        }
      }
      return aggregateValues(aggregationTypes.get(ref.dataElementId) ?? 'SUM', [
        ...byStored.values(),
      ]);
    };
    const base = { period: period.id, startDate: period.startDate, endDate: period.endDate };
    const num = evaluateExpression(numerator, { dataItem, days: periodDays(period) });
    if (denominator === null || subject.kind !== 'indicator') {
      return { ...base, value: num };
    }
    const den = evaluateExpression(denominator, { dataItem, days: periodDays(period) });
    const value = computeIndicatorValue({
      numerator: num,
      denominator: den,
      factor: subject.factor,
      annualized: subject.annualized,
      periodDays: periodDays(period),
      yearDays: yearDays(period),
    });
    return { ...base, value, numerator: num, denominator: den };
  });
}
