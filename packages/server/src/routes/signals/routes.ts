import {
  ErrorEnvelope,
  SignalBulkBody,
  SignalBulkResponse,
  SignalIdParams,
  SignalListQuery,
  SignalListResponse,
  SignalResponse,
  SignalScanBody,
  SignalScanStatusResponse,
  SignalStatusBody,
} from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { requireActor } from '../../auth/authenticate.ts';
import { forbidden } from '../../errors.ts';
import { hasRootRole, roleRank } from '../../policies/scope.ts';
import { changeSignalStatuses, getSignal, listSignals } from '../../services/signals/index.ts';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  422: ErrorEnvelope,
};

/**
 * `/api/signals`: the signal inbox. Viewers read within their scope; managers and admins move
 * signals along the lifecycle (see services/signals/README.md).
 */
export function signalRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  /** The scanner's state; the counts span the whole country, so only admins get them. */
  const scanStatus = (actor: Actor): SignalScanStatusResponse => {
    const status = app.signalScanner.status();
    const last = status.last;
    return {
      running: status.running,
      queued: status.queued,
      progress: status.progress,
      last:
        last === null
          ? null
          : { ...last, result: hasRootRole(actor, 'admin') ? last.result : null },
    };
  };

  app.get(
    '/signals/scan',
    {
      schema: {
        tags: ['signals'],
        summary:
          'The signal scan run after every import that landed: running or not, its progress, and how the last one ended',
        response: { 200: SignalScanStatusResponse, ...errors },
      },
    },
    (request) => Promise.resolve(scanStatus(requireActor(request))),
  );

  app.post(
    '/signals/scan',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Scan now (managers and admins): starts a scan, or queues one after the running scan; poll GET /signals/scan',
        body: Type.Optional(SignalScanBody),
        response: { 202: SignalScanStatusResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!actor.assignments.some((a) => roleRank(a.role) >= roleRank('manager'))) {
        throw forbidden('Only managers and admins can start a signal scan');
      }
      app.signalScanner.request({
        reason: 'on_demand',
        actor: actor.email,
        userId: actor.userId,
        full: request.body?.full === true,
      });
      return reply.code(202).send(scanStatus(actor));
    },
  );

  app.get(
    '/signals',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Signals in your scope, filtered, in priority order (kind, larger population, more recent), with counts per kind and status',
        querystring: SignalListQuery,
        response: { 200: SignalListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      return listSignals(
        db,
        actor,
        {
          orgUnitId: q.orgUnit,
          indicatorId: q.indicator,
          kinds: q.kind,
          statuses: q.status,
          start: q.start,
          end: q.end,
        },
        { limit: q.limit ?? 50, offset: q.offset ?? 0 },
      );
    },
  );

  app.get(
    '/signals/:id',
    {
      schema: {
        tags: ['signals'],
        summary: 'One signal in your scope (404 otherwise)',
        params: SignalIdParams,
        response: { 200: SignalResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { signal: await getSignal(db, actor, request.params.id) };
    },
  );

  app.patch(
    '/signals/:id',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Change a signal’s status (managers and admins; dismissing needs a reason; audited)',
        params: SignalIdParams,
        body: SignalStatusBody,
        response: { 200: SignalResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [signal] = await changeSignalStatuses(
        db,
        actor,
        { ids: [request.params.id], status: request.body.status, reason: request.body.reason },
        request.id,
        () => 'params.id',
      );
      return { signal };
    },
  );

  app.post(
    '/signals/bulk',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Change the status of several signals at once, all or nothing (e.g. acknowledge or dismiss a selection)',
        body: SignalBulkBody,
        response: { 200: SignalBulkResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const signals = await changeSignalStatuses(
        db,
        actor,
        request.body,
        request.id,
        (index) => `body.ids.${index}`,
      );
      return { signals };
    },
  );
}
