import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../schema.ts';
import type { DialectAdapter } from '../types.ts';

// COUNT(*) and SUM over integers come back as int8/numeric; return them as JS numbers, as SQLite does.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

/**
 * Connects to PostgreSQL with a small pool.
 *
 * @param url - a `postgres://` or `postgresql://` connection string
 */
export function openPostgres(url: string): DialectAdapter {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  const safe = new URL(url);
  safe.password = '';
  return {
    name: 'postgres',
    db,
    autoIncrementType: 'bigserial',
    autoIncrementPrimaryKey: (column) => column.primaryKey(),
    clusteredTables: false,
    // The wire protocol counts parameters in 16 bits.
    maxParameters: 65_000,
    description: `PostgreSQL ${safe.host}${safe.pathname}`,
    close: () => db.destroy(),
  };
}
