/**
 * Opens the database that `DATABASE_URL` names. `sqlite:PATH` (the default,
 * `sqlite:./data/sankofa.sqlite`) or `postgres://…`.
 */
import { resolve } from 'node:path';
import { ValidationError } from '@sankofa/core';
import { openPostgres } from './dialects/postgres/postgres-adapter.ts';
import { openSqlite } from './dialects/sqlite/sqlite-adapter.ts';
import type { DialectAdapter } from './dialects/types.ts';

export type { DialectAdapter, DialectName } from './dialects/types.ts';

/** The default database: one SQLite file under `./data`. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/sankofa.sqlite';

/** Where a database lives, parsed from a URL. */
export type DatabaseLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * Parses a database URL.
 *
 * @throws ValidationError naming `DATABASE_URL` when the scheme is not `sqlite:` or `postgres(ql)://`
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') {
      throw ValidationError.of(
        'DATABASE_URL',
        'invalid_database_url',
        'sqlite: needs a file path, e.g. sqlite:./data/sankofa.sqlite',
      );
    }
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { kind: 'postgres', url };
  }
  throw ValidationError.of(
    'DATABASE_URL',
    'invalid_database_url',
    `unsupported database URL "${url.replace(/:[^:@/]*@/, ':***@')}": use sqlite:PATH or postgres://user:password@host:port/db`,
  );
}

/** Opens the database at `url` (not yet migrated: call `migrateToLatest`). */
export function openDatabase(url: string = DEFAULT_DATABASE_URL): DialectAdapter {
  const location = parseDatabaseUrl(url);
  return location.kind === 'sqlite' ? openSqlite(location.path) : openPostgres(location.url);
}
