/**
 * The HTTP contract of `/api/dhis2`: the configured DHIS2 connection (never its secret), the
 * connection test, pull runs and the pull schedule. TypeBox, published in the OpenAPI document.
 */
import { Uid } from './common.ts';
import { Type, type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** off | every N hours | daily at HH:MM UTC. */
export const Dhis2ScheduleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('off') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('interval'),
      everyHours: Type.Integer({ minimum: 1, maximum: 168 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('daily'),
      at: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, UTC' }),
    },
    { additionalProperties: false },
  ),
]);
export type Dhis2Schedule = Static<typeof Dhis2ScheduleSchema>;

/** Credentials as a client sends them: a token, or a username and password; never read back. */
const secretFields = {
  token: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'DHIS2 personal access token (write-only)',
    }),
  ),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  password: Type.Optional(
    Type.String({ minLength: 1, maxLength: 2000, description: 'write-only' }),
  ),
};

/**
 * `PUT /api/dhis2/connection`. Leave the token and password out to keep the stored secret
 * (unless the URL moves to another host: then give it again).
 */
export const Dhis2ConnectionBody = Type.Object(
  {
    baseUrl: Type.String({ minLength: 1, maxLength: 2000 }),
    ...secretFields,
    rootOrgUnitId: Type.Optional(Nullable(Uid)),
    schedule: Type.Optional(Dhis2ScheduleSchema),
  },
  { additionalProperties: false },
);
export type Dhis2ConnectionBody = Static<typeof Dhis2ConnectionBody>;

/** `POST /api/dhis2/connection/test`: `{}` tests the stored connection; fields override it. */
export const Dhis2ConnectionTestBody = Type.Object(
  { baseUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })), ...secretFields },
  { additionalProperties: false },
);
export type Dhis2ConnectionTestBody = Static<typeof Dhis2ConnectionTestBody>;

const TotalsSchema = Type.Object({
  imported: Type.Integer(),
  updated: Type.Integer(),
  deleted: Type.Integer(),
  ignored: Type.Integer(),
  conflicts: Type.Integer(),
});

/** One pull run. `progress` is set while this server runs it. */
export const Dhis2RunSchema = Type.Object({
  id: Type.Integer(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  mode: Type.Union([Type.Literal('full'), Type.Literal('incremental')]),
  since: Nullable(Type.String()),
  until: Type.String(),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  stepsDone: Type.Integer({ description: 'metadata and data value chunks that landed' }),
  stepsTotal: Nullable(Type.Integer()),
  metadata: Nullable(Type.Object({ created: Type.Integer(), updated: Type.Integer() })),
  totals: Nullable(TotalsSchema),
  errors: Type.Array(Type.String()),
  dhis2Version: Nullable(Type.String()),
  progress: Nullable(
    Type.Object({
      step: Type.String(),
      message: Type.String(),
      chunksEnded: Nullable(Type.Integer()),
      chunksTotal: Nullable(Type.Integer()),
    }),
  ),
});
export type Dhis2Run = Static<typeof Dhis2RunSchema>;

/** `GET /api/dhis2/connection`: `connection` is null until one is saved. */
export const Dhis2ConnectionResponse = Type.Object({
  connection: Nullable(
    Type.Object({
      baseUrl: Type.String(),
      auth: Type.Object({
        kind: Type.Union([Type.Literal('token'), Type.Literal('basic')]),
        username: Nullable(Type.String()),
      }),
      rootOrgUnitId: Nullable(Type.String()),
      lastUpdatedWatermark: Nullable(
        Type.String({ description: 'DHIS2 time the next pull asks for changes after' }),
      ),
      schedule: Dhis2ScheduleSchema,
      nextPullAt: Nullable(Type.String()),
      scheduleError: Nullable(
        Type.String({ description: 'why the last scheduled pull could not start' }),
      ),
      lastRun: Nullable(Dhis2RunSchema),
    }),
  ),
  pullRunning: Type.Boolean(),
});
export type Dhis2ConnectionResponse = Static<typeof Dhis2ConnectionResponse>;

/** `POST /api/dhis2/connection/test`: what DHIS2 said, or why it could not be read. */
export const Dhis2ConnectionTestResponse = Type.Object({
  ok: Type.Boolean(),
  baseUrl: Type.String(),
  dhis2: Nullable(
    Type.Object({
      version: Type.String(),
      serverDate: Type.String(),
      serverTimeZoneId: Nullable(Type.String()),
      systemName: Nullable(Type.String()),
    }),
  ),
  error: Nullable(
    Type.Object({
      code: Type.String({
        description: 'unauthorized, forbidden, network_error, timeout, not_dhis2…',
      }),
      message: Type.String(),
    }),
  ),
});
export type Dhis2ConnectionTestResponse = Static<typeof Dhis2ConnectionTestResponse>;

export const Dhis2RunListResponse = Type.Object({
  runs: Type.Array(Dhis2RunSchema),
  pullRunning: Type.Boolean(),
});
export type Dhis2RunListResponse = Static<typeof Dhis2RunListResponse>;

export const Dhis2PullCreatedResponse = Type.Object({
  id: Type.Integer(),
  status: Type.Literal('running'),
});

export const Dhis2RunParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
