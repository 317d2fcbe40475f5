import {
  ErrorEnvelope,
  ImportJobCreatedResponse,
  ImportJobListResponse,
  ImportJobParams,
  ImportJobSchema,
} from '@sankofa/core';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { rm } from 'node:fs/promises';
import type { Actor } from '../../auth/actor.ts';
import { requireActor } from '../../auth/authenticate.ts';
import { forbidden, notFound } from '../../errors.ts';
import { hasRootRole, roleRank } from '../../policies/scope.ts';
import {
  createImportJob,
  createImportJobRunner,
  failInterruptedImportJobs,
  findImportJob,
  listImportJobs,
  presentImportJob,
  presentImportJobListItem,
  withLiveProgress,
} from '../../services/import-jobs/index.ts';
import { parseImportFields, type ImportFields } from './parse-import-fields.ts';
import { receiveUpload } from './receive-upload.ts';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  413: ErrorEnvelope,
  415: ErrorEnvelope,
};

/** Jobs `GET /api/imports` lists. */
const LIST_LIMIT = 20;
/** How long closing the server waits for a running import before leaving it to be marked failed. */
const CLOSE_WAIT_MS = 10_000;

/** The upload limit: `SANKOFA_IMPORT_MAX_MB` (default 200 MB). */
export function importMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SANKOFA_IMPORT_MAX_MB;
  const mb = raw === undefined || raw === '' ? 200 : Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new Error(`SANKOFA_IMPORT_MAX_MB must be a positive number, got "${raw}"`);
  }
  return Math.floor(mb * 1024 * 1024);
}

/** True when the actor manages or administers some org unit: the people who may import. */
function canImport(actor: Actor): boolean {
  return actor.assignments.some((a) => roleRank(a.role) >= roleRank('manager'));
}

/** The subtrees the actor may write data values in (contributor and above). */
function writablePaths(actor: Actor): string[] {
  return actor.assignments
    .filter((a) => roleRank(a.role) >= roleRank('contributor'))
    .map((a) => a.path);
}

/**
 * `/api/imports`: upload a data value file (DHIS2 JSON/CSV/XML, ADX, FHIR MeasureReport or CSV
 * with a mapping), imported in the background as a job; poll the job for progress and summary.
 * A plugin of its own so the multipart parser and its size limit apply to these routes only.
 */
export async function importRoutes(parent: FastifyInstance): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.adapter;
  const maxBytes = importMaxBytes();
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 20 } });

  const interrupted = await failInterruptedImportJobs(db);
  if (interrupted > 0) {
    app.log.warn({ interrupted }, 'marked import jobs cut short by a restart as failed');
  }
  const runner = createImportJobRunner(
    db,
    (error) => app.log.error({ err: error }, 'import job error'),
    // Every import that landed is followed by a signal scan (issue #5).
    { onLanded: () => app.signalScanner.request({ reason: 'import' }) },
  );
  app.addHook('onClose', async () => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      runner.idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    // A worker still importing is stopped: its transaction rolls back.
    await runner.stop();
  });

  app.post(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Upload a data value file (multipart: file, format?, idScheme?, importStrategy?, dryRun?, skipInvalid?, mapping? = CSV column mapping JSON); managers and admins; answers 202 with the job to poll',
        consumes: ['multipart/form-data'],
        response: { 202: ImportJobCreatedResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!canImport(actor)) {
        throw forbidden('Only managers and admins can import data files');
      }
      const upload = await receiveUpload(request, maxBytes);
      let id: string;
      let fields: ImportFields;
      try {
        fields = parseImportFields(upload.fields);
        id = await createImportJob(db, {
          userId: actor.userId,
          actor: actor.email,
          fileName: upload.fileName,
          options: fields.options,
        });
      } catch (error) {
        await rm(upload.tempDir, { recursive: true, force: true });
        throw error;
      }
      runner.enqueue({
        id,
        filePath: upload.filePath,
        tempDir: upload.tempDir,
        options: fields.options,
        ...(fields.csvMapping === undefined ? {} : { csvMapping: fields.csvMapping }),
        actor: { userId: actor.userId, actor: actor.email, requestId: request.id },
        writableOrgUnitPaths: writablePaths(actor),
      });
      return reply.status(202).send({ id, status: 'queued' as const });
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Your most recent imports, newest first',
        response: { 200: ImportJobListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listImportJobs(db, actor.userId, LIST_LIMIT);
      return {
        jobs: rows.map((row) =>
          presentImportJobListItem(withLiveProgress(row, runner.progressOf(row.id))),
        ),
      };
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'One import: status, progress and, when done, the DHIS2-shaped import summary',
        params: ImportJobParams,
        response: { 200: ImportJobSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await findImportJob(db, request.params.id);
      if (row === undefined || (row.userId !== actor.userId && !hasRootRole(actor, 'admin'))) {
        throw notFound(`Import ${request.params.id}`);
      }
      return presentImportJob(withLiveProgress(row, runner.progressOf(row.id)));
    },
  );
}
