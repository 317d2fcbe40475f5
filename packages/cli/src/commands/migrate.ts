import { migrateToLatest, openDatabase } from '@sankofa/server';
import { Command } from 'commander';
import { databaseOption } from '../database-option.ts';

/** `sankofa migrate`: bring the database schema up to date. */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('create or update the database schema (also done by serve)')
    .addOption(databaseOption())
    .action(async (options: { database?: string }) => {
      const adapter = openDatabase(options.database ?? process.env.DATABASE_URL);
      try {
        const { applied } = await migrateToLatest(adapter);
        console.log(
          applied.length === 0
            ? `${adapter.description}: schema is up to date`
            : `${adapter.description}: applied ${applied.join(', ')}`,
        );
      } finally {
        await adapter.close();
      }
    });
}
