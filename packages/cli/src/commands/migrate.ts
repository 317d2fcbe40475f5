import { migrateToLatest, openDatabase } from '@sankofa/server';
import { Command } from 'commander';
import { processIo, writeLines, type CliIo } from '../cli-io.ts';
import { databaseOption, databaseUrl } from '../database-option.ts';

/** `sankofa migrate`: bring the database schema up to date. */
export function migrateCommand(io: CliIo = processIo()): Command {
  return new Command('migrate')
    .description('create or update the database schema (also done by serve)')
    .addOption(databaseOption())
    .action(async (options: { database?: string }) => {
      const adapter = openDatabase(databaseUrl(options.database, io.env));
      try {
        const { applied } = await migrateToLatest(adapter);
        writeLines(
          io.stdout,
          applied.length === 0
            ? `${adapter.description}: schema is up to date`
            : `${adapter.description}: applied ${applied.join(', ')}`,
        );
      } finally {
        await adapter.close();
      }
    });
}
