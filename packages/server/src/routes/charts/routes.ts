import {
  ChartSettingsBody,
  ErrorEnvelope,
  FunnelChartQuery,
  FunnelChartResponse,
  SpcChartQuery,
  SpcChartResponse,
} from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../auth/authenticate.ts';
import { assertRoleAt } from '../../policies/guards.ts';
import { hasRoleAt } from '../../policies/scope.ts';
import { findOrgUnit } from '../../services/find-org-unit.ts';
import {
  indicatorSpcChart,
  peerFunnel,
  saveChartSettings,
} from '../../services/spc-chart/index.ts';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  422: ErrorEnvelope,
};

/**
 * `/api/charts/spc` (viewers within scope): an indicator × org unit's SPC chart as the signal
 * scan reads it; `/api/chart-settings` (managers within scope): its baseline, phases and preset,
 * audited because they change the limits everyone sees.
 */
export function chartRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/charts/spc',
    {
      schema: {
        tags: ['signals'],
        summary:
          'The SPC chart of an indicator for an org unit: the last 36 months, centre line and limits per part, the points each rule flagged',
        querystring: SpcChartQuery,
        response: { 200: SpcChartResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const orgUnit = await findOrgUnit(db, request.query.orgUnit);
      assertRoleAt(actor, orgUnit, 'viewer');
      return indicatorSpcChart(db, request.query.indicator, orgUnit);
    },
  );

  app.get(
    '/charts/funnel',
    {
      schema: {
        tags: ['signals'],
        summary:
          "A funnel plot of one month: the org unit among its siblings when the caller sees its parent, else the org unit's children",
        querystring: FunnelChartQuery,
        response: { 200: FunnelChartResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { indicator, period } = request.query;
      const orgUnit = await findOrgUnit(db, request.query.orgUnit);
      assertRoleAt(actor, orgUnit, 'viewer');
      const parent = orgUnit.parentId === null ? null : await findOrgUnit(db, orgUnit.parentId);
      // Siblings only when the caller may see them all (their parent is within scope).
      return parent !== null && hasRoleAt(actor, parent.path, 'viewer')
        ? peerFunnel(db, indicator, parent, 'siblings', orgUnit.id, period)
        : peerFunnel(db, indicator, orgUnit, 'children', null, period);
    },
  );

  app.put(
    '/chart-settings',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Set the baseline (limits frozen on it), phase splits and rule-set preset of an indicator × org unit chart (managers within scope; audited); answers with the chart',
        body: ChartSettingsBody,
        response: { 200: SpcChartResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const orgUnit = await findOrgUnit(db, request.body.orgUnit);
      assertRoleAt(actor, orgUnit, 'manager');
      await saveChartSettings(
        db,
        request.body,
        { userId: actor.userId, email: actor.email, requestId: request.id },
        orgUnit.id,
      );
      // The limits everyone sees changed: the next scan reads the series again.
      app.signalScanner.request({ reason: 'on_demand', actor: actor.email, userId: actor.userId });
      return indicatorSpcChart(db, request.body.indicator, orgUnit);
    },
  );
}
