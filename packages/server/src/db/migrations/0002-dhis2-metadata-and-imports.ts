/**
 * What the information layer needs beyond the foundation: DHIS2's category model (categories,
 * options and which options make each combo, so ADX attributes resolve to combos), data sets
 * with their elements and org units (reporting completeness), complete registrations,
 * constants (`C{}` in indicators), import jobs, and DHIS2 connections with their sync runs.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialects/types.ts';

export function dhis2MetadataMigration(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const metadataTable = (name: string) =>
        db.schema
          .createTable(name)
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('short_name', 'text');

      await metadataTable('categories')
        .addColumn('data_dimension_type', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await metadataTable('category_options')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('category_category_options')
        .addColumn('category_id', 'text', (c) =>
          c.notNull().references('categories.id').onDelete('cascade'),
        )
        .addColumn('category_option_id', 'text', (c) =>
          c.notNull().references('category_options.id').onDelete('cascade'),
        )
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('category_category_options_pk', [
          'category_id',
          'category_option_id',
        ])
        .execute();
      await db.schema
        .createTable('category_combo_categories')
        .addColumn('category_combo_id', 'text', (c) =>
          c.notNull().references('category_combos.id').onDelete('cascade'),
        )
        .addColumn('category_id', 'text', (c) =>
          c.notNull().references('categories.id').onDelete('cascade'),
        )
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('category_combo_categories_pk', [
          'category_combo_id',
          'category_id',
        ])
        .execute();
      // Which category options make a (category or attribute) option combo; the combo id is in
      // one of the two combo tables, so there is no foreign key on it.
      await db.schema
        .createTable('option_combo_options')
        .addColumn('option_combo_id', 'text', (c) => c.notNull())
        .addColumn('category_option_id', 'text', (c) =>
          c.notNull().references('category_options.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('option_combo_options_pk', [
          'option_combo_id',
          'category_option_id',
        ])
        .execute();
      await db.schema
        .createIndex('option_combo_options_option_idx')
        .on('option_combo_options')
        .column('category_option_id')
        .execute();

      await metadataTable('data_sets')
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('category_combo_id', 'text', (c) => c.references('category_combos.id'))
        .addColumn('open_future_periods', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expiry_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('timely_days', 'integer', (c) => c.notNull().defaultTo(15))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('data_set_elements')
        .addColumn('data_set_id', 'text', (c) =>
          c.notNull().references('data_sets.id').onDelete('cascade'),
        )
        .addColumn('data_element_id', 'text', (c) =>
          c.notNull().references('data_elements.id').onDelete('cascade'),
        )
        .addColumn('category_combo_id', 'text', (c) => c.references('category_combos.id'))
        .addPrimaryKeyConstraint('data_set_elements_pk', ['data_set_id', 'data_element_id'])
        .execute();
      await db.schema
        .createTable('data_set_org_units')
        .addColumn('data_set_id', 'text', (c) =>
          c.notNull().references('data_sets.id').onDelete('cascade'),
        )
        .addColumn('org_unit_id', 'text', (c) =>
          c.notNull().references('org_units.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('data_set_org_units_pk', ['data_set_id', 'org_unit_id'])
        .execute();
      await db.schema
        .createIndex('data_set_org_units_ou_idx')
        .on('data_set_org_units')
        .column('org_unit_id')
        .execute();
      await db.schema
        .createTable('complete_registrations')
        .addColumn('data_set_id', 'text', (c) => c.notNull().references('data_sets.id'))
        .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('attribute_option_combo_id', 'text', (c) =>
          c.notNull().references('attribute_option_combos.id'),
        )
        .addColumn('completed_at', 'text', (c) => c.notNull())
        .addColumn('stored_by', 'text')
        .addColumn('last_updated', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('complete_registrations_pk', [
          'data_set_id',
          'period_id',
          'org_unit_id',
          'attribute_option_combo_id',
        ])
        .execute();

      await metadataTable('constants')
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('import_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'text')
        .addColumn('summary', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('import_jobs_user_idx')
        .on('import_jobs')
        .columns(['user_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('dhis2_connections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('base_url', 'text', (c) => c.notNull())
        .addColumn('auth', 'text', (c) => c.notNull())
        .addColumn('root_org_unit_id', 'text')
        .addColumn('last_updated_watermark', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('dhis2_sync_runs')
        .addColumn('id', adapter.autoIncrementType, (c) => adapter.autoIncrementPrimaryKey(c))
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('dhis2_connections.id').onDelete('cascade'),
        )
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('since', 'text')
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('chunks_done', 'text', (c) => c.notNull())
        .addColumn('report', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
    },
  };
}
