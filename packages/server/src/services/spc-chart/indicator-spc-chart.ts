/**
 * The chart page's SPC chart of an indicator × org unit, computed exactly as the signal scan
 * reads the series (same months, chart type, settings, preset and chart functions), so what the
 * page draws is what raised the signals; and the settings (baseline, phases, preset) that change
 * it for everyone, saved with an audit event.
 */
import {
  findingsFromSpcChart,
  isBuiltInRuleSetId,
  parsePeriodId,
  RULE_SET_PRESETS,
  type ChartSettingsBody,
  type SpcChartResponse,
} from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ApiError } from '../../errors.ts';
import { nowIso } from '../../ids.ts';
import { recordAudit } from '../audit.ts';
import { querySeries } from '../query-series.ts';
import { latestMonthWithData, monthsEndingAt, SCAN_MONTHS } from '../signal-scan/scan-signals.ts';
import { seriesSpcChart } from '../signal-scan/series-analysis.ts';
import { indicatorSubject, seriesToAnalyse } from '../signal-scan/series-input.ts';
import { assertMonth } from './assert-month.ts';
import { findScanIndicator } from './find-scan-indicator.ts';

/** The built-in presets, for the chart page's preset switch. */
const PRESET_CHOICES = Object.values(RULE_SET_PRESETS).map((p) => ({
  id: p.id,
  name: p.name,
  version: p.version,
}));

/** The chart of `indicatorId` for `orgUnit` (whose scope the caller checked). */
export async function indicatorSpcChart(
  db: Kysely<Database>,
  indicatorId: string,
  orgUnit: { readonly id: string; readonly name: string; readonly level: number },
): Promise<SpcChartResponse> {
  const indicator = await findScanIndicator(db, indicatorId);
  const setting = await db
    .selectFrom('chartSettings')
    .selectAll()
    .where('indicatorId', '=', indicator.id)
    .where('orgUnitId', '=', orgUnit.id)
    .executeTakeFirst();
  const latest = await latestMonthWithData(db);
  const periodIds = latest === null ? [] : monthsEndingAt(latest, SCAN_MONTHS);
  const points = await querySeries(db, {
    subject: indicatorSubject(indicator),
    orgUnitId: orgUnit.id,
    periods: periodIds.map((id) => parsePeriodId(id)),
  });
  const series = seriesToAnalyse(indicator, periodIds, points, setting);
  const { preset } = series;
  const drawn = seriesSpcChart(series);
  const findings = drawn === null ? [] : findingsFromSpcChart(drawn.chart, periodIds, preset);
  const rulesAt = new Map<string, string[]>();
  for (const f of findings) {
    for (const period of f.periodIds) {
      rulesAt.set(period, [...new Set([...(rulesAt.get(period) ?? []), f.rule])]);
    }
  }
  return {
    indicator: { id: indicator.id, name: indicator.name },
    orgUnit: { id: orgUnit.id, name: orgUnit.name, level: orgUnit.level },
    chartType: drawn?.type ?? indicator.defaultChartType,
    preset: { id: preset.id, name: preset.name, version: preset.version },
    baselineEnd: series.baselineEnd,
    phaseEnds: [...series.phaseEnds],
    tooShort: drawn === null,
    points: periodIds.map((period, i) => {
      const p = drawn?.chart.points[i];
      return {
        period,
        value: p?.y ?? series.points[i].value,
        numerator: series.points[i].numerator,
        denominator: series.points[i].denominator,
        centre: p?.cl ?? null,
        lower: p?.lcl ?? null,
        upper: p?.ucl ?? null,
        part: p?.part ?? 1,
        baseline: p?.baseline ?? true,
        rules: rulesAt.get(period) ?? [],
      };
    }),
    findings: findings.map((f) => ({
      kind: f.kind,
      rule: f.rule,
      periods: [...f.periodIds],
      summary: f.summary,
    })),
    settingsUpdatedAt: setting?.updatedAt ?? null,
    presets: PRESET_CHOICES,
  };
}

/**
 * Saves the baseline, phases and preset of an indicator × org unit (scope checked by the
 * caller), with one audit event holding before and after. A baseline or phase end must be a
 * month; a preset must be built in; phases or preset left out stay as they were. All empty (no
 * baseline, no phases, default preset): the row is deleted.
 */
export async function saveChartSettings(
  db: Kysely<Database>,
  body: ChartSettingsBody,
  actor: { readonly userId: string | null; readonly email: string; readonly requestId?: string },
  orgUnitId: string,
): Promise<void> {
  const indicator = await findScanIndicator(db, body.indicator);
  if (body.baselineEnd !== null) {
    assertMonth(body.baselineEnd, 'body.baselineEnd');
  }
  (body.phaseEnds ?? []).forEach((p, i) => assertMonth(p, `body.phaseEnds.${i}`));
  if (body.ruleSet != null && !isBuiltInRuleSetId(body.ruleSet)) {
    throw new ApiError('validation_failed', `${body.ruleSet} is not a rule-set preset`, [
      {
        field: 'body.ruleSet',
        code: 'unknown_preset',
        message: `${body.ruleSet} is not a rule-set preset`,
      },
    ]);
  }
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('chartSettings')
      .selectAll()
      .where('indicatorId', '=', indicator.id)
      .where('orgUnitId', '=', orgUnitId)
      .executeTakeFirst();
    // Phases and preset left out of the body stay as they were.
    const phaseEnds = [
      ...new Set(
        body.phaseEnds ?? (before === undefined ? [] : (JSON.parse(before.phaseEnds) as string[])),
      ),
    ].sort();
    const ruleSet = body.ruleSet === undefined ? (before?.ruleSetId ?? null) : body.ruleSet;
    await trx
      .deleteFrom('chartSettings')
      .where('indicatorId', '=', indicator.id)
      .where('orgUnitId', '=', orgUnitId)
      .execute();
    const empty = body.baselineEnd === null && phaseEnds.length === 0 && ruleSet === null;
    const after = empty
      ? null
      : {
          indicatorId: indicator.id,
          orgUnitId,
          baselineEnd: body.baselineEnd,
          phaseEnds: JSON.stringify(phaseEnds),
          ruleSetId: ruleSet,
          updatedAt: now,
          updatedBy: actor.email,
        };
    if (after !== null) {
      await trx.insertInto('chartSettings').values(after).execute();
    }
    await recordAudit(trx, {
      userId: actor.userId,
      actor: actor.email,
      action: 'update',
      entityType: 'chart_settings',
      entityId: `${indicator.id}:${orgUnitId}`,
      orgUnitId,
      before: before ?? null,
      after,
      requestId: actor.requestId ?? null,
    });
  });
}
