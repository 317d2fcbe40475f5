/**
 * `/api/dhis2`: the app's DHIS2 connection for admins of the whole hierarchy — see and save it
 * (the token or password is write-only: never answered, never audited), test it, pull now
 * (one pull at a time, in the background), follow the runs, and schedule pulls.
 */
import { ErrorEnvelope, ValidationError } from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { requireActor } from '../../auth/authenticate.ts';
import type { Database } from '../../db/schema.ts';
import { ApiError, forbidden, notFound } from '../../errors.ts';
import { hasRootRole } from '../../policies/scope.ts';
import { recordAudit } from '../../services/audit.ts';
import {
  checkDhis2Connection,
  Dhis2Error,
  Dhis2PullNotStarted,
  findDhis2Connection,
  findDhis2Run,
  findDhis2Schedule,
  listDhis2Runs,
  nextPullAt,
  resolveConnection,
  saveDhis2Connection,
  saveDhis2Schedule,
  type Dhis2Connection,
  type Dhis2PullRunner,
  type Dhis2RunSummary,
  type Dhis2Schedule,
} from '../../services/dhis2-pull/index.ts';
import { scheduleBaseline } from '../../services/dhis2-pull/scheduler.ts';
import {
  Dhis2ConnectionBody,
  Dhis2ConnectionResponse,
  Dhis2ConnectionTestBody,
  Dhis2ConnectionTestResponse,
  Dhis2PullCreatedResponse,
  Dhis2RunListResponse,
  Dhis2RunParams,
  Dhis2RunSchema,
  type Dhis2Run,
} from '@sankofa/core';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  422: ErrorEnvelope,
};

/** Runs `GET /api/dhis2/pulls` lists. */
const LIST_LIMIT = 20;
const TAGS = ['dhis2'];

/** Only an admin of a root org unit: a pull writes shared metadata and every org unit's values. */
function requireDhis2Admin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!hasRootRole(actor, 'admin')) {
    throw forbidden('Only an admin of the whole hierarchy can manage the DHIS2 connection');
  }
  return actor;
}

function presentRun(run: Dhis2RunSummary, runner: Dhis2PullRunner): Dhis2Run {
  const progress = run.status === 'running' ? runner.progressOf(run.id) : undefined;
  return {
    ...run,
    errors: [...run.errors],
    progress:
      progress === undefined
        ? null
        : {
            step: progress.step,
            message: progress.message,
            chunksEnded: progress.chunks?.ended ?? null,
            chunksTotal: progress.chunks?.total ?? null,
          },
  };
}

/** The connection without its secret. */
async function presentConnection(
  db: Kysely<Database>,
  connection: Dhis2Connection,
  runner: Dhis2PullRunner,
) {
  const stored = await findDhis2Schedule(db, connection.id);
  const schedule: Dhis2Schedule = stored?.schedule ?? { kind: 'off' };
  const next =
    stored === undefined
      ? null
      : nextPullAt(schedule, await scheduleBaseline(db, connection.id, stored));
  const [lastRun] = await listDhis2Runs(db, connection.id, 1);
  return {
    baseUrl: connection.baseUrl,
    auth:
      connection.credentials.kind === 'token'
        ? { kind: 'token' as const, username: null }
        : { kind: 'basic' as const, username: connection.credentials.username },
    rootOrgUnitId: connection.rootOrgUnitId,
    lastUpdatedWatermark: connection.lastUpdatedWatermark,
    schedule,
    nextPullAt: next === null ? null : next.toISOString(),
    scheduleError: stored?.lastError ?? null,
    lastRun: lastRun === undefined ? null : presentRun(lastRun, runner),
  };
}

/** What the audit trail keeps of a connection: everything but the secret. */
function auditView(connection: Dhis2Connection, schedule: Dhis2Schedule | undefined) {
  return {
    name: connection.name,
    baseUrl: connection.baseUrl,
    authKind: connection.credentials.kind,
    username: connection.credentials.kind === 'basic' ? connection.credentials.username : null,
    rootOrgUnitId: connection.rootOrgUnitId,
    schedule: schedule ?? { kind: 'off' },
  };
}

const sameCredentials = (a: Dhis2Connection, b: Dhis2Connection) =>
  JSON.stringify(a.credentials) === JSON.stringify(b.credentials);

export function dhis2Routes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;
  const runner = () => app.dhis2Pulls.runner;

  app.get(
    '/dhis2/connection',
    {
      schema: {
        tags: TAGS,
        summary:
          'The configured DHIS2 connection, without its secret; connection is null until one is saved. Admins of the whole hierarchy',
        response: { 200: Dhis2ConnectionResponse, ...errors },
      },
    },
    async (request) => {
      requireDhis2Admin(request);
      const connection = await findDhis2Connection(db);
      return {
        connection:
          connection === undefined ? null : await presentConnection(db, connection, runner()),
        pullRunning: runner().busy,
      };
    },
  );

  app.put(
    '/dhis2/connection',
    {
      schema: {
        tags: TAGS,
        summary:
          'Save the DHIS2 connection: base URL, a token or a username and password (leave the secret out to keep the stored one, same host only), root org unit, schedule',
        body: Dhis2ConnectionBody,
        response: { 200: Dhis2ConnectionResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireDhis2Admin(request);
      const body = request.body;
      const before = await findDhis2Connection(db);
      const input = resolveConnection(body, before);
      const beforeSchedule =
        before === undefined ? undefined : (await findDhis2Schedule(db, before.id))?.schedule;
      const saved = await db.transaction().execute(async (trx) => {
        const connection = await saveDhis2Connection(trx, {
          baseUrl: input.baseUrl,
          ...(input.token === undefined ? {} : { token: input.token }),
          ...(input.username === undefined
            ? {}
            : { username: input.username, password: input.password }),
          rootOrgUnitId: input.rootOrgUnitId ?? null,
        });
        const schedule = body.schedule ?? beforeSchedule ?? { kind: 'off' as const };
        await saveDhis2Schedule(trx, connection.id, schedule);
        await recordAudit(trx, {
          userId: actor.userId,
          actor: actor.email,
          action: before === undefined ? 'create' : 'update',
          entityType: 'dhis2_connection',
          entityId: connection.id,
          before: before === undefined ? null : auditView(before, beforeSchedule),
          after: {
            ...auditView(connection, schedule),
            credentialsChanged: before === undefined || !sameCredentials(before, connection),
          },
          requestId: request.id,
        });
        return connection;
      });
      return {
        connection: await presentConnection(db, saved, runner()),
        pullRunning: runner().busy,
      };
    },
  );

  app.post(
    '/dhis2/connection/test',
    {
      schema: {
        tags: TAGS,
        summary:
          'Read DHIS2’s /api/system/info with the stored connection ({}), or with the URL and credentials given; answers ok with the version and server time, or the error',
        body: Dhis2ConnectionTestBody,
        response: { 200: Dhis2ConnectionTestResponse, ...errors },
      },
    },
    async (request) => {
      requireDhis2Admin(request);
      const stored = await findDhis2Connection(db);
      const input = resolveConnection(request.body, stored);
      const check = await checkDhis2Connection(input.baseUrl, input.credentials);
      return check.ok
        ? {
            ok: true,
            baseUrl: input.baseUrl,
            dhis2: {
              version: check.info.version,
              serverDate: check.info.serverDate,
              serverTimeZoneId: check.info.serverTimeZoneId,
              systemName: check.info.systemName,
            },
            error: null,
          }
        : {
            ok: false,
            baseUrl: input.baseUrl,
            dhis2: null,
            error: { code: check.code, message: check.message },
          };
    },
  );

  app.post(
    '/dhis2/pulls',
    {
      schema: {
        tags: TAGS,
        summary:
          'Pull from DHIS2 now, in the background (what changed since the last complete pull); answers 202 with the run once DHIS2 answered, 409 while a pull runs',
        response: { 202: Dhis2PullCreatedResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireDhis2Admin(request);
      const connection = await findDhis2Connection(db);
      if (connection === undefined) {
        throw new ApiError('not_found', 'No DHIS2 connection is configured: save one first');
      }
      let runId: number;
      try {
        runId = await runner().start({
          userId: actor.userId,
          actor: actor.email,
          requestId: request.id,
        });
      } catch (error) {
        if (error instanceof Dhis2PullNotStarted) {
          throw new ApiError(error.reason === 'busy' ? 'conflict' : 'not_found', error.message);
        }
        if (error instanceof Dhis2Error) {
          throw new ValidationError(error.message, [
            { field: 'connection', code: `dhis2_${error.code}`, message: error.message },
          ]);
        }
        throw error;
      }
      await recordAudit(db, {
        userId: actor.userId,
        actor: actor.email,
        action: 'pull',
        entityType: 'dhis2_sync_run',
        entityId: String(runId),
        after: { connection: connection.baseUrl, trigger: 'manual' },
        requestId: request.id,
      });
      return reply.status(202).send({ id: runId, status: 'running' as const });
    },
  );

  app.get(
    '/dhis2/pulls',
    {
      schema: {
        tags: TAGS,
        summary: 'The most recent DHIS2 pulls of the connection, newest first',
        response: { 200: Dhis2RunListResponse, ...errors },
      },
    },
    async (request) => {
      requireDhis2Admin(request);
      const connection = await findDhis2Connection(db);
      const runs =
        connection === undefined ? [] : await listDhis2Runs(db, connection.id, LIST_LIMIT);
      return { runs: runs.map((r) => presentRun(r, runner())), pullRunning: runner().busy };
    },
  );

  app.get(
    '/dhis2/pulls/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One DHIS2 pull: status, counts, errors and, while it runs, its progress',
        params: Dhis2RunParams,
        response: { 200: Dhis2RunSchema, ...errors },
      },
    },
    async (request) => {
      requireDhis2Admin(request);
      const connection = await findDhis2Connection(db);
      const run =
        connection === undefined
          ? undefined
          : await findDhis2Run(db, connection.id, request.params.id);
      if (run === undefined) {
        throw notFound(`DHIS2 pull ${request.params.id}`);
      }
      return presentRun(run, runner());
    },
  );
}
