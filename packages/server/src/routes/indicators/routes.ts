import {
  ErrorEnvelope,
  IndicatorCreateBody,
  IndicatorListResponse,
  IndicatorResponse,
  IndicatorTypeListResponse,
  Uid,
  collectDataItems,
  parseExpression,
  type Issue,
} from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { Type } from 'typebox';
import { requireActor } from '../../auth/authenticate.ts';
import type { Database } from '../../db/schema.ts';
import { ApiError, notFound } from '../../errors.ts';
import { generateUid, nowIso } from '../../ids.ts';
import { assertMetadataAdmin } from '../../policies/guards.ts';
import { presentIndicator, selectIndicators } from '../../presenters/metadata.ts';
import { recordAudit } from '../../services/audit.ts';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  422: ErrorEnvelope,
};

/** Checks that an expression parses and that every data element it names exists. */
async function expressionIssues(
  db: Kysely<Database> | Transaction<Database>,
  field: 'numerator' | 'denominator',
  expression: string,
): Promise<Issue[]> {
  let ids: string[];
  try {
    ids = [
      ...new Set(
        collectDataItems(parseExpression(expression, `body.${field}`)).map((i) => i.dataElementId),
      ),
    ];
  } catch (error) {
    return [
      { field: `body.${field}`, code: 'invalid_expression', message: (error as Error).message },
    ];
  }
  if (ids.length === 0) {
    return [];
  }
  const found = new Set(
    (await db.selectFrom('dataElements').select('id').where('id', 'in', ids).execute()).map(
      (r) => r.id,
    ),
  );
  return ids
    .filter((id) => !found.has(id))
    .map((id) => ({
      field: `body.${field}`,
      code: 'unknown_data_element',
      message: `${field} refers to data element ${id}, which does not exist`,
    }));
}

/** `/api/indicators` and `/api/indicator-types`: shared metadata. */
export function indicatorRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/indicators',
    {
      schema: {
        tags: ['metadata'],
        summary: 'Every indicator',
        response: { 200: IndicatorListResponse, 401: ErrorEnvelope },
      },
    },
    async (request) => {
      requireActor(request);
      const rows = await selectIndicators(db).orderBy('indicators.name').execute();
      return { indicators: rows.map(presentIndicator) };
    },
  );

  app.get(
    '/indicators/:id',
    {
      schema: {
        tags: ['metadata'],
        summary: 'One indicator',
        params: Type.Object({ id: Uid }),
        response: { 200: IndicatorResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const row = await selectIndicators(db)
        .where('indicators.id', '=', request.params.id)
        .executeTakeFirst();
      if (row === undefined) {
        throw notFound(`Indicator ${request.params.id}`);
      }
      return { indicator: presentIndicator(row) };
    },
  );

  app.get(
    '/indicator-types',
    {
      schema: {
        tags: ['metadata'],
        summary: 'Indicator types (factors)',
        response: { 200: IndicatorTypeListResponse, 401: ErrorEnvelope },
      },
    },
    async (request) => {
      requireActor(request);
      const rows = await db.selectFrom('indicatorTypes').selectAll().orderBy('name').execute();
      return {
        indicatorTypes: rows.map((r) => ({
          id: r.id,
          name: r.name,
          factor: r.factor,
          number: r.number === 1,
        })),
      };
    },
  );

  app.post(
    '/indicators',
    {
      schema: {
        tags: ['metadata'],
        summary: 'Define a local indicator (admins of the whole hierarchy)',
        body: IndicatorCreateBody,
        response: { 201: IndicatorResponse, ...errors, 409: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      assertMetadataAdmin(actor);
      const body = request.body;
      const indicator = await db.transaction().execute(async (trx) => {
        const issues = [
          ...(await expressionIssues(trx, 'numerator', body.numerator)),
          ...(await expressionIssues(trx, 'denominator', body.denominator)),
        ];
        const type = await trx
          .selectFrom('indicatorTypes')
          .select('id')
          .where('id', '=', body.indicatorTypeId)
          .executeTakeFirst();
        if (type === undefined) {
          issues.push({
            field: 'body.indicatorTypeId',
            code: 'unknown_indicator_type',
            message: `indicator type ${body.indicatorTypeId} does not exist`,
          });
        }
        if (issues.length > 0) {
          throw new ApiError('validation_failed', issues.map((i) => i.message).join('; '), issues);
        }
        const clash = await trx
          .selectFrom('indicators')
          .select(['name', 'code'])
          .where((eb) =>
            eb.or([
              eb('name', '=', body.name),
              ...(body.code === undefined ? [] : [eb('code', '=', body.code)]),
            ]),
          )
          .executeTakeFirst();
        if (clash !== undefined) {
          const field = clash.name === body.name ? 'name' : 'code';
          throw new ApiError('conflict', `An indicator with this ${field} already exists`, [
            { field: `body.${field}`, code: 'duplicate', message: `${field} is already in use` },
          ]);
        }
        const id = generateUid();
        const now = nowIso();
        await trx
          .insertInto('indicators')
          .values({
            id,
            code: body.code ?? null,
            name: body.name,
            shortName: body.shortName ?? null,
            description: body.description ?? null,
            numerator: body.numerator,
            numeratorDescription: null,
            denominator: body.denominator,
            denominatorDescription: null,
            indicatorTypeId: body.indicatorTypeId,
            annualized: 0,
            decimals: null,
            kind: body.kind,
            desiredDirection: body.desiredDirection ?? 'none',
            target: body.target ?? null,
            defaultChartType: body.defaultChartType ?? 'run',
            notifiable: body.notifiable === true ? 1 : 0,
            source: 'local',
            createdAt: now,
            updatedAt: now,
          })
          .execute();
        const created = presentIndicator(
          await selectIndicators(trx).where('indicators.id', '=', id).executeTakeFirstOrThrow(),
        );
        await recordAudit(trx, {
          userId: actor.userId,
          actor: actor.email,
          action: 'create',
          entityType: 'indicator',
          entityId: id,
          after: created,
          requestId: request.id,
        });
        return created;
      });
      return reply.status(201).send({ indicator });
    },
  );
}
