/**
 * Signals (issue #5): what the scan found in an indicator × org unit series, deduplicated across
 * scans, with its lifecycle; the per-series scan state that makes scans incremental; and the
 * chart settings (baseline and phase splits) saved per indicator × org unit.
 */
import type { Kysely, Migration } from 'kysely';

export function signalsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('signals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        // outbreak, sustained_shift, trend, single_point, runs, peer_outlier
        .addColumn('kind', 'text', (c) => c.notNull())
        // a rule-set RuleId, `outbreak:<method>` or `funnel`
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        .addColumn('rule_set_version', 'text', (c) => c.notNull())
        // up, down or null
        .addColumn('direction', 'text')
        // DHIS2 period ids: the first and last period involved, and all of them as a JSON array
        .addColumn('first_period', 'text', (c) => c.notNull())
        .addColumn('last_period', 'text', (c) => c.notNull())
        .addColumn('period_ids', 'text', (c) => c.notNull())
        .addColumn('explanation_code', 'text', (c) => c.notNull())
        // JSON object of numbers
        .addColumn('explanation_values', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        // new, acknowledged, under_review, actioned, dismissed
        .addColumn('status', 'text', (c) => c.notNull())
        // why it was dismissed (required then), or a note on another change
        .addColumn('status_reason', 'text')
        .addColumn('status_changed_at', 'text')
        .addColumn('status_changed_by', 'text')
        // 0 once a scan no longer finds it (kept, never deleted)
        .addColumn('still_present', 'integer', (c) => c.notNull().defaultTo(1))
        // the series' denominator or count in its last period, for the inbox order
        .addColumn('population', 'double precision')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('signals_series_idx')
        .on('signals')
        .columns(['indicator_id', 'org_unit_id'])
        .execute();
      await db.schema
        .createIndex('signals_org_unit_status_idx')
        .on('signals')
        .columns(['org_unit_id', 'status'])
        .execute();

      await db.schema
        .createTable('signal_series_state')
        .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        // a hash of what the series' findings depend on: values, chart settings, preset
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('scanned_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('signal_series_state_pk', ['indicator_id', 'org_unit_id'])
        .execute();

      await db.schema
        .createTable('chart_settings')
        .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        // the last period of the baseline (freeze), or null
        .addColumn('baseline_end', 'text')
        // JSON array of period ids, each the last period of a phase but the last
        .addColumn('phase_ends', 'text', (c) => c.notNull())
        // a rule-set preset id chosen for this series, or null for the default
        .addColumn('rule_set_id', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addPrimaryKeyConstraint('chart_settings_pk', ['indicator_id', 'org_unit_id'])
        .execute();
    },
  };
}
