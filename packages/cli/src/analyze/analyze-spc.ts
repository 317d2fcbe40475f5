import { computeSpcChart, ValidationError, type SpcChart, type SpcChartType } from '@sankofa/core';
import { Command, Option } from 'commander';
import { numericColumn, readInputTable, requireColumns, rowList } from './input-table.ts';
import { processIo, type CliIo } from '../cli-io.ts';
import { printJson, printTable } from './output.ts';

const CHARTS: SpcChartType[] = ['run', 'i', 'mr', 'p', 'pp', 'u', 'up', 'c', 'g', 't'];
const WITH_DENOMINATOR = new Set<SpcChartType>(['p', 'pp', 'u', 'up']);

/** The flags of `sankofa analyze spc`, as commander gives them. */
export interface SpcFlags {
  input: string;
  chart: SpcChartType;
  multiply?: string;
  freeze?: string;
  part?: string;
  exclude?: string;
  screenMr: boolean;
  json?: boolean;
}

/**
 * Reads the CSV and computes the chart. `n` is used whenever the file has it (qic() plots y/n
 * for any chart given n) and required for p, p′, u and u′ charts.
 *
 * @throws ValidationError naming the row and column of bad input
 */
export function analyseSpcFile(flags: Omit<SpcFlags, 'json'>): SpcChart {
  const table = readInputTable(flags.input);
  const needsN = WITH_DENOMINATOR.has(flags.chart);
  requireColumns(table, needsN ? ['x', 'y', 'n'] : ['x', 'y']);
  const y = numericColumn(table, 'y', { missing: true });
  const n = table.columns.includes('n')
    ? numericColumn(table, 'n', { missing: true, greaterThan: 0 })
    : undefined;
  const x = table.rows.map((r) => (/^-?\d+(\.\d+)?$/.test(r.x) ? Number(r.x) : r.x));
  const rows = table.rows.length;
  const freeze =
    flags.freeze === undefined ? undefined : rowList('--freeze', flags.freeze, rows)?.[0];
  const multiply = flags.multiply === undefined ? undefined : Number(flags.multiply);
  if (multiply !== undefined && !(multiply > 0)) {
    throw ValidationError.of(
      '--multiply',
      'invalid_option',
      `--multiply must be a positive number, got "${flags.multiply}"`,
    );
  }
  return computeSpcChart(
    { x, y, ...(n === undefined ? {} : { n }) },
    {
      chart: flags.chart,
      multiply,
      freeze,
      part: rowList('--part', flags.part, rows),
      exclude: rowList('--exclude', flags.exclude, rows),
      screenMovingRanges: flags.screenMr,
    },
  );
}

/** `sankofa analyze spc`: a run or control chart as qicharts2's qic() computes it. */
export function analyzeSpcCommand(io: CliIo = processIo()): Command {
  return new Command('spc')
    .description(
      'run or control chart (qicharts2 qic() semantics); reads columns x, y and, for p/pp/u/up, n',
    )
    .requiredOption('--input <file>', 'CSV with a header: x, y[, n]')
    .addOption(new Option('--chart <type>', 'chart type').choices(CHARTS).makeOptionMandatory())
    .option('--multiply <k>', 'multiply y, centre line and limits by k (e.g. 100 for per cent)')
    .option('--freeze <n>', 'compute centre line and limits from rows 1..n (baseline)')
    .option('--part <rows>', 'last row of each part but the last, comma-separated (e.g. 24)')
    .option(
      '--exclude <rows>',
      'rows kept on the chart but left out of centre line, limits and runs analysis',
    )
    .option('--no-screen-mr', 'do not screen large moving ranges (qicharts2 not attached)')
    .option('--json', 'print one JSON document')
    .action((flags: SpcFlags) => {
      const chart = analyseSpcFile(flags);
      if (flags.json === true) {
        printJson(io.stdout, {
          chart: chart.chart,
          points: chart.points,
          parts: chart.parts,
          warnings: chart.warnings,
        });
        return;
      }
      printTable(
        io.stdout,
        ['i', 'x', 'y', 'n', 'cl', 'lcl', 'ucl', 'part', 'signal'],
        chart.points.map((p) => [
          p.i,
          p.x,
          p.y,
          p.n,
          p.cl,
          p.lcl,
          p.ucl,
          p.part,
          [p.sigmaSignal ? '3σ' : '', p.runsSignal ? 'runs' : ''].filter(Boolean).join(','),
        ]),
      );
      io.stdout.write('\n');
      printTable(
        io.stdout,
        [
          'part',
          'from',
          'points',
          'useful',
          'longest run',
          'max',
          'crossings',
          'min',
          'runs signal',
          '3σ points',
        ],
        chart.parts.map((p) => [
          p.part,
          p.firstIndex,
          p.nObs,
          p.nUseful,
          p.longestRun,
          p.longestRunMax,
          p.crossings,
          p.crossingsMin,
          p.runsSignal,
          p.sigmaSignals,
        ]),
      );
      for (const w of chart.warnings) {
        io.stderr.write(`warning: ${w.message}\n`);
      }
    });
}
