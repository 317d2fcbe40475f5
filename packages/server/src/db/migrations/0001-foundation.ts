/**
 * The foundation schema: hierarchy, metadata, the data value fact table, accounts, sessions,
 * audit. Later entities (signals, reviews, decisions, actions, evaluations, lessons) attach to
 * org units, indicators and users by these text ids and get their own migrations.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialects/types.ts';

export function foundationMigration(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('org_units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('opening_date', 'text')
        .addColumn('closed_date', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('org_units_parent_idx')
        .on('org_units')
        .column('parent_id')
        .execute();
      await db.schema.createIndex('org_units_path_idx').on('org_units').column('path').execute();
      await db.schema.createIndex('org_units_name_idx').on('org_units').column('name').execute();

      await db.schema
        .createTable('org_unit_closure')
        .addColumn('ancestor_id', 'text', (c) =>
          c.notNull().references('org_units.id').onDelete('cascade'),
        )
        .addColumn('descendant_id', 'text', (c) =>
          c.notNull().references('org_units.id').onDelete('cascade'),
        )
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('org_unit_closure_pk', ['ancestor_id', 'descendant_id'])
        .execute();
      await db.schema
        .createIndex('org_unit_closure_descendant_idx')
        .on('org_unit_closure')
        .columns(['descendant_id', 'depth'])
        .execute();

      for (const table of ['org_unit_groups', 'data_element_groups']) {
        await db.schema
          .createTable(table)
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('short_name', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      }
      await db.schema
        .createTable('org_unit_group_members')
        .addColumn('org_unit_group_id', 'text', (c) =>
          c.notNull().references('org_unit_groups.id').onDelete('cascade'),
        )
        .addColumn('org_unit_id', 'text', (c) =>
          c.notNull().references('org_units.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('org_unit_group_members_pk', ['org_unit_group_id', 'org_unit_id'])
        .execute();

      await db.schema
        .createTable('category_combos')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('data_dimension_type', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const table of ['category_option_combos', 'attribute_option_combos']) {
        await db.schema
          .createTable(table)
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('category_combo_id', 'text', (c) =>
            c.notNull().references('category_combos.id'),
          )
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      }

      await db.schema
        .createTable('data_elements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('short_name', 'text')
        .addColumn('description', 'text')
        .addColumn('value_type', 'text', (c) => c.notNull())
        .addColumn('aggregation_type', 'text', (c) => c.notNull())
        .addColumn('domain_type', 'text', (c) => c.notNull())
        .addColumn('category_combo_id', 'text', (c) => c.notNull().references('category_combos.id'))
        .addColumn('zero_is_significant', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('data_element_group_members')
        .addColumn('data_element_group_id', 'text', (c) =>
          c.notNull().references('data_element_groups.id').onDelete('cascade'),
        )
        .addColumn('data_element_id', 'text', (c) =>
          c.notNull().references('data_elements.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('data_element_group_members_pk', [
          'data_element_group_id',
          'data_element_id',
        ])
        .execute();

      await db.schema
        .createTable('periods')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('periods_type_start_idx')
        .on('periods')
        .columns(['period_type', 'start_date'])
        .execute();

      await db.schema
        .createTable('data_values')
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
        .execute();
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

      await db.schema
        .createTable('indicator_types')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('factor', 'double precision', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('indicators')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('short_name', 'text')
        .addColumn('description', 'text')
        .addColumn('numerator', 'text', (c) => c.notNull())
        .addColumn('numerator_description', 'text')
        .addColumn('denominator', 'text', (c) => c.notNull())
        .addColumn('denominator_description', 'text')
        .addColumn('indicator_type_id', 'text', (c) => c.notNull().references('indicator_types.id'))
        .addColumn('annualized', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('decimals', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('desired_direction', 'text', (c) => c.notNull())
        .addColumn('target', 'double precision')
        .addColumn('default_chart_type', 'text', (c) => c.notNull())
        .addColumn('notifiable', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .execute();
      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role', 'org_unit_id'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', adapter.autoIncrementType, (c) => adapter.autoIncrementPrimaryKey(c))
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('org_unit_id', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('request_id', 'text')
        .execute();
      await db.schema
        .createIndex('audit_events_entity_idx')
        .on('audit_events')
        .columns(['entity_type', 'entity_id'])
        .execute();
      await db.schema
        .createIndex('audit_events_user_idx')
        .on('audit_events')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
