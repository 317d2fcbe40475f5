import {
  fitInterruptedTimeSeries,
  InsufficientDataError,
  ValidationError,
  type GlmFamily,
  type ItsColumns,
  type ItsOptions,
  type ItsResult,
} from '@sankofa/core';
import { Command, Option } from 'commander';
import { numericColumn, readInputTable, requireColumns, type InputTable } from './input-table.ts';
import { processIo, type CliIo } from '../cli-io.ts';
import { printJson, printTable } from './output.ts';

const FAMILIES: GlmFamily[] = ['poisson', 'quasipoisson', 'gaussian'];

/** The flags of `sankofa analyze its`, as commander gives them. */
export interface ItsFlags {
  input: string;
  outcome: string;
  time: string;
  intervention: string;
  offset?: string;
  family?: GlmFamily;
  slopeChange?: boolean;
  seasonColumn?: string;
  seasonPeriod?: string;
  harmonics?: string;
  json?: boolean;
}

/** The CSV's columns and the model options, checked. */
interface ItsInput {
  readonly table: InputTable;
  readonly columns: ItsColumns;
  readonly options: ItsOptions;
}

function flagNumber(flag: string, raw: string, integer: boolean): number {
  const value = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    !(value > 0) ||
    (integer && !Number.isInteger(value))
  ) {
    throw ValidationError.of(
      flag,
      'invalid_option',
      `${flag} must be a ${integer ? 'whole ' : ''}number > 0, got "${raw}"`,
    );
  }
  return value;
}

function seasonOf(flags: Omit<ItsFlags, 'json'>): ItsOptions['season'] {
  const given = [flags.seasonColumn, flags.seasonPeriod, flags.harmonics];
  if (given.every((v) => v === undefined)) {
    return undefined;
  }
  if (
    flags.seasonColumn === undefined ||
    flags.seasonPeriod === undefined ||
    flags.harmonics === undefined
  ) {
    throw ValidationError.of(
      '--season-column',
      'incomplete_season',
      'seasonality needs --season-column, --season-period and --harmonics together',
    );
  }
  const period = flagNumber('--season-period', flags.seasonPeriod, false);
  const harmonics = flagNumber('--harmonics', flags.harmonics, true);
  if (2 * harmonics > period) {
    throw ValidationError.of(
      '--harmonics',
      'invalid_option',
      `--harmonics must be at most --season-period / 2 (${period / 2}), got ${harmonics}`,
    );
  }
  return { column: flags.seasonColumn, period, harmonics };
}

function readItsInput(flags: Omit<ItsFlags, 'json'>): ItsInput {
  const table = readInputTable(flags.input);
  const season = seasonOf(flags);
  const names = [
    flags.outcome,
    flags.time,
    flags.intervention,
    flags.offset,
    season?.column,
  ].filter((n): n is string => n !== undefined);
  requireColumns(table, names);
  const columns = Object.fromEntries(
    [...new Set(names)].map((name) => [name, numericColumn(table, name) as number[]]),
  );
  const options: ItsOptions = {
    outcome: flags.outcome,
    time: flags.time,
    intervention: flags.intervention,
    ...(flags.offset === undefined ? {} : { offset: flags.offset }),
    family: flags.family ?? 'poisson',
    slopeChange: flags.slopeChange === true,
    ...(season === undefined ? {} : { season }),
  };
  return { table, columns, options };
}

function fit(input: ItsInput): ItsResult {
  try {
    return fitInterruptedTimeSeries(input.columns, input.options);
  } catch (error) {
    if (error instanceof InsufficientDataError) {
      throw ValidationError.of(
        '--input',
        'too_few_rows',
        `${input.table.path}: too few rows for the model: ${error.message}`,
      );
    }
    throw error;
  }
}

/**
 * Reads the CSV and fits the interrupted time series (DESIGN §6). `--offset` names the raw
 * exposure column (population): the model uses log(exposure), as `offset(log(stdpop))`.
 *
 * @throws ValidationError naming the row and column of bad input, or the flag at fault; too few
 * rows for the model's terms is a ValidationError on `--input`.
 */
export function analyseItsFile(flags: Omit<ItsFlags, 'json'>): ItsResult {
  return fit(readItsInput(flags));
}

/**
 * The JSON document of `--json`: DESIGN §6's `family`, `dispersion`, `coefficients` and
 * `fitted` (one `{row, time, mu, eta}` per input row, in time order; `mu` the fitted count with
 * the offset, `eta` the linear predictor), plus the model's summary, the counterfactual of the
 * post-intervention rows and warnings.
 */
export function itsJson(result: ItsResult): Record<string, unknown> {
  return {
    family: result.family,
    formula: result.formula,
    statistic: result.statisticKind,
    dispersion: result.dispersion,
    deviance: result.deviance,
    nullDeviance: result.nullDeviance,
    dfResidual: result.dfResidual,
    aic: result.aic,
    lastPreTime: result.lastPreTime,
    coefficients: result.coefficients.map((c) => ({
      term: c.term,
      estimate: c.estimate,
      stdError: c.stdError,
      statistic: c.statistic,
      pValue: c.pValue,
      rateRatio: c.rateRatio,
      rrCiLower: c.rrCiLower,
      rrCiUpper: c.rrCiUpper,
      ciLower: c.ciLower,
      ciUpper: c.ciUpper,
    })),
    fitted: result.fitted,
    counterfactual: result.counterfactual,
    warnings: result.warnings,
  };
}

function printReadable(result: ItsResult, input: ItsInput, io: CliIo): void {
  const log = result.family !== 'gaussian';
  io.stdout.write(
    `${result.formula}  (${result.family})\n` +
      `dispersion ${String(Number(result.dispersion.toPrecision(6)))}, deviance ${String(Number(result.deviance.toPrecision(6)))} on ${result.dfResidual} df; ` +
      `${result.preCount} points before, ${result.postCount} after (t0 = ${result.lastPreTime})\n\n`,
  );
  printTable(
    io.stdout,
    [
      'term',
      'estimate',
      'std error',
      result.statisticKind,
      'p',
      ...(log ? ['rate ratio'] : []),
      '95% lower',
      '95% upper',
    ],
    result.coefficients.map((c) => [
      c.term,
      c.estimate,
      c.stdError,
      c.statistic,
      c.pValue,
      ...(log ? [c.rateRatio, c.rrCiLower, c.rrCiUpper] : [c.ciLower, c.ciUpper]),
    ]),
  );
  io.stdout.write('\n');
  const observed = input.columns[input.options.outcome];
  const counterfactual = new Map(result.counterfactual.map((c) => [c.row, c.mu]));
  printTable(
    io.stdout,
    ['row', input.options.time, 'observed', 'fitted', 'counterfactual'],
    result.fitted.map((f) => [
      f.row,
      f.time,
      observed[f.row - 1],
      f.mu,
      counterfactual.get(f.row) ?? null,
    ]),
  );
  for (const w of result.warnings) {
    io.stderr.write(`warning: ${w.message}\n`);
  }
}

/** `sankofa analyze its`: interrupted time series by segmented regression (R glm semantics). */
export function analyzeItsCommand(io: CliIo = processIo()): Command {
  return new Command('its')
    .description(
      'interrupted time series: segmented Poisson / quasi-Poisson / linear regression (Lopez Bernal et al. 2017; R glm)',
    )
    .requiredOption('--input <file>', 'CSV with a header')
    .requiredOption('--outcome <column>', 'outcome column (counts for poisson)')
    .requiredOption('--time <column>', 'time column (1, 2, …): the underlying trend')
    .requiredOption('--intervention <column>', 'intervention column: 0 before, 1 after')
    .option('--offset <column>', 'exposure column (population); the model uses log(exposure)')
    .addOption(new Option('--family <family>', 'GLM family').choices(FAMILIES).default('poisson'))
    .option('--slope-change', 'add a slope change (time − t0)·intervention, t0 = last time before')
    .option('--season-column <column>', 'seasonal position (e.g. month 1–12) for harmonic terms')
    .option('--season-period <p>', 'length of the seasonal cycle (e.g. 12)')
    .option('--harmonics <h>', 'number of sine/cosine pairs (sin1, cos1, …)')
    .option('--json', 'print one JSON document')
    .action((flags: ItsFlags) => {
      const input = readItsInput(flags);
      const result = fit(input);
      if (flags.json === true) {
        printJson(io.stdout, itsJson(result));
        return;
      }
      printReadable(result, input, io);
    });
}
