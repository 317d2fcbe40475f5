import { Type, type Static } from 'typebox';
import { PeriodIdSchema, Uid } from './common.ts';

/**
 * `GET /api/completeness`: reporting completeness of a data set for an org unit and its
 * children over the periods `start`…`end` (one period type, as long as the data set's or longer).
 */
export const CompletenessQuery = Type.Object(
  { dataSet: Uid, orgUnit: Uid, start: PeriodIdSchema, end: PeriodIdSchema },
  { additionalProperties: false },
);
export type CompletenessQuery = Static<typeof CompletenessQuery>;

const Rate = Type.Union([Type.Number(), Type.Null()]);

export const CompletenessRowSchema = Type.Object({
  orgUnitId: Uid,
  orgUnitName: Type.String(),
  period: Type.String(),
  /** Org units assigned the data set × data set periods inside the period. */
  expected: Type.Integer(),
  /** Complete registrations (one per org unit and data set period). */
  actual: Type.Integer(),
  /** Registrations completed within the data set's timely days after the period end. */
  actualOnTime: Type.Integer(),
  /** Org unit × data set period with at least one value of the data set's elements. */
  reported: Type.Integer(),
  /** Percentages of `expected`; null when nothing is expected. */
  completeness: Rate,
  timeliness: Rate,
  reportedRate: Rate,
});
export type CompletenessRow = Static<typeof CompletenessRowSchema>;

export const CompletenessResponse = Type.Object({
  dataSet: Type.Object({
    id: Uid,
    name: Type.String(),
    periodType: Type.String(),
    timelyDays: Type.Integer(),
  }),
  orgUnit: Type.Object({ id: Uid, name: Type.String(), level: Type.Integer() }),
  periodType: Type.String(),
  /** The org unit first, then its children; periods in order within each. */
  rows: Type.Array(CompletenessRowSchema),
});
export type CompletenessResponse = Static<typeof CompletenessResponse>;
