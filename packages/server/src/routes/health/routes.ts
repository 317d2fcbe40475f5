import { HealthResponse } from '@sankofa/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { VERSION } from '../../version.ts';

/** `GET /api/health`: the server is up and its database answers. */
export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        security: [],
        response: { 200: HealthResponse },
      },
    },
    async () => {
      await sql`select 1`.execute(app.adapter.db);
      return { status: 'ok' as const, database: app.adapter.name, version: VERSION };
    },
  );
}
