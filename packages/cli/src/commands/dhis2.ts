/**
 * `sankofa dhis2 pull`: pulls metadata and data values from a DHIS2 instance into the database
 * (incrementally after the first pull), printing progress on stderr and the report on stdout.
 * Exit 0 when everything landed, 1 when the run failed (`--resume` then pulls only the rest).
 */
import { Command } from 'commander';
import {
  DEFAULT_CONNECTION_NAME,
  findDhis2Connection,
  pullFromDhis2,
  type Dhis2Connection,
  type Dhis2ConnectionInput,
  type PullReport,
} from '../../../server/src/services/dhis2-pull/index.ts';
import { processIo, writeLines, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase, parseCount } from '../database-option.ts';

interface PullCommandOptions {
  url?: string;
  token?: string;
  username?: string;
  password?: string;
  root?: string;
  name: string;
  since?: string;
  full?: boolean;
  resume?: boolean;
  dataSet?: string[];
  timeout: number;
  retries: number;
  retryDelay: number;
  json?: boolean;
  database?: string;
}

/** Problems printed before "…and N more". */
const SHOWN = 20;

/** Environment variables that stand in for `--token` and `--password`. */
const TOKEN_ENV = 'SANKOFA_DHIS2_TOKEN';
const PASSWORD_ENV = 'SANKOFA_DHIS2_PASSWORD';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i > 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The report as readable lines: outcome, metadata, a table of chunks, totals, errors. */
export function pullReportLines(report: PullReport): string[] {
  const { metadata: m, totals: t } = report;
  const scope = report.mode === 'full' ? 'full pull' : `changes after ${report.since ?? ''}`;
  const lines = [
    `DHIS2 ${report.dhis2.version} at ${report.connection.baseUrl}: ${report.status === 'done' ? 'done' : 'FAILED'} (${scope}${report.resumed ? ', resumed' : ''}) in ${report.seconds} s, run ${report.runId}`,
    '',
    `Metadata: ${m.status}, ${m.created} created, ${m.updated} updated, ${m.unchanged} unchanged, ${m.errors.length} error(s), ${m.warnings} warning(s)`,
    '',
    ...table(
      [
        'data set',
        'name',
        'org unit',
        'status',
        'values',
        'imported',
        'updated',
        'deleted',
        'ignored',
        'conflicts',
      ],
      report.chunks.map((c) => [
        c.dataSet,
        c.dataSetName ?? '',
        c.orgUnit,
        c.status,
        ...[
          c.values,
          c.importCount.imported,
          c.importCount.updated,
          c.importCount.deleted,
          c.importCount.ignored,
          c.conflictCount,
        ].map(String),
      ]),
    ),
    '',
    `Data values: ${t.imported} imported, ${t.updated} updated, ${t.deleted} deleted, ${t.ignored} ignored, ${t.conflicts} conflict(s)`,
  ];
  const conflicts = report.chunks.flatMap((c) =>
    c.conflicts.map((x) => ({ chunk: c.dataSet, ...x })),
  );
  if (conflicts.length > 0) {
    lines.push('', `Conflicts (first ${Math.min(SHOWN, conflicts.length)}):`);
    for (const c of conflicts.slice(0, SHOWN)) {
      lines.push(
        `  ${c.chunk}  rows ${c.indexes.slice(0, 5).join(',')}  ${c.property}  ${c.errorCode}  ${c.value}`,
      );
    }
  }
  if (report.errors.length > 0) {
    lines.push(
      '',
      `Errors (${report.errors.length}):`,
      ...report.errors.slice(0, SHOWN).map((e) => `  ${e}`),
    );
    for (const e of m.errors.slice(0, SHOWN)) {
      lines.push(`  metadata ${e.objectType} ${e.id} ${e.field}: ${e.message}`);
    }
    lines.push('', 'Run the same command with --resume to pull only what did not land.');
  } else {
    lines.push('', `Next pull asks DHIS2 for changes after ${report.until}.`);
  }
  return lines;
}

const seconds = (flag: string) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    throw new Error(`${flag} must be a number of seconds above 0, got "${raw}"`);
  }
  return n;
};

/** The connection from the flags, filling the URL and credentials from the stored one. */
function connectionFrom(
  options: PullCommandOptions,
  stored: Dhis2Connection | undefined,
): Dhis2ConnectionInput {
  const baseUrl = options.url ?? stored?.baseUrl;
  if (baseUrl === undefined) {
    throw new Error(
      `no DHIS2 connection "${options.name}" is configured yet: give --url and --token (or --username and --password)`,
    );
  }
  const root = options.root === undefined ? {} : { rootOrgUnitId: options.root };
  const given = options.token !== undefined || options.username !== undefined;
  const sameInstance = stored !== undefined && baseUrl.replace(/\/+$/, '') === stored.baseUrl;
  if (!given && sameInstance) {
    const credentials = stored.credentials;
    return credentials.kind === 'token'
      ? { name: options.name, baseUrl, token: credentials.token, ...root }
      : {
          name: options.name,
          baseUrl,
          username: credentials.username,
          password: credentials.password,
          ...root,
        };
  }
  return {
    name: options.name,
    baseUrl,
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.username === undefined
      ? {}
      : { username: options.username, password: options.password ?? '' }),
    ...root,
  };
}

/** `sankofa dhis2`: the DHIS2 connector. */
export function dhis2Command(io: CliIo = processIo()): Command {
  const dhis2 = new Command('dhis2').description(
    'DHIS2 connector: pull metadata and data values from a DHIS2 instance',
  );
  dhis2
    .command('pull')
    .description(
      'pull metadata and data values from DHIS2: everything the first time, then what changed since the last pull (DHIS2 lastUpdated); deleted values are deleted here too',
    )
    .option(
      '--url <url>',
      "the DHIS2 base URL, e.g. https://dhis2.example.org (default: the saved connection's)",
    )
    .option('--token <token>', `a DHIS2 personal access token (env: ${TOKEN_ENV})`)
    .option('--username <name>', 'DHIS2 username (Basic authentication), instead of a token')
    .option('--password <password>', `DHIS2 password (env: ${PASSWORD_ENV})`)
    .option('--root <orgUnit>', "pull under this org unit (default: DHIS2's level-1 org units)")
    .option('--name <name>', 'the saved connection to use or update', DEFAULT_CONNECTION_NAME)
    .option('--since <date>', 'pull what changed after this date or timestamp (DHIS2 server time)')
    .option('--full', 'pull everything, whatever was pulled before')
    .option('--resume', 'resume the last run that failed: pull only what did not land')
    .option('--data-set <ids...>', 'pull only these data sets (uids)')
    .option('--timeout <seconds>', 'time allowed per request attempt', seconds('--timeout'), 60)
    .option('--retries <n>', 'attempts per request, the first included', parseCount('--retries'), 5)
    .option(
      '--retry-delay <ms>',
      'first wait before a retry, doubled each time',
      parseCount('--retry-delay', 0),
      1000,
    )
    .option('--json', 'print the full report as JSON instead of a table')
    .addOption(databaseOption())
    .action(async (flags: PullCommandOptions) => {
      // As commander's Option.env() would, but from io.env: the flag wins over the variable.
      const token = flags.token ?? io.env[TOKEN_ENV];
      const password = flags.password ?? io.env[PASSWORD_ENV];
      const options: PullCommandOptions = {
        ...flags,
        ...(token === undefined ? {} : { token }),
        ...(password === undefined ? {} : { password }),
      };
      const modes = [options.full === true, options.since !== undefined, options.resume === true];
      if (modes.filter(Boolean).length > 1) {
        throw new Error('--full, --since and --resume cannot be combined: choose one');
      }
      const adapter = await openMigratedDatabase(options.database, io.env);
      let report: PullReport;
      try {
        const connection = connectionFrom(
          options,
          await findDhis2Connection(adapter.db, options.name),
        );
        report = await pullFromDhis2(adapter.db, connection, {
          ...(options.since === undefined ? {} : { since: options.since }),
          full: options.full === true,
          resume: options.resume === true,
          ...(options.dataSet === undefined ? {} : { dataSets: options.dataSet }),
          timeoutMs: options.timeout * 1000,
          maxAttempts: options.retries,
          retryBaseMs: options.retryDelay,
          onProgress: (p) => writeLines(io.stderr, p.message),
        });
      } finally {
        await adapter.close();
      }
      writeLines(
        io.stdout,
        options.json === true
          ? JSON.stringify(report, null, 2)
          : pullReportLines(report).join('\n'),
      );
      if (report.status !== 'done') {
        io.exitCode = 1;
      }
    });
  return dhis2;
}
