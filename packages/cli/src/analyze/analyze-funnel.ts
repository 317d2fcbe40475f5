import {
  computeFunnel,
  FUNNEL_TYPES,
  InsufficientDataError,
  ValidationError,
  type FunnelResult,
  type FunnelType,
  type FunnelUnit,
} from '@sankofa/core';
import { Command, Option } from 'commander';
import { numericColumn, readInputTable, requireColumns, type InputTable } from './input-table.ts';
import { processIo, type CliIo } from '../cli-io.ts';
import { printJson, printTable } from './output.ts';

/** The flags of `sankofa analyze funnel`, as commander gives them. */
export interface FunnelFlags {
  input: string;
  type: FunnelType;
  overdispersion?: boolean;
  target?: string;
  multiply?: string;
  json?: boolean;
}

/** Core option names and the flags that set them. */
const FLAG_OF: Record<string, string> = { target: '--target', multiply: '--multiply' };

function numberFlag(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const value = Number(raw);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim()) || !Number.isFinite(value)) {
    throw ValidationError.of(flag, 'not_a_number', `${flag} "${raw}" is not a number`);
  }
  return value;
}

/** Rethrows core errors under the flag, or with the file line, the user can act on. */
function asCliError(error: unknown, table: InputTable): unknown {
  if (error instanceof InsufficientDataError) {
    return ValidationError.of(
      '--input',
      'too_few_rows',
      `${table.path} has ${error.got} data row${error.got === 1 ? '' : 's'}; a funnel compares at least ${error.needed} units`,
    );
  }
  if (error instanceof ValidationError && error.issues.length === 1) {
    const issue = error.issues[0];
    if (issue.row !== undefined) {
      const where = `(line ${issue.row + 1} of ${table.path})`;
      return ValidationError.of(issue.field, issue.code, `${issue.message} ${where}`, issue.row);
    }
    const flag = FLAG_OF[issue.field];
    if (flag !== undefined) {
      return ValidationError.of(flag, issue.code, `${flag}: ${issue.message}`);
    }
  }
  return error;
}

/**
 * Reads the CSV (columns `unit`, `y`, `n`; one row per org unit) and computes the funnel. For
 * proportions y and n must be whole numbers with y ≤ n; for rates n is the exposure.
 *
 * @throws ValidationError naming the row and column of bad input (missing column, non-numeric or
 *   empty cell, n ≤ 0, y > n, repeated unit), the bad flag, or `--input` for fewer than 2 rows
 */
export function analyseFunnelFile(flags: Omit<FunnelFlags, 'json'>): FunnelResult {
  const table = readInputTable(flags.input);
  requireColumns(table, ['unit', 'y', 'n']);
  const whole = flags.type === 'proportion';
  const y = numericColumn(table, 'y', { min: 0, integer: whole }) as number[];
  const n = numericColumn(table, 'n', { greaterThan: 0, integer: whole }) as number[];
  const units: FunnelUnit[] = table.rows.map((row, k) => ({ unit: row.unit, y: y[k], n: n[k] }));
  const target = numberFlag('--target', flags.target);
  const multiply = numberFlag('--multiply', flags.multiply);
  try {
    return computeFunnel(units, {
      type: flags.type,
      overdispersion: flags.overdispersion === true,
      target,
      multiply,
    });
  } catch (error) {
    throw asCliError(error, table);
  }
}

/** The JSON document `--json` prints (DESIGN §6): the funnel as data, limits × multiply. */
export function funnelJson(funnel: FunnelResult): Record<string, unknown> {
  return {
    type: funnel.type,
    multiply: funnel.multiply,
    target: funnel.target,
    overdispersion: funnel.overdispersion,
    units: funnel.units.map((u) => ({
      row: u.row,
      unit: u.unit,
      y: u.y,
      n: u.n,
      value: u.value,
      z: u.z,
      lower95: u.lower95,
      upper95: u.upper95,
      lower998: u.lower998,
      upper998: u.upper998,
      outlier: u.outlier,
      outlier95: u.outlier95,
    })),
    curve: funnel.curve,
    unadjustedCurve: funnel.unadjustedCurve,
    warnings: funnel.warnings,
  };
}

/** Number to 4 significant digits for the summary lines. */
const short = (value: number): string => String(Number(value.toPrecision(4)));

function printReadable(funnel: FunnelResult, targetGiven: boolean, io: CliIo): void {
  const o = funnel.overdispersion;
  const p = o.pValue < 0.001 ? 'p < 0.001' : `p = ${short(o.pValue)}`;
  io.stdout.write(
    `${funnel.type} funnel: target ${short(funnel.target)} (${targetGiven ? 'given' : 'pooled'})\n` +
      `over-dispersion: φ = ${short(o.phi)}, τ² = ${short(o.tau2)} (${o.transform} scale), ` +
      `I·φ = ${short(o.statistic)} on ${o.df} df, ${p}; limits ${o.applied ? 'adjusted' : 'not adjusted'}\n\n`,
  );
  printTable(
    io.stdout,
    [
      'row',
      'unit',
      'y',
      'n',
      'value',
      'z',
      'lower95',
      'upper95',
      'lower998',
      'upper998',
      '95%',
      '99.8%',
    ],
    funnel.units.map((u) => [
      u.row,
      u.unit,
      u.y,
      u.n,
      u.value,
      u.z,
      u.lower95,
      u.upper95,
      u.lower998,
      u.upper998,
      u.outlier95 ?? '',
      u.outlier ?? '',
    ]),
  );
  const outliers = funnel.units.filter((u) => u.outlier !== null);
  io.stdout.write(
    `\noutliers beyond 99.8 %: ${
      outliers.length === 0
        ? 'none'
        : outliers.map((u) => `${u.unit} (${u.outlier}, ${short(u.value)})`).join(', ')
    }\n`,
  );
  for (const w of funnel.warnings) {
    io.stderr.write(`warning: ${w.message}\n`);
  }
}

/** `sankofa analyze funnel`: Spiegelhalter funnel plot limits, outliers and over-dispersion. */
export function analyzeFunnelCommand(io: CliIo = processIo()): Command {
  return new Command('funnel')
    .description(
      'funnel plot across org units (Spiegelhalter 2005; FunnelPlotR over-dispersion); reads columns unit, y, n',
    )
    .requiredOption(
      '--input <file>',
      'CSV with a header: unit, y (numerator), n (denominator or exposure)',
    )
    .addOption(
      new Option('--type <type>', 'proportion (y of n) or rate (y per unit of exposure n)')
        .choices(FUNNEL_TYPES)
        .makeOptionMandatory(),
    )
    .option('--overdispersion', 'widen the limits by the random-effects τ² when φ > 1')
    .option('--target <x>', 'centre line on the reported scale (default: pooled Σy/Σn × multiply)')
    .option('--multiply <k>', 'multiply values, target and limits by k (100 for per cent)')
    .option('--json', 'print one JSON document')
    .action((flags: FunnelFlags) => {
      const funnel = analyseFunnelFile(flags);
      if (flags.json === true) {
        printJson(io.stdout, funnelJson(funnel));
        return;
      }
      printReadable(funnel, flags.target !== undefined, io);
    });
}
