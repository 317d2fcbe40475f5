/**
 * `/api/imports`: data value files uploaded, imported in the background as jobs, and the
 * DHIS2-shaped import summary each job ends with.
 */
import { Type, type Static } from 'typebox';

const IdSchemeSchema = Type.Union([
  Type.Literal('uid'),
  Type.Literal('code'),
  Type.Literal('name'),
]);

/** The formats an upload may name (`auto`, or omitted, detects it). */
export const ImportFormatSchema = Type.Union([
  Type.Literal('auto'),
  Type.Literal('dhis2-json'),
  Type.Literal('dhis2-csv'),
  Type.Literal('dhis2-xml'),
  Type.Literal('adx'),
  Type.Literal('fhir'),
  Type.Literal('csv'),
]);
export type ImportFormat = Static<typeof ImportFormatSchema>;

export const ImportStrategySchema = Type.Union([
  Type.Literal('CREATE'),
  Type.Literal('UPDATE'),
  Type.Literal('CREATE_AND_UPDATE'),
  Type.Literal('DELETE'),
]);

/** One problem, naming the field and the rows (DHIS2 `ImportConflict`). */
export const ImportConflictSchema = Type.Object({
  object: Type.String(),
  value: Type.String(),
  errorCode: Type.String(),
  property: Type.String(),
  indexes: Type.Array(Type.Integer()),
});

/** The import summary in DHIS2's shape, as `/api/dataValueSets` answers. */
export const ImportSummarySchema = Type.Object({
  responseType: Type.Literal('ImportSummary'),
  status: Type.Union([Type.Literal('SUCCESS'), Type.Literal('WARNING'), Type.Literal('ERROR')]),
  description: Type.String(),
  importOptions: Type.Object({
    dryRun: Type.Boolean(),
    importStrategy: ImportStrategySchema,
    skipInvalid: Type.Boolean(),
    idSchemes: Type.Record(Type.String(), IdSchemeSchema),
  }),
  importCount: Type.Object({
    imported: Type.Integer(),
    updated: Type.Integer(),
    ignored: Type.Integer(),
    deleted: Type.Integer(),
  }),
  conflicts: Type.Array(ImportConflictSchema),
  dataSetComplete: Type.Union([Type.String(), Type.Literal(false)]),
  stats: Type.Optional(Type.Object({ rows: Type.Integer(), seconds: Type.Number() })),
});
/** The summary as the API sends it (the JSON form of `ImportSummary`). */
export type ImportSummaryJson = Static<typeof ImportSummarySchema>;

/** queued → running → succeeded (the summary says what landed) or failed (the file could not be read). */
export const ImportJobStatusSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
]);
export type ImportJobStatus = Static<typeof ImportJobStatusSchema>;

/** The options a job runs with. */
export const ImportJobOptionsSchema = Type.Object({
  format: ImportFormatSchema,
  idScheme: Type.Optional(IdSchemeSchema),
  importStrategy: ImportStrategySchema,
  dryRun: Type.Boolean(),
  skipInvalid: Type.Boolean(),
});
export type ImportJobOptions = Static<typeof ImportJobOptionsSchema>;

/** Rows read and bytes consumed so far. */
export const ImportJobProgressSchema = Type.Object({
  rows: Type.Integer(),
  bytes: Type.Integer(),
  totalBytes: Type.Integer(),
});
export type ImportJobProgress = Static<typeof ImportJobProgressSchema>;

const jobFields = {
  id: Type.String(),
  status: ImportJobStatusSchema,
  /** The format named or detected (`auto` until the file is opened). */
  format: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  options: ImportJobOptionsSchema,
  progress: Type.Union([ImportJobProgressSchema, Type.Null()]),
  /** Why a failed job failed (the file could not be read at all). */
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
};

/** `GET /api/imports/:id`: the job, with the whole summary once it has succeeded. */
export const ImportJobSchema = Type.Object({
  ...jobFields,
  summary: Type.Union([ImportSummarySchema, Type.Null()]),
});
export type ImportJob = Static<typeof ImportJobSchema>;

/** One line of `GET /api/imports`: the job with the summary's status and counts only. */
export const ImportJobListItemSchema = Type.Object({
  ...jobFields,
  result: Type.Union([
    Type.Object({
      status: Type.Union([Type.Literal('SUCCESS'), Type.Literal('WARNING'), Type.Literal('ERROR')]),
      importCount: Type.Object({
        imported: Type.Integer(),
        updated: Type.Integer(),
        ignored: Type.Integer(),
        deleted: Type.Integer(),
      }),
      conflictCount: Type.Integer(),
    }),
    Type.Null(),
  ]),
});
export type ImportJobListItem = Static<typeof ImportJobListItemSchema>;

export const ImportJobListResponse = Type.Object({ jobs: Type.Array(ImportJobListItemSchema) });
export type ImportJobListResponse = Static<typeof ImportJobListResponse>;

/** `POST /api/imports` answers 202 at once: the job runs in the background. */
export const ImportJobCreatedResponse = Type.Object({
  id: Type.String(),
  status: ImportJobStatusSchema,
});
export type ImportJobCreatedResponse = Static<typeof ImportJobCreatedResponse>;

export const ImportJobParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
