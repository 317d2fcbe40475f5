/**
 * Lists the features planted in the demo data (see scenario.ts, reporting-gaps.ts, outliers.ts
 * and facility-series.ts for how each is made) as `PlantedFeature` records: what, where, when
 * and how strong, so tests can assert that analyses find them.
 */
import type { Catalogue, DataElementKey } from './catalogue.ts';
import type { FacilityKind, Hierarchy } from './hierarchy.ts';
import type { IndicatorSet } from './indicators.ts';
import type { PlantedOutlier } from './outliers.ts';
import type { ReportingGaps } from './reporting-gaps.ts';
import { GAP_RUN_RATE, SCATTERED_GAP_RATE } from './reporting-gaps.ts';
import type { Scenario } from './scenario.ts';
import { INTERVENTION_DESCRIPTION, MALARIA_SEASON, OPD_SEASON } from './scenario.ts';
import type { PlantedFeature } from './types.ts';

/** Everything the feature list describes. */
export interface FeatureSources {
  periods: readonly string[];
  catalogue: Catalogue;
  indicators: IndicatorSet;
  hierarchy: Hierarchy;
  scenario: Scenario;
  gaps: ReportingGaps;
  outliers: readonly PlantedOutlier[];
}

const percent = (x: number) => Math.round(x * 1000) / 10;

/** The planted features, in a stable order: seasonality, outbreak, improvement, comparison, decline, outliers, gaps. */
export function describePlantedFeatures(s: FeatureSources): PlantedFeature[] {
  const { periods, catalogue, hierarchy, scenario, gaps } = s;
  const ind = s.indicators.indicator;
  const de = (...keys: DataElementKey[]) => keys.map((k) => catalogue.de[k].id);
  const first = periods[0];
  const last = periods[periods.length - 1];
  const district = (i: number) => hierarchy.districts[i].unit;
  const features: PlantedFeature[] = [];

  features.push({
    kind: 'seasonality',
    description: `Malaria follows the rains: transmission peaks in month ${MALARIA_SEASON.peakMonth} (×${1 + MALARIA_SEASON.amplitude} of the annual mean) and is lowest six months later (×${1 - MALARIA_SEASON.amplitude}), in every facility.`,
    dataElementIds: de('malariaSuspected', 'malariaTested', 'malariaConfirmed'),
    indicatorIds: [ind.malariaConfirmed.id, ind.malariaPositivity.id, ind.malariaIncidence.id],
    orgUnitIds: [hierarchy.country.id],
    startPeriod: first,
    endPeriod: last,
    details: {
      peakMonth: MALARIA_SEASON.peakMonth,
      troughMonth: ((MALARIA_SEASON.peakMonth + 5) % 12) + 1,
      amplitude: MALARIA_SEASON.amplitude,
    },
  });
  features.push({
    kind: 'seasonality',
    description: `OPD visits have a smaller peak in month ${OPD_SEASON.peakMonth} (±${OPD_SEASON.amplitude * 100} %), on top of the fever cases that peak with malaria.`,
    dataElementIds: de('opd'),
    indicatorIds: [ind.opdUtilisation.id],
    orgUnitIds: [hierarchy.country.id],
    startPeriod: first,
    endPeriod: last,
    details: { peakMonth: OPD_SEASON.peakMonth, amplitude: OPD_SEASON.amplitude },
  });

  const ob = scenario.outbreak;
  const obUnit = district(ob.districtIndex);
  features.push({
    kind: 'outbreak',
    description: `Malaria outbreak in ${obUnit.name}: transmission ×${ob.multipliers.join(', ×')} in the last ${ob.periodIndexes.length} months (ongoing at the end of the series), so confirmed cases are ${Math.min(...ob.multipliers)}–${Math.max(...ob.multipliers)} times the same months of the previous year; suspected and tested cases and test positivity rise with them, OPD visits a little.`,
    dataElementIds: de('malariaConfirmed', 'malariaTested', 'malariaSuspected'),
    indicatorIds: [ind.malariaConfirmed.id, ind.malariaPositivity.id, ind.malariaIncidence.id],
    orgUnitIds: [obUnit.id],
    startPeriod: periods[ob.periodIndexes[0]],
    endPeriod: periods[ob.periodIndexes[ob.periodIndexes.length - 1]],
    details: {
      districtCode: obUnit.code,
      multipliers: ob.multipliers.join(','),
      minMultiplier: Math.min(...ob.multipliers),
      maxMultiplier: Math.max(...ob.multipliers),
      baseline: 'the same months of the previous year',
    },
  });

  const im = scenario.improvement;
  const interventionIds = im.interventionDistricts.map((i) => district(i).id);
  const comparisonIds = im.comparisonDistricts.map((i) => district(i).id);
  const baseline = (list: number[]) =>
    percent(list.reduce((a, i) => a + hierarchy.districts[i].anc4Base, 0) / list.length);
  const common = {
    dataElementIds: de('anc4'),
    indicatorIds: [ind.anc4Coverage.id],
    startPeriod: periods[im.periodIndex],
    endPeriod: last,
  };
  features.push({
    kind: 'sustained_improvement',
    description: `${INTERVENTION_DESCRIPTION}, from ${periods[im.periodIndex]} in ${im.interventionDistricts.map((i) => district(i).name).join(', ')}: ANC4 coverage steps up by ${percent(im.step)} percentage points and stays up.`,
    orgUnitIds: interventionIds,
    ...common,
    details: {
      interventionPeriod: periods[im.periodIndex],
      stepPercentagePoints: percent(im.step),
      monthsBefore: im.periodIndex,
      monthsAfter: periods.length - im.periodIndex,
      baselineCoveragePercent: baseline(im.interventionDistricts),
      intervention: INTERVENTION_DESCRIPTION,
      comparisonDistrictIds: comparisonIds.join(','),
    },
  });
  features.push({
    kind: 'no_change_comparison',
    description: `Comparison districts ${im.comparisonDistricts.map((i) => district(i).name).join(', ')}: comparable to the intervention districts (same baseline distribution, same regions where possible), without the intervention; ANC4 coverage does not change.`,
    orgUnitIds: comparisonIds,
    ...common,
    details: {
      interventionPeriod: periods[im.periodIndex],
      expectedChangePercentagePoints: 0,
      baselineCoveragePercent: baseline(im.comparisonDistricts),
      interventionDistrictIds: interventionIds.join(','),
    },
  });

  const dc = scenario.decline;
  const region = hierarchy.regions[dc.regionIndex].unit;
  const total = dc.monthlyFactor ** (periods.length - 1 - dc.startIndex) - 1;
  features.push({
    kind: 'slow_decline',
    description: `Slow decline across ${region.name}: Penta3 doses fall ${percent(1 - dc.monthlyFactor)} % a month (relative) from ${periods[dc.startIndex]}, ${percent(-total)} % by the end, so Penta3 coverage falls and the Penta1→3 dropout rate rises in every district of the region.`,
    dataElementIds: de('penta3'),
    indicatorIds: [ind.penta3Coverage.id, ind.pentaDropout.id],
    orgUnitIds: [region.id],
    startPeriod: periods[dc.startIndex],
    endPeriod: last,
    details: {
      regionCode: region.code,
      monthlyRelativeChange: Math.round((dc.monthlyFactor - 1) * 1e6) / 1e6,
      totalRelativeChange: Math.round(total * 1000) / 1000,
    },
  });

  for (const o of s.outliers) {
    const facility = hierarchy.facilities[o.facilityIndex].unit;
    const element = catalogue.de[o.dataElement];
    features.push({
      kind: 'outlier',
      description: `Data-entry error (${o.error}) at ${facility.name}: ${element.name} for ${periods[o.periodIndex]} recorded as ${o.recordedValue} instead of ${o.trueValue}.`,
      dataElementIds: [element.id],
      indicatorIds: s.indicators.indicators
        .filter((i) => `${i.numerator} ${i.denominator}`.includes(element.id))
        .map((i) => i.id),
      orgUnitIds: [facility.id],
      startPeriod: periods[o.periodIndex],
      endPeriod: periods[o.periodIndex],
      details: {
        categoryOptionComboId: catalogue.coc[o.coc],
        trueValue: o.trueValue,
        recordedValue: o.recordedValue,
        factor: Math.round((o.recordedValue / o.trueValue) * 100) / 100,
        error: o.error,
      },
    });
  }

  const reported = (Object.keys(catalogue.de) as DataElementKey[])
    .filter((k) => catalogue.reported[k])
    .map((k) => catalogue.de[k].id);
  const rates = (table: Record<FacilityKind, number>) =>
    Object.entries(table)
      .map(([k, v]) => `${k}:${v}`)
      .join(',');
  features.push({
    kind: 'reporting_gap',
    description: `Reporting gaps: ${gaps.missingCount} of ${gaps.facilityMonths} facility-months (${percent(gaps.missingCount / gaps.facilityMonths)} %) have no report at all, scattered single months and ${gaps.runs.length} runs of 3–6 months (each listed separately). Population targets are never missing.`,
    dataElementIds: reported,
    indicatorIds: [],
    orgUnitIds: [hierarchy.country.id],
    startPeriod: first,
    endPeriod: last,
    details: {
      missingFacilityMonths: gaps.missingCount,
      facilityMonths: gaps.facilityMonths,
      rate: Math.round((gaps.missingCount / gaps.facilityMonths) * 1e4) / 1e4,
      runs: gaps.runs.length,
      scatteredRates: rates(SCATTERED_GAP_RATE),
      runRates: rates(GAP_RUN_RATE),
    },
  });
  for (const run of gaps.runs) {
    const facility = hierarchy.facilities[run.facilityIndex].unit;
    features.push({
      kind: 'reporting_gap',
      description: `${facility.name} sent no report for ${run.length} consecutive months.`,
      dataElementIds: reported,
      indicatorIds: [],
      orgUnitIds: [facility.id],
      startPeriod: periods[run.start],
      endPeriod: periods[run.start + run.length - 1],
      details: { months: run.length },
    });
  }
  return features;
}
