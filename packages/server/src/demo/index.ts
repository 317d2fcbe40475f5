/**
 * The demo country generator behind `sankofa demo`: a deterministic, realistic synthetic country
 * (hierarchy, data dictionary, indicators, monthly data, users) with features planted in the data
 * for a learning system to find — seasonality, an outbreak, a sustained improvement against
 * comparison districts, a slow decline, outliers and reporting gaps — each listed in
 * `plantedFeatures`. Pure: no I/O, no clock, no `Math.random`; the same options give the same
 * country, value for value.
 */
import { buildCatalogue, DEFAULT_CATEGORY_OPTION_COMBO_ID } from './catalogue.ts';
import { isMonthId, monthSeries } from './calendar.ts';
import { countDataValues, generateDataValues } from './data-values.ts';
import type { SeriesContext } from './facility-series.ts';
import { buildGroups } from './groups.ts';
import { buildHierarchy } from './hierarchy.ts';
import { buildIndicators } from './indicators.ts';
import { planOutliers } from './outliers.ts';
import { describePlantedFeatures } from './planted-features.ts';
import { planReportingGaps } from './reporting-gaps.ts';
import { chooseScenario } from './scenario.ts';
import type { DemoCountry, DemoOptions } from './types.ts';
import { UidRegistry } from './uid.ts';
import { buildDemoUsers } from './users.ts';

export type {
  DemoAggregationType,
  DemoCategoryCombo,
  DemoCategoryOptionCombo,
  DemoChartType,
  DemoCountry,
  DemoDataElement,
  DemoDataValue,
  DemoGroup,
  DemoIndicator,
  DemoIndicatorKind,
  DemoIndicatorType,
  DemoOptions,
  DemoOrgUnit,
  DemoOrgUnitKind,
  DemoUser,
  DemoValueType,
  PlantedFeature,
  PlantedFeatureKind,
} from './types.ts';
export { DEFAULT_CATEGORY_COMBO_ID, DEFAULT_CATEGORY_OPTION_COMBO_ID } from './catalogue.ts';

/** The defaults of the optional options. */
export const DEMO_DEFAULTS = { seed: 1, facilities: 250, months: 36 } as const;

/** Limits that keep the planted features meaningful and generation reasonable. */
export const DEMO_LIMITS = {
  minFacilities: 4,
  maxFacilities: 100_000,
  minMonths: 12,
  maxMonths: 240,
} as const;

/**
 * Fills in defaults and checks the options.
 *
 * @throws RangeError naming the option that is out of range
 */
export function resolveDemoOptions(options: DemoOptions): Required<DemoOptions> {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const facilities = options.facilities ?? DEMO_DEFAULTS.facilities;
  const months = options.months ?? DEMO_DEFAULTS.months;
  const { endPeriod } = options;
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${seed}`);
  }
  const { minFacilities, maxFacilities, minMonths, maxMonths } = DEMO_LIMITS;
  if (!Number.isInteger(facilities) || facilities < minFacilities || facilities > maxFacilities) {
    throw new RangeError(
      `facilities must be a whole number from ${minFacilities} to ${maxFacilities}, got ${facilities}`,
    );
  }
  if (!Number.isInteger(months) || months < minMonths || months > maxMonths) {
    throw new RangeError(
      `months must be a whole number from ${minMonths} to ${maxMonths}, got ${months}`,
    );
  }
  if (typeof endPeriod !== 'string' || !isMonthId(endPeriod)) {
    throw new RangeError(
      `endPeriod must be a monthly period id like 202610, got "${String(endPeriod)}"`,
    );
  }
  return { seed, facilities, months, endPeriod };
}

/**
 * Builds the demo country for `options`. Metadata, users and planted features are computed
 * now; data values are generated each time `dataValues()` is iterated.
 *
 * @throws RangeError when an option is out of range (see `resolveDemoOptions`)
 */
export function generateDemoCountry(options: DemoOptions): DemoCountry {
  const resolved = resolveDemoOptions(options);
  const { seed, facilities, months, endPeriod } = resolved;
  const periods = monthSeries(endPeriod, months);
  const uids = new UidRegistry(seed);
  const catalogue = buildCatalogue(uids);
  const indicatorSet = buildIndicators(uids, catalogue);
  const hierarchy = buildHierarchy(seed, facilities, uids);
  const scenario = chooseScenario(seed, hierarchy, months);
  const groups = buildGroups(uids, hierarchy, scenario);
  const ctx: SeriesContext = { seed, periods, catalogue, hierarchy, scenario };
  const gaps = planReportingGaps(seed, hierarchy, scenario, months);
  const outliers = planOutliers(ctx, gaps);
  const plantedFeatures = describePlantedFeatures({
    periods,
    catalogue,
    indicators: indicatorSet,
    hierarchy,
    scenario,
    gaps,
    outliers,
  });

  return {
    options: resolved,
    periods,
    orgUnits: hierarchy.orgUnits,
    groups,
    categoryCombos: catalogue.categoryCombos,
    defaultCategoryOptionComboId: DEFAULT_CATEGORY_OPTION_COMBO_ID,
    dataElements: catalogue.dataElements,
    indicatorTypes: indicatorSet.indicatorTypes,
    indicators: indicatorSet.indicators,
    users: buildDemoUsers(hierarchy, scenario),
    plantedFeatures,
    dataValues: () => generateDataValues(ctx, gaps, outliers),
    countDataValues: () => countDataValues(ctx, gaps),
  };
}
