import type { DataElement, Indicator } from '@sankofa/core';
import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  DataElementTable,
  IndicatorTable,
  IndicatorTypeTable,
} from '../db/schema.ts';

/** Data elements with their category option combos, in name order. */
export async function loadDataElements(
  db: Kysely<Database>,
  ids?: readonly string[],
): Promise<DataElement[]> {
  let query = db.selectFrom('dataElements').selectAll().orderBy('name');
  if (ids !== undefined) {
    query = query.where('id', 'in', ids.length > 0 ? [...ids] : ['']);
  }
  const rows = await query.execute();
  const combos = await db
    .selectFrom('categoryOptionCombos')
    .select(['id', 'code', 'name', 'categoryComboId'])
    .orderBy('name')
    .execute();
  return rows.map((row) =>
    presentDataElement(
      row,
      combos.filter((c) => c.categoryComboId === row.categoryComboId),
    ),
  );
}

export function presentDataElement(
  row: DataElementTable,
  combos: readonly { id: string; code: string | null; name: string }[],
): DataElement {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    description: row.description,
    valueType: row.valueType,
    aggregationType: row.aggregationType,
    categoryComboId: row.categoryComboId,
    categoryOptionCombos: combos.map((c) => ({ id: c.id, code: c.code, name: c.name })),
  };
}

/** Indicators joined with their types. */
export function selectIndicators(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('indicators')
    .innerJoin('indicatorTypes', 'indicatorTypes.id', 'indicators.indicatorTypeId')
    .selectAll('indicators')
    .select(['indicatorTypes.name as typeName', 'indicatorTypes.factor as typeFactor']);
}

export function presentIndicator(
  row: IndicatorTable & { typeName: IndicatorTypeTable['name']; typeFactor: number },
): Indicator {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    description: row.description,
    numerator: row.numerator,
    numeratorDescription: row.numeratorDescription,
    denominator: row.denominator,
    denominatorDescription: row.denominatorDescription,
    indicatorType: { id: row.indicatorTypeId, name: row.typeName, factor: row.typeFactor },
    annualized: row.annualized === 1,
    decimals: row.decimals,
    kind: row.kind as Indicator['kind'],
    desiredDirection: row.desiredDirection as Indicator['desiredDirection'],
    target: row.target,
    defaultChartType: row.defaultChartType as Indicator['defaultChartType'],
    notifiable: row.notifiable === 1,
    source: row.source as Indicator['source'],
  };
}
