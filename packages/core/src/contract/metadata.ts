import { Type, type Static } from 'typebox';
import { Uid } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

export const CategoryOptionComboSchema = Type.Object({
  id: Uid,
  code: Nullable(Type.String()),
  name: Type.String(),
});

export const DataElementSchema = Type.Object({
  id: Uid,
  code: Nullable(Type.String()),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  description: Nullable(Type.String()),
  valueType: Type.String(),
  aggregationType: Type.String(),
  categoryComboId: Uid,
  categoryOptionCombos: Type.Array(CategoryOptionComboSchema),
});
export type DataElement = Static<typeof DataElementSchema>;

export const DataElementListResponse = Type.Object({ dataElements: Type.Array(DataElementSchema) });
export type DataElementListResponse = Static<typeof DataElementListResponse>;

export const INDICATOR_KINDS = ['proportion', 'rate', 'count', 'mean'] as const;
export const DESIRED_DIRECTIONS = ['up', 'down', 'none'] as const;
export const CHART_TYPES = ['run', 'i', 'mr', 'p', 'pp', 'u', 'up', 'c', 'g', 't'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const IndicatorKindSchema = Type.Union([
  Type.Literal('proportion'),
  Type.Literal('rate'),
  Type.Literal('count'),
  Type.Literal('mean'),
]);
export const DesiredDirectionSchema = Type.Union([
  Type.Literal('up'),
  Type.Literal('down'),
  Type.Literal('none'),
]);
export const ChartTypeSchema = Type.Union([
  Type.Literal('run'),
  Type.Literal('i'),
  Type.Literal('mr'),
  Type.Literal('p'),
  Type.Literal('pp'),
  Type.Literal('u'),
  Type.Literal('up'),
  Type.Literal('c'),
  Type.Literal('g'),
  Type.Literal('t'),
]);

export const IndicatorSchema = Type.Object({
  id: Uid,
  code: Nullable(Type.String()),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  description: Nullable(Type.String()),
  numerator: Type.String(),
  numeratorDescription: Nullable(Type.String()),
  denominator: Type.String(),
  denominatorDescription: Nullable(Type.String()),
  indicatorType: Type.Object({ id: Uid, name: Type.String(), factor: Type.Number() }),
  annualized: Type.Boolean(),
  decimals: Nullable(Type.Integer()),
  kind: IndicatorKindSchema,
  desiredDirection: DesiredDirectionSchema,
  target: Nullable(Type.Number()),
  defaultChartType: ChartTypeSchema,
  notifiable: Type.Boolean(),
  source: Type.Union([Type.Literal('local'), Type.Literal('external')]),
});
export type Indicator = Static<typeof IndicatorSchema>;

export const IndicatorListResponse = Type.Object({ indicators: Type.Array(IndicatorSchema) });
export type IndicatorListResponse = Static<typeof IndicatorListResponse>;

export const IndicatorResponse = Type.Object({ indicator: IndicatorSchema });

export const IndicatorCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 230 }),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    shortName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    numerator: Type.String({ minLength: 1, maxLength: 2000 }),
    denominator: Type.String({ minLength: 1, maxLength: 2000 }),
    indicatorTypeId: Uid,
    kind: IndicatorKindSchema,
    desiredDirection: Type.Optional(DesiredDirectionSchema),
    target: Type.Optional(Type.Number()),
    defaultChartType: Type.Optional(ChartTypeSchema),
    notifiable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type IndicatorCreateBody = Static<typeof IndicatorCreateBody>;

export const IndicatorTypeSchema = Type.Object({
  id: Uid,
  name: Type.String(),
  factor: Type.Number(),
  number: Type.Boolean(),
});
export const IndicatorTypeListResponse = Type.Object({
  indicatorTypes: Type.Array(IndicatorTypeSchema),
});
