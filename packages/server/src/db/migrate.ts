/**
 * One migration set for both databases. Migrations are code (not SQL files) so that the few
 * dialect differences come from the adapter.
 */
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { DialectAdapter } from './dialects/types.ts';
import { foundationMigration } from './migrations/0001-foundation.ts';
import { dhis2MetadataMigration } from './migrations/0002-dhis2-metadata-and-imports.ts';
import { dhis2ScheduleMigration } from './migrations/0003-dhis2-schedule.ts';
import { signalsMigration } from './migrations/0004-signals.ts';
import { dataValuesClusteredMigration } from './migrations/0005-data-values-clustered.ts';

/** Every migration, in order; names sort lexically. */
export function allMigrations(adapter: DialectAdapter): Record<string, Migration> {
  return {
    '0001-foundation': foundationMigration(adapter),
    '0002-dhis2-metadata-and-imports': dhis2MetadataMigration(adapter),
    '0003-dhis2-schedule': dhis2ScheduleMigration(),
    '0004-signals': signalsMigration(),
    '0005-data-values-clustered': dataValuesClusteredMigration(adapter),
  };
}

/** The migrator of Sankofa's migrations, with its bookkeeping tables (tests migrate step by step). */
export function createMigrator(adapter: DialectAdapter): Migrator {
  return new Migrator({
    db: adapter.db,
    provider: { getMigrations: () => Promise.resolve(allMigrations(adapter)) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/** Result of bringing a database up to date. */
export interface MigrationReport {
  /** Names of migrations applied by this call, in order. */
  readonly applied: readonly string[];
}

/**
 * Applies every pending migration in one go.
 *
 * @throws the underlying error when a migration fails (that migration is rolled back)
 */
export async function migrateToLatest(adapter: DialectAdapter): Promise<MigrationReport> {
  const { error, results }: MigrationResultSet = await createMigrator(adapter).migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
