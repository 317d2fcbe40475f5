import { isDatabaseEmpty, resetDatabase } from '@sankofa/server';
import { Command } from 'commander';
import { processIo, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase, parseCount } from '../database-option.ts';
import { loadDemo, printDemoLogins } from '../demo-loader.ts';
import { scanSignals } from '../../../server/src/services/signal-scan/index.ts';
import { scanSummaryLine } from './scan.ts';

interface DemoCommandOptions {
  seed: number;
  facilities: number;
  months: number;
  endPeriod?: string;
  reset?: boolean;
  /** False with `--no-scan`. */
  scan?: boolean;
  database?: string;
}

/** `sankofa demo`: build the synthetic demo country into the database. */
export function demoCommand(io: CliIo = processIo()): Command {
  return new Command('demo')
    .description('generate a deterministic demo country with 36 months of data and demo users')
    .option(
      '--seed <n>',
      'random seed: the same seed gives the same country',
      parseCount('--seed', 0),
      1,
    )
    .option(
      '--facilities <n>',
      'number of facilities (e.g. 2000 for benchmarks)',
      parseCount('--facilities', 4),
      250,
    )
    .option('--months <n>', 'months of data', parseCount('--months', 12), 36)
    .option('--end-period <yyyymm>', 'last month of data (default: the last complete month)')
    .option('--reset', 'delete everything in the database first')
    .option('--no-scan', 'do not scan the loaded data for signals')
    .addOption(databaseOption())
    .action(async (options: DemoCommandOptions) => {
      if (options.endPeriod !== undefined && !/^\d{6}$/.test(options.endPeriod)) {
        throw new Error(`--end-period must be a month like 202610, got "${options.endPeriod}"`);
      }
      const adapter = await openMigratedDatabase(options.database, io.env);
      try {
        if (options.reset === true) {
          await resetDatabase(adapter.db);
        }
        if (!(await isDatabaseEmpty(adapter.db))) {
          throw new Error(
            `${adapter.description} already holds org units: use --reset to replace them with the demo`,
          );
        }
        const country = await loadDemo(
          adapter,
          {
            seed: options.seed,
            facilities: options.facilities,
            months: options.months,
            ...(options.endPeriod === undefined ? {} : { endPeriod: options.endPeriod }),
          },
          io,
        );
        printDemoLogins(country, io.stdout);
        if (options.scan !== false) {
          // Loaded data are scanned as every import is (issue #5): the inbox has its signals at
          // the first login. On stderr, beside the loading's progress.
          const result = await scanSignals(adapter.db, { actor: 'cli' });
          io.stderr.write(`${scanSummaryLine(result)}\n`);
        }
      } finally {
        await adapter.close();
      }
    });
}
