import {
  detectOutbreaks,
  InsufficientDataError,
  OUTBREAK_METHODS,
  ValidationError,
  type OutbreakControlValue,
  type OutbreakMethod,
  type OutbreakOptions,
  type OutbreakResult,
  type FarringtonThresholdMethod,
  type Warning,
} from '@sankofa/core';
import { Command, Option } from 'commander';
import { numericColumn, readInputTable, requireColumns, type InputTable } from './input-table.ts';
import { processIo, type CliIo } from '../cli-io.ts';
import { printJson, printTable } from './output.ts';

/** The flags of `sankofa analyze outbreak`, as commander gives them (numbers still as text). */
export interface OutbreakFlags {
  input: string;
  method: OutbreakMethod;
  range: string;
  frequency?: string;
  alpha?: string;
  b?: string;
  w?: string;
  reweight?: boolean;
  trend?: boolean;
  weightsThreshold?: string;
  pThresholdTrend?: string;
  noPeriods?: string;
  pastWeeksNotIncluded?: string;
  thresholdMethod?: FarringtonThresholdMethod;
  k?: string;
  h?: string;
  m?: string;
  json?: boolean;
}

/** The row's calendar label, when the file has one. */
interface RowLabel {
  readonly date?: string;
  readonly year?: number;
  readonly week?: number;
}

/**
 * One monitored row in the JSON: the core point (`t`, `observed`, `upperbound`, `alarm`,
 * `expected` and the method's extra fields) plus the row's date or year/week when the file has them.
 */
export interface OutbreakJsonPoint extends RowLabel {
  readonly t: number;
  readonly observed: number;
  readonly upperbound: number | null;
  readonly alarm: boolean;
  readonly expected: number | null;
  readonly [field: string]: number | boolean | string | null | undefined;
}

/** What `--json` prints (DESIGN §6): method, effective control, monitored points, warnings. */
export interface OutbreakJson {
  readonly method: OutbreakMethod;
  readonly control: Readonly<Record<string, OutbreakControlValue>>;
  readonly points: readonly OutbreakJsonPoint[];
  readonly warnings: readonly Warning[];
}

/** Core option name → the flag that sets it, so errors name what the user typed. */
const FLAG_OF: Readonly<Record<string, string>> = {
  alpha: '--alpha',
  b: '--b',
  w: '--w',
  weightsThreshold: '--weights-threshold',
  pThresholdTrend: '--p-threshold-trend',
  noPeriods: '--no-periods',
  pastWeeksNotIncluded: '--past-weeks-not-included',
  thresholdMethod: '--threshold-method',
  k: '--k',
  h: '--h',
  m: '--m',
  frequency: '--frequency',
  range: '--range',
};

function numberFlag(flag: string, raw: string | undefined, integer = false): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const value = Number(raw);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim()) || !Number.isFinite(value)) {
    throw ValidationError.of(flag, 'not_a_number', `${flag} "${raw}" is not a number`);
  }
  if (integer && !Number.isInteger(value)) {
    throw ValidationError.of(flag, 'not_an_integer', `${flag} ${raw} must be a whole number`);
  }
  return value;
}

function parseRange(raw: string, rows: number): { first: number; last: number } {
  const match = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(raw);
  const [first, last] = match === null ? [NaN, NaN] : [Number(match[1]), Number(match[2])];
  if (!(first >= 1 && first <= last && last <= rows)) {
    throw ValidationError.of(
      '--range',
      'invalid_range',
      `--range ${raw}: expected FIRST:LAST with 1 ≤ FIRST ≤ LAST ≤ ${rows} (the file has ${rows} rows)`,
    );
  }
  return { first, last };
}

/** Year/week or date of each row, when the file has them (reported back, not computed on). */
function rowLabels(table: InputTable): ((t: number) => RowLabel) | null {
  if (table.columns.includes('date')) {
    return (t) => ({ date: table.rows[t - 1].date });
  }
  if (table.columns.includes('year') && table.columns.includes('week')) {
    const year = numericColumn(table, 'year', { integer: true });
    const week = numericColumn(table, 'week', { integer: true });
    return (t) => ({ year: year[t - 1] as number, week: week[t - 1] as number });
  }
  return null;
}

/** Rethrows core errors under the flag or column the user gave. */
function asCliError(error: unknown, first: number): unknown {
  if (error instanceof InsufficientDataError) {
    return ValidationError.of(
      '--range',
      'insufficient_history',
      `${error.message} (${error.got} rows before row ${first}, ${error.needed} needed)`,
      first,
    );
  }
  if (error instanceof ValidationError && error.issues.length === 1) {
    const issue = error.issues[0];
    const flag = FLAG_OF[issue.field];
    if (flag !== undefined && issue.row === undefined) {
      return ValidationError.of(flag, issue.code, `${flag}: ${issue.message}`);
    }
  }
  return error;
}

/**
 * Reads the CSV (column `observed`; `date` makes the Farrington methods pick reference weeks by
 * calendar, as surveillance does for a dated `sts`) and runs the method over `--range`.
 *
 * @throws ValidationError naming the row and column of bad input, the bad flag, or (for too
 * little history before the range) `--range` and the first monitored row
 */
export function analyseOutbreakFile(flags: Omit<OutbreakFlags, 'json'>): OutbreakJson {
  const table = readInputTable(flags.input);
  requireColumns(table, ['observed']);
  const observed = numericColumn(table, 'observed', { integer: true, min: 0 }) as number[];
  const range = parseRange(flags.range, table.rows.length);
  const dates = table.columns.includes('date') ? table.rows.map((r) => r.date) : undefined;
  const options: OutbreakOptions = {
    method: flags.method,
    range,
    alpha: numberFlag('--alpha', flags.alpha),
    b: numberFlag('--b', flags.b, true),
    w: numberFlag('--w', flags.w, true),
    reweight: flags.reweight,
    trend: flags.trend,
    weightsThreshold: numberFlag('--weights-threshold', flags.weightsThreshold),
    pThresholdTrend: numberFlag('--p-threshold-trend', flags.pThresholdTrend),
    noPeriods: numberFlag('--no-periods', flags.noPeriods, true),
    pastWeeksNotIncluded: numberFlag('--past-weeks-not-included', flags.pastWeeksNotIncluded, true),
    thresholdMethod: flags.thresholdMethod,
    k: numberFlag('--k', flags.k),
    h: numberFlag('--h', flags.h),
    m: numberFlag('--m', flags.m),
  };
  const frequency = numberFlag('--frequency', flags.frequency, true) ?? 52;
  let result: OutbreakResult;
  try {
    result = detectOutbreaks({ observed, frequency, ...(dates ? { dates } : {}) }, options);
  } catch (error) {
    throw asCliError(error, range.first);
  }
  const label = rowLabels(table);
  return {
    method: result.method,
    control: result.control,
    points: result.points.map((p): OutbreakJsonPoint =>
      label === null ? p : { ...p, ...label(p.t) },
    ),
    warnings: result.warnings,
  };
}

const FIRST_COLUMNS = ['t', 'date', 'year', 'week', 'observed', 'expected', 'upperbound', 'alarm'];

/** `sankofa analyze outbreak`: aberration detection as R package surveillance computes it. */
export function analyzeOutbreakCommand(io: CliIo = processIo()): Command {
  // `--no-periods` is surveillance's noPeriods, not the negation of a `--periods` flag.
  const noPeriods = new Option(
    '--no-periods <n>',
    'farrington-flexible: seasonal factor levels (1)',
  );
  noPeriods.negate = false;
  return new Command('outbreak')
    .description(
      'outbreak detection (surveillance 1.20.3 semantics); reads column observed and, if present, date',
    )
    .requiredOption('--input <file>', 'CSV with a header: observed[, date (ISO Monday)]')
    .addOption(
      new Option('--method <method>', 'detection method')
        .choices(OUTBREAK_METHODS)
        .makeOptionMandatory(),
    )
    .requiredOption('--range <first:last>', 'monitored rows, 1-based inclusive (e.g. 366:417)')
    .option('--frequency <n>', 'periods per year (52)')
    .option('--alpha <a>', 'error probability (EARS 0.001/C3 0.025; Farrington 0.05)')
    .option('--b <years>', 'Farrington: years back (5)')
    .option('--w <weeks>', 'Farrington: half-width of the reference window (3)')
    .option('--reweight', 'Farrington: reweight past outbreaks (default)')
    .option('--no-reweight', 'Farrington: do not reweight')
    .option('--trend', 'Farrington: try a linear trend (default)')
    .option('--no-trend', 'Farrington: no trend')
    .option('--weights-threshold <x>', 'farrington-flexible: Anscombe residual threshold (2.58)')
    .option('--p-threshold-trend <p>', 'farrington-flexible: keep the trend below this p (0.05)')
    .addOption(noPeriods)
    .option('--past-weeks-not-included <n>', 'farrington-flexible: recent weeks left out (w)')
    .addOption(
      new Option('--threshold-method <method>', 'farrington-flexible threshold (delta)').choices([
        'delta',
        'nbPlugin',
        'muan',
      ]),
    )
    .option('--k <k>', 'CUSUM: reference value (1.04)')
    .option('--h <h>', 'CUSUM: decision interval (2.26)')
    .option('--m <m>', 'CUSUM: in-control mean (default: mean of the rows before the range)')
    .option('--json', 'print one JSON document')
    .action((flags: OutbreakFlags) => {
      const result = analyseOutbreakFile(flags);
      if (flags.json === true) {
        printJson(io.stdout, result);
        return;
      }
      const keys = new Set(result.points.flatMap((p) => Object.keys(p)));
      const headers = [
        ...FIRST_COLUMNS.filter((c) => keys.has(c)),
        ...[...keys].filter((c) => !FIRST_COLUMNS.includes(c)),
      ];
      printTable(
        io.stdout,
        headers,
        result.points.map((p) => headers.map((h) => (p as Record<string, unknown>)[h] ?? null)),
      );
      const alarms = result.points.filter((p) => p.alarm).length;
      io.stdout.write(
        `\n${alarms} alarm(s) in ${result.points.length} monitored rows (${result.method})\n`,
      );
      for (const w of result.warnings) {
        io.stderr.write(`warning: ${w.message}\n`);
      }
    });
}
