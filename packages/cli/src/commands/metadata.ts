/**
 * `sankofa metadata import FILE`: imports a DHIS2 `/api/metadata` JSON file (org units and their
 * hierarchy, category model, data elements, data sets, indicators, constants) in one
 * transaction, and prints per object type what was created, updated, left unchanged or refused.
 */
import { Command } from 'commander';
import {
  importMetadata,
  METADATA_OBJECT_TYPES,
  type MetadataImportReport,
} from '../../../server/src/services/metadata-import/index.ts';
import { processIo, writeLines, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase } from '../database-option.ts';

interface MetadataImportCommandOptions {
  dryRun?: boolean;
  json?: boolean;
  database?: string;
}

/** Problems printed before "…and N more". */
export const PROBLEMS_SHOWN = 50;

/** Aligned columns: the first left-aligned, the numbers right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i > 0 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Errors or warnings as indented lines: object, field, code, message. */
function problems(
  title: string,
  list: MetadataImportReport['errors'] | MetadataImportReport['warnings'],
): string[] {
  if (list.length === 0) {
    return [];
  }
  const rows = list
    .slice(0, PROBLEMS_SHOWN)
    .map((p) => [`${p.objectType} ${p.id}`.trim(), p.field, p.code, p.message]);
  const lines = ['', `${title} (${list.length}):`];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) {
    lines.push(
      `  ${row
        .slice(0, 3)
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')}  ${row[3]}`.trimEnd(),
    );
  }
  if (list.length > PROBLEMS_SHOWN) {
    lines.push(`  …and ${list.length - PROBLEMS_SHOWN} more`);
  }
  return lines;
}

/**
 * The report as readable lines: the outcome, a table of counts per object type (types the file
 * did not touch are left out), then the errors and warnings naming object, field and problem.
 */
export function metadataReportLines(file: string, report: MetadataImportReport): string[] {
  const outcome = report.committed
    ? 'imported'
    : report.errors.length > 0
      ? 'nothing imported: fix the errors below and run it again'
      : 'dry run: nothing was written';
  const lines = [`${file}: ${report.status}, ${outcome}`, ''];
  const rows = METADATA_OBJECT_TYPES.map((type) => ({ type, ...report.counts[type] }))
    .filter((c) => c.created + c.updated + c.unchanged + c.errors > 0)
    .map((c) => [c.type, c.created, c.updated, c.unchanged, c.errors].map(String));
  const total = [0, 1, 2, 3].map((i) => rows.reduce((sum, r) => sum + Number(r[i + 1]), 0));
  lines.push(
    ...table(
      ['object type', 'created', 'updated', 'unchanged', 'errors'],
      [...rows, ['total', ...total.map(String)]],
    ),
  );
  const { moved, repathed } = report.hierarchy;
  if (moved.length > 0 || repathed > 0) {
    lines.push(
      '',
      `Hierarchy: ${moved.length} org unit(s) moved (${moved.slice(0, 10).join(', ')}${moved.length > 10 ? ', …' : ''}); ${repathed} stored unit(s) got a new path`,
    );
  }
  lines.push(...problems('Errors', report.errors), ...problems('Warnings', report.warnings));
  return lines;
}

/** `sankofa metadata`: DHIS2 metadata commands. */
export function metadataCommand(io: CliIo = processIo()): Command {
  const metadata = new Command('metadata').description(
    'DHIS2 metadata: import /api/metadata files',
  );
  metadata
    .command('import')
    .description(
      'import a DHIS2 /api/metadata JSON file (all or nothing: any error leaves the database unchanged)',
    )
    .argument('<file>', 'the JSON file, e.g. an export of GET /api/metadata')
    .option('--dry-run', 'check and count everything, then write nothing')
    .option('--json', 'print the full report as JSON instead of a table')
    .addOption(databaseOption())
    .action(async (file: string, options: MetadataImportCommandOptions) => {
      const adapter = await openMigratedDatabase(options.database, io.env);
      let report: MetadataImportReport;
      try {
        report = await importMetadata(adapter.db, file, {
          dryRun: options.dryRun === true,
          actor: { userId: null, actor: 'cli' },
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          throw new Error(`${file} does not exist`);
        }
        throw code === 'EISDIR' || code === 'EACCES'
          ? new Error(`cannot read ${file} (${code})`)
          : error;
      } finally {
        await adapter.close();
      }
      writeLines(
        io.stdout,
        options.json === true
          ? JSON.stringify(report, null, 2)
          : metadataReportLines(file, report).join('\n'),
      );
      if (report.errors.length > 0) {
        io.exitCode = 1;
      }
    });
  return metadata;
}
