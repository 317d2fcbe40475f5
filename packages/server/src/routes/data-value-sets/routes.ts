/**
 * `GET /api/data-value-sets`: DHIS2's data value set export, streamed as DHIS2 JSON, DHIS2 CSV
 * or a FHIR Bundle of MeasureReports, limited to the caller's scope.
 */
import { ErrorEnvelope, ValidationError } from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { requireActor } from '../../auth/authenticate.ts';
import { ApiError } from '../../errors.ts';
import { EXPORT_MEDIA_TYPES } from '../../interop/writers/index.ts';
import { scopeRoots } from '../../policies/scope.ts';
import {
  openDataValueExport,
  type DataValueExport,
} from '../../services/data-value-export/index.ts';
import { DataValueSetsQuery, exportFormatOf, toExportFilter } from './export-query.ts';

/** The shapes of the 200 response, for OpenAPI (the stream itself is not re-validated). */
const DhisJsonSchema = Type.Object({
  dataValues: Type.Array(
    Type.Object({
      dataElement: Type.String(),
      period: Type.String(),
      orgUnit: Type.String(),
      categoryOptionCombo: Type.String(),
      attributeOptionCombo: Type.String(),
      value: Type.Optional(Type.String()),
      storedBy: Type.Optional(Type.String()),
      created: Type.String(),
      lastUpdated: Type.String(),
      comment: Type.Optional(Type.String()),
      followup: Type.Boolean(),
      deleted: Type.Optional(Type.Boolean()),
    }),
  ),
});
const FhirBundleSchema = Type.Object({
  resourceType: Type.Literal('Bundle'),
  type: Type.Literal('collection'),
  entry: Type.Array(
    Type.Object({ resource: Type.Object({ resourceType: Type.Literal('MeasureReport') }) }),
  ),
});

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  422: ErrorEnvelope,
};

/** The service names parameters; the API names them `querystring.…`. */
function asApiError(error: ValidationError): ApiError {
  const issues = error.issues.map((i) => ({ ...i, field: `querystring.${i.field}` }));
  const missing = issues.some((i) => i.code === 'required');
  return new ApiError(missing ? 'bad_request' : 'validation_failed', error.message, issues);
}

/** `/api/data-value-sets`: data value export. */
export function dataValueSetRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/data-value-sets',
    {
      schema: {
        tags: ['data'],
        summary: 'Export data values as DHIS2 JSON, DHIS2 CSV or FHIR MeasureReports (streamed)',
        description:
          "DHIS2's GET /api/dataValueSets. Give at least one of dataSet, dataElementGroup or " +
          'dataElement and one of orgUnit or orgUnitGroup; children=true adds every descendant. ' +
          'Org units must lie within your scope (403 otherwise); values outside it are never ' +
          'returned. Deleted values only with includeDeleted=true. The format is the format ' +
          'parameter, else the Accept header (application/json, application/csv or text/csv, ' +
          'application/fhir+json).',
        querystring: DataValueSetsQuery,
        response: {
          200: {
            description: 'The data values, streamed in the chosen format',
            content: {
              'application/json': { schema: DhisJsonSchema },
              'application/csv': { schema: Type.String() },
              'application/fhir+json': { schema: FhirBundleSchema },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const filter = toExportFilter(request.query);
      const format = exportFormatOf(request.query.format, request.headers.accept);
      let exported: DataValueExport;
      try {
        exported = await openDataValueExport(db, filter, {
          readableOrgUnitPaths: scopeRoots(actor).map((a) => a.path),
        });
      } catch (error) {
        throw error instanceof ValidationError ? asApiError(error) : error;
      }
      const stream = Readable.from(exported.text(format));
      stream.on('error', (error) => request.log.error({ err: error }, 'export failed mid-stream'));
      // The typed reply only knows the JSON schemas; a stream is sent as is.
      const plain: FastifyReply = reply;
      return plain.type(`${EXPORT_MEDIA_TYPES[format]}; charset=utf-8`).send(stream);
    },
  );
}
