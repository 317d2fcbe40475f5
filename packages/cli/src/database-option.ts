/** How every command finds its database: `--database URL`, else `DATABASE_URL`, else the default SQLite file. */
import { openDatabase, type DialectAdapter } from '@sankofa/server';
import { migrateToLatest } from '@sankofa/server';
import { Option } from 'commander';

export const databaseOption = (): Option =>
  new Option(
    '--database <url>',
    'database URL: sqlite:PATH or postgres://… (default: $DATABASE_URL or sqlite:./data/sankofa.sqlite)',
  );

/** Opens and migrates the database a command should use. */
export async function openMigratedDatabase(url: string | undefined): Promise<DialectAdapter> {
  const adapter = openDatabase(url ?? process.env.DATABASE_URL);
  await migrateToLatest(adapter);
  return adapter;
}

/** Parses a whole-number flag, naming it in the error. */
export function parseCount(flag: string, min = 1) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`${flag} must be a whole number of at least ${min}, got "${raw}"`);
    }
    return n;
  };
}
