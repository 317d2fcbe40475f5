/**
 * `sankofa scan [--full] [--json]`: reads every indicator × org unit series for signals and
 * stores what changed (new, extended, gone), skipping series unchanged since the last scan unless
 * `--full`. Progress on stderr; the counts on stdout, as text or `--json`. Exit 0 when the scan
 * ran, 1 when it failed.
 */
import { Command } from 'commander';
import { scanSignals, type ScanResult } from '../../../server/src/services/signal-scan/index.ts';
import { processIo, writeLines, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase } from '../database-option.ts';

interface ScanCommandOptions {
  full?: boolean;
  json?: boolean;
  database?: string;
}

/** The result as one line of text. */
export function scanSummaryLine(result: ScanResult): string {
  const { signals: s } = result;
  return `Scanned ${result.series} series in ${(result.durationMs / 1000).toFixed(1)} s: ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged signal(s); ${s.total} present`;
}

export function scanCommand(io: CliIo = processIo()): Command {
  return new Command('scan')
    .description(
      'scan every indicator × org unit series for signals (SPC rules, outbreaks); only changed series unless --full',
    )
    .option('--full', 'recompute every series, even those unchanged since the last scan')
    .option(
      '--json',
      'print { series, signals: { new, updated, unchanged, total }, durationMs } on stdout',
    )
    .addOption(databaseOption())
    .action(async (options: ScanCommandOptions) => {
      const adapter = await openMigratedDatabase(options.database, io.env);
      let result: ScanResult;
      try {
        let shown = -1;
        result = await scanSignals(adapter.db, {
          full: options.full === true,
          actor: 'cli',
          onProgress: (p) => {
            // About twenty lines for a whole scan, and the last one.
            const step = Math.floor((20 * p.done) / Math.max(1, p.total));
            if (step !== shown || p.done === p.total) {
              shown = step;
              writeLines(io.stderr, p.message);
            }
          },
        });
      } finally {
        await adapter.close();
      }
      if (options.json === true) {
        const { series, signals, durationMs } = result;
        writeLines(
          io.stdout,
          JSON.stringify({
            series,
            signals: {
              new: signals.new,
              updated: signals.updated,
              unchanged: signals.unchanged,
              total: signals.total,
            },
            durationMs,
          }),
        );
      } else {
        writeLines(io.stdout, scanSummaryLine(result));
      }
      io.exitCode = 0;
    });
}
