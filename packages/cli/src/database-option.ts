/** How every command finds its database: `--database URL`, else `DATABASE_URL`, else the default SQLite file. */
import { openDatabase, type DialectAdapter } from '@sankofa/server';
import { migrateToLatest } from '@sankofa/server';
import { Option } from 'commander';

export const databaseOption = (): Option =>
  new Option(
    '--database <url>',
    'database URL: sqlite:PATH or postgres://… (default: $DATABASE_URL or sqlite:./data/sankofa.sqlite)',
  );

/** The database a command should use: `--database URL`, else `DATABASE_URL` from `env`. */
export function databaseUrl(url: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return url ?? env.DATABASE_URL;
}

/**
 * Opens and migrates the database a command should use; the caller closes it. Closed here when
 * the migration fails, so a failed command leaves no connection open.
 */
export async function openMigratedDatabase(
  url: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<DialectAdapter> {
  const adapter = openDatabase(databaseUrl(url, env));
  try {
    await migrateToLatest(adapter);
  } catch (error) {
    await adapter.close();
    throw error;
  }
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
