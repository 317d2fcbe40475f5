import { Command } from 'commander';
import { attachIo, processIo, type CliIo } from './cli-io.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { dhis2Command } from './commands/dhis2.ts';
import { importCommand } from './commands/import.ts';
import { metadataCommand } from './commands/metadata.ts';
import { migrateCommand } from './commands/migrate.ts';
import { scanCommand } from './commands/scan.ts';
import { serveCommand } from './commands/serve.ts';
import { userCommand } from './commands/user.ts';

/**
 * The `sankofa` program with every command, reading its environment from `io` and writing to its
 * streams. Commander never calls `process.exit`: it throws a CommanderError with the exit code
 * (see `reportFailure`), and commands that ran but failed set `io.exitCode`.
 */
export function buildProgram(io: CliIo = processIo()): Command {
  const program = new Command('sankofa')
    .description(
      'Sankofa: learn from routine health data, reviews and actions.\nDATABASE_URL selects the database (default sqlite:./data/sankofa.sqlite).',
    )
    .version('0.1.0')
    .showHelpAfterError();
  program.addCommand(serveCommand(io));
  program.addCommand(migrateCommand(io));
  program.addCommand(demoCommand(io));
  program.addCommand(userCommand(io));
  program.addCommand(importCommand(io));
  program.addCommand(exportCommand(io));
  program.addCommand(analyzeCommand(io));
  program.addCommand(metadataCommand(io));
  program.addCommand(dhis2Command(io));
  program.addCommand(scanCommand(io));
  attachIo(program, io);
  return program;
}
