import { Command } from 'commander';
import { analyzeCommand } from './commands/analyze.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { dhis2Command } from './commands/dhis2.ts';
import { importCommand } from './commands/import.ts';
import { metadataCommand } from './commands/metadata.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { userCommand } from './commands/user.ts';

/** The `sankofa` program with every command. */
export function buildProgram(): Command {
  const program = new Command('sankofa')
    .description(
      'Sankofa: learn from routine health data, reviews and actions.\nDATABASE_URL selects the database (default sqlite:./data/sankofa.sqlite).',
    )
    .version('0.1.0')
    .showHelpAfterError();
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(demoCommand());
  program.addCommand(userCommand());
  program.addCommand(importCommand());
  program.addCommand(exportCommand());
  program.addCommand(analyzeCommand());
  program.addCommand(metadataCommand());
  program.addCommand(dhis2Command());
  return program;
}
