/**
 * Data value export, as DHIS2's `GET /api/dataValueSets`: check the request, then stream the
 * selected values in DHIS2 JSON, DHIS2 CSV or FHIR MeasureReport text.
 */
import type { Kysely } from 'kysely';
import type { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/schema.ts';
import {
  writeDataValues,
  type ExportedDataValue,
  type ExportFormat,
} from '../../interop/writers/index.ts';
import type { DataValueExportFilter, DataValueExportScope } from './export-request.ts';
import { loadOptionComboLookup } from './option-combo-lookup.ts';
import { resolveExportFilter, type ResolvedExport } from './resolve-export-filter.ts';
import { streamDataValues } from './stream-data-values.ts';

/** Counts, known once the text has been consumed. */
export interface ExportStats {
  /** Values read from the database. */
  values: number;
  /** Values the format could not carry (FHIR: deleted or not a number). */
  skipped: number;
}

/** A checked export, ready to stream. */
export interface DataValueExport {
  readonly request: ResolvedExport;
  /** The values, streamed from the database in key order. */
  values(): AsyncGenerator<ExportedDataValue>;
  /** The values as text in `format`, in chunks of about 64 KiB; fills `stats` as it goes. */
  text(format: ExportFormat): AsyncGenerator<string>;
  readonly stats: ExportStats;
}

export interface OpenExportOptions {
  /** The clock for `lastUpdatedDuration` (default: now). */
  readonly now?: Date;
  /** Values per database query (default 1000). */
  readonly chunkSize?: number;
}

/**
 * Checks an export request (every problem is thrown before any value is read) and returns it
 * ready to stream.
 *
 * @throws ValidationError naming each bad parameter; ApiError 403 for an org unit out of scope.
 */
export async function openDataValueExport(
  db: Kysely<Database>,
  filter: DataValueExportFilter,
  scope: DataValueExportScope,
  options: OpenExportOptions = {},
): Promise<DataValueExport> {
  const request = await resolveExportFilter(db, filter, scope, options.now ?? new Date());
  const stats: ExportStats = { values: 0, skipped: 0 };
  async function* values(): AsyncGenerator<ExportedDataValue> {
    for await (const value of streamDataValues(db, request, options.chunkSize)) {
      stats.values++;
      yield value;
    }
  }
  return {
    request,
    stats,
    values,
    async *text(format) {
      const fhir =
        format === 'fhir'
          ? {
              categoryOptions: await loadOptionComboLookup(db, request.idScheme),
              onSkip: () => {
                stats.skipped++;
              },
            }
          : undefined;
      yield* writeDataValues(format, values(), {
        includeDeleted: request.includeDeleted,
        ...(fhir === undefined ? {} : { fhir }),
      });
    },
  };
}

/**
 * Writes an export to a stream (a file, stdout), with back-pressure.
 *
 * @example
 *   await exportDataValues(db, { dataSet: ['pBOMPrpg1QX'], orgUnit: ['ImspTQPwCqd'],
 *     children: true }, process.stdout, { format: 'dhis2-csv' });
 * @returns How many values were written and skipped.
 */
export async function exportDataValues(
  db: Kysely<Database>,
  filter: DataValueExportFilter,
  sink: Writable,
  options: OpenExportOptions & {
    readonly format: ExportFormat;
    readonly scope?: DataValueExportScope;
    /** Leave the sink open at the end (stdout). */
    readonly keepOpen?: boolean;
  },
): Promise<ExportStats> {
  const exported = await openDataValueExport(
    db,
    filter,
    options.scope ?? { readableOrgUnitPaths: null },
    options,
  );
  await pipeline(Readable.from(exported.text(options.format)), sink, {
    end: options.keepOpen !== true,
  });
  return exported.stats;
}
