import { Type, type Static } from 'typebox';
import { PeriodIdSchema, Uid } from './common.ts';

/**
 * `GET /api/data-values`: one series of (indicator or data element) for one org unit (its
 * whole subtree aggregated) over a period range. Exactly one of `indicator` / `dataElement`.
 */
export const DataValueSeriesQuery = Type.Object(
  {
    indicator: Type.Optional(Uid),
    dataElement: Type.Optional(Uid),
    categoryOptionCombo: Type.Optional(Uid),
    orgUnit: Uid,
    startPeriod: PeriodIdSchema,
    endPeriod: PeriodIdSchema,
  },
  { additionalProperties: false },
);
export type DataValueSeriesQuery = Static<typeof DataValueSeriesQuery>;

export const SeriesPointSchema = Type.Object({
  period: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  /** The indicator value or the aggregated data element value; null when there is no data. */
  value: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  denominator: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
});
export type SeriesPoint = Static<typeof SeriesPointSchema>;

export const DataValueSeriesResponse = Type.Object({
  orgUnit: Type.Object({ id: Uid, name: Type.String(), level: Type.Integer() }),
  subject: Type.Object({
    kind: Type.Union([Type.Literal('indicator'), Type.Literal('dataElement')]),
    id: Uid,
    name: Type.String(),
  }),
  periodType: Type.String(),
  points: Type.Array(SeriesPointSchema),
});
export type DataValueSeriesResponse = Static<typeof DataValueSeriesResponse>;

/** `PUT /api/data-values`: store one value (upsert on its key). */
export const DataValueWriteBody = Type.Object(
  {
    dataElement: Uid,
    period: PeriodIdSchema,
    orgUnit: Uid,
    categoryOptionCombo: Type.Optional(Uid),
    attributeOptionCombo: Type.Optional(Uid),
    value: Type.String({ maxLength: 50_000 }),
    comment: Type.Optional(Type.String({ maxLength: 50_000 })),
    followUp: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DataValueWriteBody = Static<typeof DataValueWriteBody>;

/** `DELETE /api/data-values`: the key of the value to delete. */
export const DataValueKeyQuery = Type.Object(
  {
    dataElement: Uid,
    period: PeriodIdSchema,
    orgUnit: Uid,
    categoryOptionCombo: Type.Optional(Uid),
    attributeOptionCombo: Type.Optional(Uid),
  },
  { additionalProperties: false },
);
export type DataValueKeyQuery = Static<typeof DataValueKeyQuery>;

export const DataValueSchema = Type.Object({
  dataElement: Uid,
  period: Type.String(),
  orgUnit: Uid,
  categoryOptionCombo: Uid,
  attributeOptionCombo: Uid,
  value: Type.Union([Type.String(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  followUp: Type.Boolean(),
  storedBy: Type.Union([Type.String(), Type.Null()]),
  created: Type.String(),
  lastUpdated: Type.String(),
  deleted: Type.Boolean(),
});
export type DataValue = Static<typeof DataValueSchema>;
export const DataValueResponse = Type.Object({ dataValue: DataValueSchema });
