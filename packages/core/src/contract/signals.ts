/**
 * `/api/signals`: the signal inbox (issue #5). What the scan found in an indicator × org unit
 * series, with its lifecycle (see packages/server/src/services/signals/README.md).
 */
import { Type, type Static } from 'typebox';
import { PeriodIdSchema, Uid } from './common.ts';

/** A signal id (the scan makes them; opaque to clients). */
export const SignalId = Type.String({ minLength: 1, maxLength: 100, description: 'signal id' });

export const SignalKindSchema = Type.Union([
  Type.Literal('outbreak'),
  Type.Literal('sustained_shift'),
  Type.Literal('trend'),
  Type.Literal('single_point'),
  Type.Literal('runs'),
  Type.Literal('peer_outlier'),
]);

export const SignalStatusSchema = Type.Union([
  Type.Literal('new'),
  Type.Literal('acknowledged'),
  Type.Literal('under_review'),
  Type.Literal('actioned'),
  Type.Literal('dismissed'),
]);

export const SignalSchema = Type.Object({
  id: SignalId,
  indicator: Type.Object({ id: Uid, name: Type.String() }),
  orgUnit: Type.Object({ id: Uid, name: Type.String(), level: Type.Integer() }),
  kind: SignalKindSchema,
  /** A rule-set RuleId, `outbreak:<method>` or `funnel`. */
  rule: Type.String(),
  ruleSet: Type.Object({ id: Type.String(), version: Type.String() }),
  direction: Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Null()]),
  /** First and last period involved, and all of them in order. */
  firstPeriod: PeriodIdSchema,
  lastPeriod: PeriodIdSchema,
  periods: Type.Array(PeriodIdSchema),
  /** A stable code and its numbers, for the web app to phrase in the user's language. */
  explanation: Type.Object({
    code: Type.String(),
    values: Type.Record(Type.String(), Type.Number()),
  }),
  /** The English summary the scan wrote. */
  summary: Type.String(),
  status: SignalStatusSchema,
  /** Why it was dismissed, or a note on the last status change. */
  reason: Type.Union([Type.String(), Type.Null()]),
  statusChangedAt: Type.Union([Type.String(), Type.Null()]),
  /** The user who last changed the status. */
  statusChangedBy: Type.Union([Type.String(), Type.Null()]),
  /** False once a later scan no longer finds it (kept, never deleted). */
  stillPresent: Type.Boolean(),
  /** The series' denominator or count in its last period; the inbox puts larger first. */
  population: Type.Union([Type.Number(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Signal = Static<typeof SignalSchema>;

/**
 * `GET /api/signals`. Repeat `kind` or `status` for several (`?status=new&status=acknowledged`).
 * `start`/`end` keep the signals whose periods overlap `start`…`end`.
 */
export const SignalListQuery = Type.Object(
  {
    /** Only signals of this org unit's subtree (default: everything in your scope). */
    orgUnit: Type.Optional(Uid),
    indicator: Type.Optional(Uid),
    kind: Type.Optional(Type.Array(SignalKindSchema, { minItems: 1, maxItems: 6 })),
    status: Type.Optional(Type.Array(SignalStatusSchema, { minItems: 1, maxItems: 5 })),
    start: Type.Optional(PeriodIdSchema),
    end: Type.Optional(PeriodIdSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type SignalListQuery = Static<typeof SignalListQuery>;

export const SignalListResponse = Type.Object({
  /** One page, in the inbox priority (kind, then larger population, then more recent, then id). */
  signals: Type.Array(SignalSchema),
  /** How many match the filters in all. */
  total: Type.Integer(),
  /** Under the same filters (all pages), per kind and per status; every key present. */
  countsByKind: Type.Object({
    outbreak: Type.Integer(),
    sustained_shift: Type.Integer(),
    trend: Type.Integer(),
    single_point: Type.Integer(),
    runs: Type.Integer(),
    peer_outlier: Type.Integer(),
  }),
  countsByStatus: Type.Object({
    new: Type.Integer(),
    acknowledged: Type.Integer(),
    under_review: Type.Integer(),
    actioned: Type.Integer(),
    dismissed: Type.Integer(),
  }),
});
export type SignalListResponse = Static<typeof SignalListResponse>;

export const SignalResponse = Type.Object({ signal: SignalSchema });
export type SignalResponse = Static<typeof SignalResponse>;

export const SignalIdParams = Type.Object({ id: SignalId }, { additionalProperties: false });

const Reason = Type.String({ maxLength: 2000 });

/** `PATCH /api/signals/:id`: move a signal along its lifecycle; `reason` is required to dismiss. */
export const SignalStatusBody = Type.Object(
  { status: SignalStatusSchema, reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
export type SignalStatusBody = Static<typeof SignalStatusBody>;

/** `POST /api/signals/bulk`: the same change to several signals, all or nothing. */
export const SignalBulkBody = Type.Object(
  {
    ids: Type.Array(SignalId, { minItems: 1, maxItems: 500, uniqueItems: true }),
    status: SignalStatusSchema,
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type SignalBulkBody = Static<typeof SignalBulkBody>;

export const SignalBulkResponse = Type.Object({ signals: Type.Array(SignalSchema) });
export type SignalBulkResponse = Static<typeof SignalBulkResponse>;

/** `GET /api/signals/scan`: the server's signal scan, run after every import that landed. */
export const SignalScanStatusResponse = Type.Object({
  running: Type.Boolean(),
  /** Another scan will run when this one ends (an import landed meanwhile). */
  queued: Type.Boolean(),
  progress: Type.Union([
    Type.Object({ done: Type.Integer(), total: Type.Integer(), message: Type.String() }),
    Type.Null(),
  ]),
  last: Type.Union([
    Type.Object({
      reason: Type.Union([
        Type.Literal('import'),
        Type.Literal('dhis2_pull'),
        Type.Literal('on_demand'),
      ]),
      startedAt: Type.String(),
      finishedAt: Type.String(),
      /** The scan's counts (`sankofa scan --json`'s shape); admins only, they span the country. */
      result: Type.Union([
        Type.Object({
          series: Type.Integer(),
          signals: Type.Object({
            new: Type.Integer(),
            updated: Type.Integer(),
            unchanged: Type.Integer(),
            total: Type.Integer(),
          }),
          durationMs: Type.Integer(),
        }),
        Type.Null(),
      ]),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type SignalScanStatusResponse = Static<typeof SignalScanStatusResponse>;

/** `POST /api/signals/scan` (managers and admins): `full` recomputes every series. */
export const SignalScanBody = Type.Object(
  { full: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);
export type SignalScanBody = Static<typeof SignalScanBody>;
