/**
 * `/api/charts/spc` and `/api/chart-settings` (issue #5): the SPC chart of an indicator × org
 * unit as the signal scan reads it — the last 36 months, the indicator's chart type, the saved
 * baseline, phases and rule-set preset — and the settings that change it for everyone.
 */
import { Type, type Static } from 'typebox';
import { PeriodIdSchema, Uid } from './common.ts';
import { SignalKindSchema } from './signals.ts';

export const SpcChartQuery = Type.Object(
  { indicator: Uid, orgUnit: Uid },
  { additionalProperties: false },
);
export type SpcChartQuery = Static<typeof SpcChartQuery>;

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const SpcChartPointSchema = Type.Object({
  period: PeriodIdSchema,
  /** The plotted value (the indicator's value, × its factor). */
  value: NullableNumber,
  numerator: NullableNumber,
  denominator: NullableNumber,
  centre: NullableNumber,
  lower: NullableNumber,
  upper: NullableNumber,
  /** 1-based part (phase). */
  part: Type.Integer(),
  /** In the baseline the limits are computed from. */
  baseline: Type.Boolean(),
  /** Rule ids that fired on this point (e.g. `beyond_limits`, `longest_run`). */
  rules: Type.Array(Type.String()),
});
export type SpcChartPoint = Static<typeof SpcChartPointSchema>;

export const SpcChartResponse = Type.Object({
  indicator: Type.Object({ id: Uid, name: Type.String() }),
  orgUnit: Type.Object({ id: Uid, name: Type.String(), level: Type.Integer() }),
  /** The chart drawn: the indicator's type, or `i` when its counts do not fit a ratio chart. */
  chartType: Type.String(),
  preset: Type.Object({ id: Type.String(), name: Type.String(), version: Type.String() }),
  /** The last period of the baseline (limits frozen on it), or null. */
  baselineEnd: Type.Union([PeriodIdSchema, Type.Null()]),
  /** Each phase's last period but the last. */
  phaseEnds: Type.Array(PeriodIdSchema),
  /** Too few values for a chart (fewer than 12): `points` still lists the values, no limits. */
  tooShort: Type.Boolean(),
  points: Type.Array(SpcChartPointSchema),
  /** What the rules found, in plain words. */
  findings: Type.Array(
    Type.Object({
      kind: SignalKindSchema,
      rule: Type.String(),
      periods: Type.Array(PeriodIdSchema),
      summary: Type.String(),
    }),
  ),
  /** Who last changed the settings, and when (null: never set). */
  settingsUpdatedAt: Type.Union([Type.String(), Type.Null()]),
  /** The rule-set presets a manager can switch this chart to. */
  presets: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), version: Type.String() }),
  ),
});
export type SpcChartResponse = Static<typeof SpcChartResponse>;

/** `PUT /api/chart-settings` (managers and admins within scope; audited). */
export const ChartSettingsBody = Type.Object(
  {
    indicator: Uid,
    orgUnit: Uid,
    baselineEnd: Type.Union([PeriodIdSchema, Type.Null()]),
    /** Left out: unchanged. */
    phaseEnds: Type.Optional(Type.Array(PeriodIdSchema, { maxItems: 12 })),
    /** Left out: unchanged. A built-in rule-set preset (`anhoej`, `ihi-run`, `mdc-2024`, `mdc-classic-7`), or null for the default. */
    ruleSet: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type ChartSettingsBody = Static<typeof ChartSettingsBody>;

/** `GET /api/charts/funnel`: the org units compared with each other in one month. */
export const FunnelChartQuery = Type.Object(
  {
    indicator: Uid,
    /** The chart page's org unit: its siblings are compared when the caller sees its parent, else its children. */
    orgUnit: Uid,
    /** A month (YYYYMM); default the latest month with data. */
    period: Type.Optional(PeriodIdSchema),
  },
  { additionalProperties: false },
);
export type FunnelChartQuery = Static<typeof FunnelChartQuery>;

const Limits = {
  lower95: Type.Number(),
  upper95: Type.Number(),
  lower998: Type.Number(),
  upper998: Type.Number(),
};

export const FunnelChartUnitSchema = Type.Object({
  id: Uid,
  name: Type.String(),
  numerator: NullableNumber,
  denominator: NullableNumber,
  /** The indicator's value (× factor), null without a value this month. */
  value: NullableNumber,
  /** On the funnel: the unit's limits at its denominator and where it falls (null when left out). */
  funnel: Type.Union([
    Type.Object({
      ...Limits,
      z: Type.Number(),
      outlier: Type.Union([Type.Literal('high'), Type.Literal('low'), Type.Null()]),
      outlier95: Type.Union([Type.Literal('high'), Type.Literal('low'), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type FunnelChartUnit = Static<typeof FunnelChartUnitSchema>;

export const FunnelChartResponse = Type.Object({
  indicator: Type.Object({ id: Uid, name: Type.String() }),
  /** Whose children are compared. */
  group: Type.Object({ id: Uid, name: Type.String() }),
  /** `siblings`: the page's org unit among its parent's children; `children`: the page's org unit's own children. */
  compared: Type.Union([Type.Literal('siblings'), Type.Literal('children')]),
  /** The page's org unit when it is one of the units compared. */
  highlight: Type.Union([Uid, Type.Null()]),
  period: Type.Union([PeriodIdSchema, Type.Null()]),
  /** Null when there is no funnel; `reason` says why. */
  type: Type.Union([Type.Literal('proportion'), Type.Literal('rate'), Type.Null()]),
  /** `not_a_ratio` (the indicator is not drawn on a P/U chart), `too_few_units` (fewer than 3 with a value), `above_100` (a numerator above its denominator), `no_units`, `no_data`. */
  reason: Type.Union([Type.String(), Type.Null()]),
  target: NullableNumber,
  overdispersion: Type.Union([
    Type.Object({ phi: Type.Number(), applied: Type.Boolean() }),
    Type.Null(),
  ]),
  units: Type.Array(FunnelChartUnitSchema),
  /** The limits over a grid of denominators, for drawing (denominator ascending). */
  curve: Type.Array(Type.Object({ n: Type.Number(), ...Limits })),
});
export type FunnelChartResponse = Static<typeof FunnelChartResponse>;
