/**
 * `sankofa export`: data values out as DHIS2 JSON, DHIS2 CSV or a FHIR Bundle of
 * MeasureReports, with DHIS2's `/api/dataValueSets` filters, streamed to stdout or a file. The
 * CLI is the machine's administrator: its scope is unrestricted. Exit 0 when the export was
 * written, 1 when it failed, 2 for a bad command line.
 */
import { ValidationError, type IdScheme } from '@sankofa/core';
import { Command, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_FORMATS, type ExportFormat } from '../../../server/src/interop/writers/index.ts';
import {
  openDataValueExport,
  type DataValueExport,
  type DataValueExportFilter,
} from '../../../server/src/services/data-value-export/index.ts';
import { processIo, usageExitCode, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase, parseCount } from '../database-option.ts';

interface ExportCommandOptions {
  format: ExportFormat;
  dataElement?: string[];
  dataElementGroup?: string[];
  dataSet?: string[];
  period?: string[];
  start?: string;
  end?: string;
  orgUnit?: string[];
  orgUnitGroup?: string[];
  children?: boolean;
  lastUpdated?: string;
  includeDeleted?: boolean;
  limit?: number;
  idScheme?: IdScheme;
  output?: string;
  database?: string;
}

const USAGE_EXIT = 2;

/** The flag of each filter field, for error messages. */
const FLAGS: Readonly<Record<string, string>> = {
  dataElement: '--data-element',
  dataElementGroup: '--data-element-group',
  dataSet: '--data-set',
  period: '--period',
  startDate: '--start',
  endDate: '--end',
  orgUnit: '--org-unit',
  orgUnitGroup: '--org-unit-group',
  lastUpdated: '--last-updated',
  limit: '--limit',
};

/** Repeatable, comma-separated list flags. */
const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
];

function toFilter(o: ExportCommandOptions): DataValueExportFilter {
  return {
    ...(o.dataElement === undefined ? {} : { dataElement: o.dataElement }),
    ...(o.dataElementGroup === undefined ? {} : { dataElementGroup: o.dataElementGroup }),
    ...(o.dataSet === undefined ? {} : { dataSet: o.dataSet }),
    ...(o.period === undefined ? {} : { period: o.period }),
    ...(o.start === undefined ? {} : { startDate: o.start }),
    ...(o.end === undefined ? {} : { endDate: o.end }),
    ...(o.orgUnit === undefined ? {} : { orgUnit: o.orgUnit }),
    ...(o.orgUnitGroup === undefined ? {} : { orgUnitGroup: o.orgUnitGroup }),
    children: o.children === true,
    ...(o.lastUpdated === undefined ? {} : { lastUpdated: o.lastUpdated }),
    includeDeleted: o.includeDeleted === true,
    ...(o.limit === undefined ? {} : { limit: o.limit }),
    ...(o.idScheme === undefined ? {} : { idScheme: o.idScheme }),
  };
}

/** `sankofa export`. */
export function exportCommand(io: CliIo = processIo()): Command {
  const command = new Command('export')
    .description(
      'export data values as DHIS2 JSON, DHIS2 CSV or FHIR MeasureReports (to stdout or --output)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...EXPORT_FORMATS])
        .default('dhis2-json'),
    )
    .option('--data-element <id>', 'data element uid (repeat or comma-separate)', collect)
    .option('--data-element-group <id>', 'data element group uid (repeatable)', collect)
    .option('--data-set <id>', 'data set uid: its data elements (repeatable)', collect)
    .option('--period <id>', 'period id such as 202401 or 2024Q1 (repeatable)', collect)
    .option('--start <date>', 'with --end: periods that start on or after YYYY-MM-DD')
    .option('--end <date>', 'with --start: periods that end on or before YYYY-MM-DD')
    .option('--org-unit <id>', 'org unit uid (repeatable)', collect)
    .option('--org-unit-group <id>', 'org unit group uid (repeatable)', collect)
    .option('--children', 'include every descendant of the org units')
    .option('--last-updated <date>', 'only values updated since this date or date-time (UTC)')
    .option('--include-deleted', 'include soft-deleted values, marked deleted')
    .option('--limit <n>', 'at most this many values', parseCount('--limit'))
    .addOption(
      new Option(
        '--id-scheme <scheme>',
        'how to name objects in the output (default: uid)',
      ).choices(['uid', 'code', 'name']),
    )
    .option('--output <file>', 'write to this file instead of stdout')
    .addOption(databaseOption())
    .action(async (options: ExportCommandOptions) => {
      const adapter = await openMigratedDatabase(options.database, io.env);
      try {
        let exported: DataValueExport;
        try {
          exported = await openDataValueExport(adapter.db, toFilter(options), {
            readableOrgUnitPaths: null,
          });
        } catch (error) {
          if (!(error instanceof ValidationError)) {
            throw error;
          }
          const lines = error.issues.map((i) => `  ${FLAGS[i.field] ?? i.field}: ${i.message}`);
          return command.error(`error: nothing exported\n${lines.join('\n')}`, {
            exitCode: USAGE_EXIT,
          });
        }
        const text = Readable.from(exported.text(options.format));
        if (options.output === undefined) {
          await pipeline(text, io.stdout, { end: false });
        } else {
          await pipeline(text, createWriteStream(options.output));
        }
        const { values, skipped } = exported.stats;
        const where = options.output ?? 'stdout';
        const note =
          skipped > 0
            ? ` (${skipped} deleted or non-numeric values have no place in FHIR and were left out)`
            : '';
        io.stderr.write(
          `Exported ${values - skipped} data values as ${options.format} to ${where}${note}\n`,
        );
      } finally {
        await adapter.close();
      }
    });
  return usageExitCode(command, USAGE_EXIT);
}
