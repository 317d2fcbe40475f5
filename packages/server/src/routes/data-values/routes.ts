import {
  DataValueKeyQuery,
  DataValueResponse,
  DataValueSeriesQuery,
  DataValueSeriesResponse,
  DataValueWriteBody,
  ErrorEnvelope,
  parsePeriodId,
  periodRange,
  type Issue,
  type Period,
} from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../auth/authenticate.ts';
import { ApiError, notFound } from '../../errors.ts';
import { assertRoleAt } from '../../policies/guards.ts';
import { findOrgUnit } from '../../services/find-org-unit.ts';
import { querySeries, type SeriesSubject } from '../../services/query-series.ts';
import { deleteDataValue, writeDataValue } from '../../services/write-data-value.ts';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  422: ErrorEnvelope,
};
/** Longest series one request may ask for (e.g. 10 years of weeks). */
const MAX_PERIODS = 600;

function parseRange(startId: string, endId: string): Period[] {
  const issues: Issue[] = [];
  const parse = (field: string, id: string): Period | undefined => {
    try {
      return parsePeriodId(id);
    } catch (error) {
      issues.push({
        field: `querystring.${field}`,
        code: 'invalid_period',
        message: (error as Error).message,
      });
      return undefined;
    }
  };
  const start = parse('startPeriod', startId);
  const end = parse('endPeriod', endId);
  if (start !== undefined && end !== undefined) {
    if (start.type !== end.type) {
      issues.push({
        field: 'querystring.endPeriod',
        code: 'period_type_mismatch',
        message: `endPeriod ${end.id} is ${end.type} but startPeriod ${start.id} is ${start.type}`,
      });
    } else if (start.startDate > end.startDate) {
      issues.push({
        field: 'querystring.endPeriod',
        code: 'period_order',
        message: `endPeriod ${end.id} is before startPeriod ${start.id}`,
      });
    }
  }
  if (issues.length > 0 || start === undefined || end === undefined) {
    throw new ApiError('validation_failed', issues.map((i) => i.message).join('; '), issues);
  }
  const periods = periodRange(start, end);
  if (periods.length > MAX_PERIODS) {
    throw new ApiError(
      'validation_failed',
      `The range holds ${periods.length} periods; ask for at most ${MAX_PERIODS}`,
      [
        {
          field: 'querystring.endPeriod',
          code: 'range_too_long',
          message: `at most ${MAX_PERIODS} periods per request`,
        },
      ],
    );
  }
  return periods;
}

/** `/api/data-values`: series for charts, and single-value writes. */
export function dataValueRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/data-values',
    {
      schema: {
        tags: ['data'],
        summary:
          'A series of an indicator or a data element for an org unit (its subtree aggregated) over a period range',
        querystring: DataValueSeriesQuery,
        response: { 200: DataValueSeriesResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      if ((q.indicator === undefined) === (q.dataElement === undefined)) {
        throw new ApiError('bad_request', 'Give exactly one of indicator or dataElement', [
          {
            field: 'querystring.indicator',
            code: 'one_of',
            message: 'exactly one of indicator or dataElement is required',
          },
        ]);
      }
      const orgUnit = await findOrgUnit(db, q.orgUnit);
      assertRoleAt(actor, orgUnit, 'viewer');
      const periods = parseRange(q.startPeriod, q.endPeriod);
      let subject: SeriesSubject;
      let described: { kind: 'indicator' | 'dataElement'; id: string; name: string };
      if (q.indicator !== undefined) {
        const indicator = await db
          .selectFrom('indicators')
          .innerJoin('indicatorTypes', 'indicatorTypes.id', 'indicators.indicatorTypeId')
          .select([
            'indicators.id',
            'indicators.name',
            'indicators.numerator',
            'indicators.denominator',
            'indicators.annualized',
            'indicatorTypes.factor',
          ])
          .where('indicators.id', '=', q.indicator)
          .executeTakeFirst();
        if (indicator === undefined) {
          throw notFound(`Indicator ${q.indicator}`);
        }
        subject = {
          kind: 'indicator',
          numerator: indicator.numerator,
          denominator: indicator.denominator,
          factor: indicator.factor,
          annualized: indicator.annualized === 1,
        };
        described = { kind: 'indicator', id: indicator.id, name: indicator.name };
      } else {
        const dataElement = await db
          .selectFrom('dataElements')
          .select(['id', 'name'])
          .where('id', '=', q.dataElement!)
          .executeTakeFirst();
        if (dataElement === undefined) {
          throw notFound(`Data element ${q.dataElement}`);
        }
        subject = {
          kind: 'dataElement',
          dataElementId: dataElement.id,
          categoryOptionComboId: q.categoryOptionCombo,
        };
        described = { kind: 'dataElement', id: dataElement.id, name: dataElement.name };
      }
      return {
        orgUnit: { id: orgUnit.id, name: orgUnit.name, level: orgUnit.level },
        subject: described,
        periodType: periods[0].type,
        points: await querySeries(db, { subject, orgUnitId: orgUnit.id, periods }),
      };
    },
  );

  app.put(
    '/data-values',
    {
      schema: {
        tags: ['data'],
        summary: 'Store one data value (contributors and above, within scope)',
        body: DataValueWriteBody,
        response: { 200: DataValueResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { dataValue: await writeDataValue(db, actor, request.body, request.id) };
    },
  );

  app.delete(
    '/data-values',
    {
      schema: {
        tags: ['data'],
        summary: 'Delete one data value (soft delete, as DHIS2)',
        querystring: DataValueKeyQuery,
        response: { 200: DataValueResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { dataValue: await deleteDataValue(db, actor, request.query, request.id) };
    },
  );
}
