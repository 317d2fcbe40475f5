/**
 * The story planted in the demo data: where and when each feature happens, and how strong it
 * is. Every feature here is also listed in `plantedFeatures` (see planted-features.ts), so tests
 * and later analyses can check that they are found.
 *
 * - Seasonality: malaria follows the rains, peaking in September (×1.6 of the annual mean) with
 *   a trough in March (×0.4); OPD visits have a smaller peak in August (±10 %) on top of the
 *   fever cases the rains bring.
 * - Malaria outbreak: in one district of the high-transmission region (the first intervention
 *   district, so its district manager sees both stories), malaria transmission is multiplied by
 *   2.8, 3.6 and 3.2 in the last three months of the series (ongoing at the end). Suspected and
 *   tested cases rise with it, and so does test positivity; OPD visits rise a little.
 * - Sustained improvement: in up to 3 intervention districts, community follow-up of pregnant
 *   women raises ANC4 coverage by +20 percentage points from the intervention month (the middle
 *   of the series: 18 months before and 18 after with 36 months) to the end.
 * - No change: up to 3 comparison districts, drawn from the same distribution and from the same
 *   regions where possible, carry on unchanged.
 * - Slow decline: in the last region, Penta3 doses fall by 1 % a month (relative) from a sixth
 *   of the way into the series, so Penta3 coverage falls and the Penta1→3 dropout rate rises.
 * - Reporting gaps, outliers and stock-out spells: see reporting-gaps.ts, outliers.ts and
 *   facility-series.ts.
 */
import type { Hierarchy } from './hierarchy.ts';
import { Rng } from './rng.ts';

/** Malaria seasonality: peak month (1–12) and relative amplitude of the cosine. */
export const MALARIA_SEASON = { peakMonth: 9, amplitude: 0.6 } as const;
/** OPD seasonality (beyond fever cases): peak month and relative amplitude. */
export const OPD_SEASON = { peakMonth: 8, amplitude: 0.1 } as const;
/** Multipliers of malaria transmission in the outbreak district, month by month. */
export const OUTBREAK_MULTIPLIERS = [2.8, 3.6, 3.2] as const;
/** The ANC4 coverage step after the intervention, as a proportion (0.20 = 20 percentage points). */
export const IMPROVEMENT_STEP = 0.2;
/** Monthly factor on Penta3 doses in the declining region (−1 % a month). */
export const DECLINE_MONTHLY_FACTOR = 0.99;
/** What the intervention districts did. */
export const INTERVENTION_DESCRIPTION =
  'Community health workers follow up every pregnant woman after her first ANC visit, with SMS reminders before each visit';

/** `1 + amplitude·cos(2π(month − peak)/12)`: a smooth yearly cycle with mean 1. */
export function seasonalFactor(
  month: number,
  season: { peakMonth: number; amplitude: number },
): number {
  return 1 + season.amplitude * Math.cos((2 * Math.PI * (month - season.peakMonth)) / 12);
}

/** Where and when the planted features happen. Indexes point into the hierarchy and the periods. */
export interface Scenario {
  outbreak: {
    districtIndex: number;
    /** Period indexes of the outbreak months, oldest first. */
    periodIndexes: number[];
    multipliers: number[];
  };
  improvement: {
    interventionDistricts: number[];
    comparisonDistricts: number[];
    /** First period index with the improvement. */
    periodIndex: number;
    step: number;
  };
  decline: {
    regionIndex: number;
    /** Period index from which the decline runs (factor 1 there, 0.99 the month after…). */
    startIndex: number;
    monthlyFactor: number;
  };
}

/** Chooses the districts, region and months of the planted features. */
export function chooseScenario(seed: number, hierarchy: Hierarchy, months: number): Scenario {
  const rng = Rng.from(seed, 'scenario');
  const declineRegion = hierarchy.regions[hierarchy.regions.length - 1];
  const outbreakRegion = hierarchy.regions[0];
  const outbreakDistrict = rng.pick(outbreakRegion.districtIndexes);

  // Candidates for the intervention and comparison districts, by region, outside the declining region.
  const pool = new Map<number, number[]>();
  for (const region of hierarchy.regions) {
    if (region === declineRegion) {
      continue;
    }
    pool.set(
      region.index,
      rng.shuffle(region.districtIndexes.filter((d) => d !== outbreakDistrict)),
    );
  }
  const available = 1 + [...pool.values()].reduce((n, list) => n + list.length, 0);
  const pairs = Math.max(1, Math.min(3, Math.floor(available / 2)));
  /** A district from `regionIndex` when it has one left, otherwise from the region with most left. */
  const take = (regionIndex: number): number => {
    let list = pool.get(regionIndex) ?? [];
    if (list.length === 0) {
      list = [...pool.values()].reduce((best, l) => (l.length > best.length ? l : best), []);
    }
    const district = list.shift();
    if (district === undefined) {
      throw new Error('Not enough districts for the intervention and comparison groups');
    }
    return district;
  };
  const intervention = [outbreakDistrict];
  const comparison = [take(outbreakRegion.index)];
  const regionCycle = [...pool.keys()]
    .filter((r) => r !== outbreakRegion.index)
    .concat(outbreakRegion.index);
  for (let i = 0; intervention.length < pairs; i++) {
    const region = regionCycle[i % regionCycle.length];
    intervention.push(take(region));
    comparison.push(take(region));
  }

  const outbreakLength = Math.min(OUTBREAK_MULTIPLIERS.length, months);
  return {
    outbreak: {
      districtIndex: outbreakDistrict,
      periodIndexes: Array.from({ length: outbreakLength }, (_, i) => months - outbreakLength + i),
      multipliers: OUTBREAK_MULTIPLIERS.slice(OUTBREAK_MULTIPLIERS.length - outbreakLength),
    },
    improvement: {
      interventionDistricts: intervention,
      comparisonDistricts: comparison,
      periodIndex: Math.floor(months / 2),
      step: IMPROVEMENT_STEP,
    },
    decline: {
      regionIndex: declineRegion.index,
      startIndex: Math.round(months / 6),
      monthlyFactor: DECLINE_MONTHLY_FACTOR,
    },
  };
}

/** The outbreak multiplier of malaria transmission for a district and period index (1 outside it). */
export function outbreakMultiplier(
  scenario: Scenario,
  districtIndex: number,
  periodIndex: number,
): number {
  if (districtIndex !== scenario.outbreak.districtIndex) {
    return 1;
  }
  const i = scenario.outbreak.periodIndexes.indexOf(periodIndex);
  return i < 0 ? 1 : scenario.outbreak.multipliers[i];
}

/** Additive ANC4 coverage step for a district and period index (0 outside the intervention). */
export function improvementStep(
  scenario: Scenario,
  districtIndex: number,
  periodIndex: number,
): number {
  const { interventionDistricts, periodIndex: start, step } = scenario.improvement;
  return periodIndex >= start && interventionDistricts.includes(districtIndex) ? step : 0;
}

/** Multiplier on Penta3 doses for a region and period index (1 outside the decline). */
export function declineFactor(
  scenario: Scenario,
  regionIndex: number,
  periodIndex: number,
): number {
  const { regionIndex: region, startIndex, monthlyFactor } = scenario.decline;
  return regionIndex === region && periodIndex > startIndex
    ? monthlyFactor ** (periodIndex - startIndex)
    : 1;
}
