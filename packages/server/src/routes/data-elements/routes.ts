import { DataElementListResponse, DataElementSchema, ErrorEnvelope, Uid } from '@sankofa/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../auth/authenticate.ts';
import { notFound } from '../../errors.ts';
import { loadDataElements } from '../../presenters/metadata.ts';

/** `/api/data-elements`: shared metadata, readable by every signed-in user. */
export function dataElementRoutes(parent: FastifyInstance): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;

  app.get(
    '/data-elements',
    {
      schema: {
        tags: ['metadata'],
        summary: 'Every data element with its disaggregations',
        response: { 200: DataElementListResponse, 401: ErrorEnvelope },
      },
    },
    async (request) => {
      requireActor(request);
      return { dataElements: await loadDataElements(db) };
    },
  );

  app.get(
    '/data-elements/:id',
    {
      schema: {
        tags: ['metadata'],
        summary: 'One data element',
        params: Type.Object({ id: Uid }),
        response: {
          200: Type.Object({ dataElement: DataElementSchema }),
          401: ErrorEnvelope,
          404: ErrorEnvelope,
        },
      },
    },
    async (request) => {
      requireActor(request);
      const [dataElement] = await loadDataElements(db, [request.params.id]);
      if (dataElement === undefined) {
        throw notFound(`Data element ${request.params.id}`);
      }
      return { dataElement };
    },
  );
}
