import {
  CompletenessQuery,
  CompletenessResponse,
  ErrorEnvelope,
  parsePeriodId,
  periodRange,
  type Issue,
  type Period,
} from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../auth/authenticate.ts';
import { ApiError } from '../../errors.ts';
import { assertRoleAt } from '../../policies/guards.ts';
import { reportingCompleteness } from '../../services/completeness/index.ts';
import { findOrgUnit } from '../../services/find-org-unit.ts';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  422: ErrorEnvelope,
};
/** Most periods one request may ask for. */
const MAX_PERIODS = 120;

function invalid(field: string, code: string, message: string): ApiError {
  const issue: Issue = { field: `querystring.${field}`, code, message };
  return new ApiError('validation_failed', message, [issue]);
}

function parseRange(startId: string, endId: string): Period[] {
  const parse = (field: string, id: string): Period => {
    try {
      return parsePeriodId(id);
    } catch (error) {
      throw invalid(field, 'invalid_period', (error as Error).message);
    }
  };
  const start = parse('start', startId);
  const end = parse('end', endId);
  if (start.type !== end.type) {
    throw invalid(
      'end',
      'period_type_mismatch',
      `end ${end.id} is ${end.type} but start ${start.id} is ${start.type}`,
    );
  }
  if (start.startDate > end.startDate) {
    throw invalid('end', 'period_order', `end ${end.id} is before start ${start.id}`);
  }
  const periods = periodRange(start, end);
  if (periods.length > MAX_PERIODS) {
    throw invalid(
      'end',
      'range_too_long',
      `The range holds ${periods.length} periods; ask for at most ${MAX_PERIODS}`,
    );
  }
  return periods;
}

/** `/api/completeness`: reporting completeness of a data set (DHIS2 reporting rates). */
export function completenessRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/completeness',
    {
      schema: {
        tags: ['data'],
        summary:
          'Reporting completeness of a data set for an org unit and its children, per period (expected, complete, on time, with values)',
        querystring: CompletenessQuery,
        response: { 200: CompletenessResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const orgUnit = await findOrgUnit(db, q.orgUnit);
      assertRoleAt(actor, orgUnit, 'viewer');
      const periods = parseRange(q.start, q.end);
      const result = await reportingCompleteness(db, {
        dataSetId: q.dataSet,
        orgUnitId: orgUnit.id,
        periods,
      });
      return {
        dataSet: result.dataSet,
        orgUnit: { id: orgUnit.id, name: orgUnit.name, level: orgUnit.level },
        periodType: periods[0].type,
        rows: [...result.rows],
      };
    },
  );
}
