/**
 * Data values stored in their primary key's order where the database can (SQLite's
 * `WITHOUT ROWID`, see `DialectAdapter.clusteredTables`). Reads are ranges of that key — a data
 * element's values in some periods, for the signal scan and every series query — and a rowid
 * table answered each row with a seek in the key's index and a second one in the table. Stored
 * in key order, SQLite's share of the signal scan's read halves (measured on the 600-facility
 * country: 604,167 rows, 1.0 s → 0.49 s; the whole read 1.55 s → 1.03 s). The price is on
 * writes in random key order: an import of 300,000 new values ~9 % slower (6.5 s → 7.1 s); the
 * demo loader inserts in key order instead (`load-demo.ts`), and the file is ~5 % smaller.
 * The table is rebuilt: its rows copied, the old table dropped, the new one renamed, the
 * indexes made again. PostgreSQL is left as it is.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from '../dialects/types.ts';

const COLUMNS = `data_element_id, period_id, org_unit_id, category_option_combo_id,
  attribute_option_combo_id, value, numeric_value, stored_by, created_at, last_updated, comment,
  follow_up, deleted`;

export function dataValuesClusteredMigration(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (!adapter.clusteredTables) {
        return;
      }
      await db.schema
        .createTable('data_values_clustered')
        .addColumn('data_element_id', 'text', (c) => c.notNull().references('data_elements.id'))
        .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('category_option_combo_id', 'text', (c) =>
          c.notNull().references('category_option_combos.id'),
        )
        .addColumn('attribute_option_combo_id', 'text', (c) =>
          c.notNull().references('attribute_option_combos.id'),
        )
        .addColumn('value', 'text')
        .addColumn('numeric_value', 'double precision')
        .addColumn('stored_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_updated', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('follow_up', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('data_values_pk', [
          'data_element_id',
          'period_id',
          'org_unit_id',
          'category_option_combo_id',
          'attribute_option_combo_id',
        ])
        .modifyEnd(sql`without rowid`)
        .execute();
      await sql`INSERT INTO data_values_clustered (${sql.raw(COLUMNS)})
        SELECT ${sql.raw(COLUMNS)} FROM data_values`.execute(db);
      await db.schema.dropTable('data_values').execute();
      await db.schema.alterTable('data_values_clustered').renameTo('data_values').execute();
      await db.schema
        .createIndex('data_values_org_unit_idx')
        .on('data_values')
        .columns(['org_unit_id', 'data_element_id', 'period_id'])
        .execute();
      await db.schema
        .createIndex('data_values_last_updated_idx')
        .on('data_values')
        .column('last_updated')
        .execute();
    },
  };
}
