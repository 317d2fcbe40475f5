/**
 * What the scan and the chart page both need to read an indicator × org unit series the same
 * way: the indicator's columns, its series subject, the preset a chart setting names, and the
 * `SeriesToAnalyse` built from the points and the setting.
 */
import {
  DEFAULT_RULE_SET,
  getRuleSetPreset,
  isBuiltInRuleSetId,
  type RuleSetPreset,
  type SeriesPoint,
} from '@sankofa/core';
import type { Kysely, Selectable } from 'kysely';
import type { ChartSettingsTable, Database } from '../../db/schema.ts';
import type { SeriesSubject } from '../query-series.ts';
import type { ScanPoint, SeriesToAnalyse } from './series-analysis.ts';

/** Indicators with what reading their series needs (and their name, for pages). */
export function selectScanIndicators(db: Kysely<Database>) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('indicatorTypes as t', 't.id', 'i.indicatorTypeId')
    .select([
      'i.id',
      'i.name',
      'i.kind',
      'i.defaultChartType',
      'i.notifiable',
      'i.numerator',
      'i.denominator',
      'i.annualized',
      't.factor',
    ]);
}

export type ScanIndicator = Awaited<
  ReturnType<ReturnType<typeof selectScanIndicators>['executeTakeFirstOrThrow']>
>;

export function indicatorSubject(indicator: ScanIndicator): SeriesSubject {
  return {
    kind: 'indicator',
    numerator: indicator.numerator,
    denominator: indicator.denominator,
    factor: indicator.factor,
    annualized: indicator.annualized === 1,
  };
}

const presets = new Map<string, RuleSetPreset>();

/** The preset a chart setting names when it is built in, else the default (Anhøj). */
export function presetOf(ruleSetId: string | null | undefined): RuleSetPreset {
  const chosen = ruleSetId != null && isBuiltInRuleSetId(ruleSetId) ? ruleSetId : DEFAULT_RULE_SET;
  let preset = presets.get(chosen);
  if (preset === undefined) {
    preset = getRuleSetPreset(chosen);
    presets.set(chosen, preset);
  }
  return preset;
}

/**
 * Whether a point has its numerator and denominator (null or not), as an indicator's points
 * always do: then it is a `ScanPoint` as it is, without a copy (a scan reads 700,000 points).
 */
function hasRatioParts(point: SeriesPoint): point is SeriesPoint & ScanPoint {
  return point.numerator !== undefined && point.denominator !== undefined;
}

/** The series as the analysis reads it: the points, the indicator's chart and the saved setting. */
export function seriesToAnalyse(
  indicator: ScanIndicator,
  periodIds: readonly string[],
  points: readonly SeriesPoint[],
  setting: Selectable<ChartSettingsTable> | undefined,
): SeriesToAnalyse {
  return {
    periodIds,
    points: points.every(hasRatioParts)
      ? points
      : points.map((p) => ({
          value: p.value,
          numerator: p.numerator ?? null,
          denominator: p.denominator ?? null,
        })),
    chartType: indicator.defaultChartType,
    factor: indicator.factor,
    kind: indicator.kind,
    notifiable: indicator.notifiable === 1,
    baselineEnd: setting?.baselineEnd ?? null,
    phaseEnds: setting === undefined ? [] : (JSON.parse(setting.phaseEnds) as string[]),
    preset: presetOf(setting?.ruleSetId),
  };
}
