import {
  DATA_VALUE_FORMATS,
  IMPORT_STRATEGIES,
  parseCsvMapping,
  ValidationError,
  type CsvMapping,
  type DataValueFormat,
  type IdScheme,
  type ImportStrategy,
} from '@sankofa/core';
import { Command, Option } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { processIo, usageExitCode, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase } from '../database-option.ts';
import { mappingFromFlags } from '../import/mapping-flags.ts';
import { importLanded, scanSignals } from '../../../server/src/services/signal-scan/index.ts';
import { summaryLines } from '../import/print-summary.ts';
import { scanSummaryLine } from './scan.ts';
import { createProgressReporter } from '../import/progress-reporter.ts';

interface ImportCommandOptions {
  format?: DataValueFormat;
  mapping?: string;
  map: string[];
  fixed: string[];
  idScheme?: IdScheme;
  strategy: ImportStrategy;
  dryRun?: boolean;
  skipInvalid?: boolean;
  json?: boolean;
  /** False with --no-scan. */
  scan?: boolean;
  database?: string;
}

/** Exit code of a bad command line (commander's own errors included). */
const USAGE_EXIT = 2;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The generic CSV mapping from `--mapping FILE` and/or `--map`/`--fixed` flags (flags win). */
async function readMapping(
  command: Command,
  path: string | undefined,
  map: readonly string[],
  fixed: readonly string[],
): Promise<CsvMapping> {
  const where = path === undefined ? '--map' : `--mapping ${path}`;
  let json: unknown = {};
  if (path !== undefined) {
    try {
      json = JSON.parse(await readFile(path, 'utf8')) as unknown;
    } catch (error) {
      command.error(`--mapping ${path}: ${(error as Error).message}`, { exitCode: USAGE_EXIT });
    }
  }
  try {
    const base =
      typeof json === 'object' && json !== null && !Array.isArray(json)
        ? (json as Record<string, unknown>)
        : undefined;
    return parseCsvMapping(base === undefined ? json : mappingFromFlags(base, map, fixed));
  } catch (error) {
    const issues = error instanceof ValidationError ? error.issues : [];
    const details = issues.map((i) => `\n  - ${i.field}: ${i.message}`).join('');
    command.error(`${where}: ${(error as Error).message}${details}`, {
      exitCode: USAGE_EXIT,
    });
  }
}

/**
 * `sankofa import FILE`: data values from DHIS2 JSON, CSV or XML, ADX, FHIR MeasureReport or any
 * CSV with a mapping, imported without a server (unrestricted scope, actor `cli`). Exit 0 when the
 * file landed, 1 when it did not, 2 for a bad command line.
 */
export function importCommand(io: CliIo = processIo()): Command {
  const command = new Command('import')
    .description(
      'import data values from a file: DHIS2 JSON/CSV/XML, ADX, FHIR MeasureReport, or CSV with --mapping',
    )
    .argument('<file>', 'the file to import')
    .addOption(
      new Option('--format <format>', 'file format (default: detected from the file)').choices([
        ...DATA_VALUE_FORMATS,
      ]),
    )
    .option('--mapping <mapping.json>', 'column mapping of a generic CSV (implies --format csv)')
    .option(
      '--map <key=column>',
      'generic CSV mapping by flags, repeatable: dataElement=COL, orgUnit=COL, period=COL, value=COL, periodFormat=date, periodType=Monthly, idSchemes.orgUnit=code… (implies --format csv)',
      collect,
      [],
    )
    .option(
      '--fixed <field=text>',
      'the same text for a field on every row, repeatable, e.g. attributeOptionCombo=HllvX50cXC0',
      collect,
      [],
    )
    .addOption(
      new Option(
        '--id-scheme <scheme>',
        'how the file names objects (default: uid; ADX: code)',
      ).choices(['uid', 'code', 'name']),
    )
    .addOption(
      new Option('--strategy <strategy>', 'DHIS2 import strategy')
        .choices([...IMPORT_STRATEGIES])
        .default('CREATE_AND_UPDATE'),
    )
    .option('--dry-run', 'check everything, write nothing')
    .option('--skip-invalid', 'import the valid values even when others have conflicts')
    .option('--json', 'print the DHIS2-shaped import summary as JSON on stdout')
    .option('--no-scan', 'do not scan for signals after the values land (run `sankofa scan` later)')
    .addOption(databaseOption())
    .action(async (file: string, options: ImportCommandOptions) => {
      if (!existsSync(file) || !statSync(file).isFile()) {
        command.error(`error: ${file}: no such file`, { exitCode: USAGE_EXIT });
      }
      const mapped =
        options.mapping !== undefined || options.map.length > 0 || options.fixed.length > 0;
      if (mapped && (options.format ?? 'csv') !== 'csv') {
        command.error(
          `--mapping reads a generic CSV: it cannot go with --format ${options.format}`,
          {
            exitCode: USAGE_EXIT,
          },
        );
      }
      const csvMapping = mapped
        ? await readMapping(command, options.mapping, options.map, options.fixed)
        : undefined;
      const format = options.format ?? (csvMapping === undefined ? undefined : 'csv');
      // Loaded here, so other commands start without the readers and the import engine.
      const { importDataValues, openDataValueReader } = await import('../import/server-import.ts');
      const reader = await openDataValueReader(file, {
        ...(format === undefined ? {} : { format }),
        ...(csvMapping === undefined ? {} : { csvMapping }),
      });
      if (options.format === undefined) {
        io.stderr.write(`reading ${file} as ${reader.format}\n`);
      }
      const adapter = await openMigratedDatabase(options.database, io.env);
      const progress = createProgressReporter(io.stderr);
      try {
        const summary = await importDataValues(adapter.db, reader, {
          dryRun: options.dryRun === true,
          importStrategy: options.strategy,
          skipInvalid: options.skipInvalid === true,
          ...(options.idScheme === undefined ? {} : { idSchemes: { idScheme: options.idScheme } }),
          actor: { userId: null, actor: 'cli' },
          writableOrgUnitPaths: null,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        if (options.json === true) {
          io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        } else {
          io.stdout.write(`${summaryLines(file, reader.format, summary).join('\n')}\n`);
        }
        io.exitCode = summary.status === 'ERROR' ? 1 : 0;
        if (options.scan !== false && importLanded(summary)) {
          // Every import that landed is followed by a signal scan (issue #5), on stderr so the
          // summary on stdout stays what it was.
          const result = await scanSignals(adapter.db, { actor: 'cli' });
          io.stderr.write(`${scanSummaryLine(result)}\n`);
        }
      } finally {
        progress.stop();
        await adapter.close();
      }
    });
  return usageExitCode(command, USAGE_EXIT);
}
