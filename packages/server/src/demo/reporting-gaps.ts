/**
 * Reporting gaps: facility-months with no report at all (every reported data element missing;
 * population targets stay, as they come from planning, not from the facility).
 *
 * Planted feature (`reporting_gap`):
 * - scattered single months: each facility-month is missing with probability 1 % at hospitals,
 *   2.5 % at health centres and 4 % at health posts;
 * - runs: 5 % of health posts and 3 % of health centres stop reporting for 3–6 consecutive
 *   months (at most a quarter of the series), each run listed as its own planted feature;
 * - together about 3–4 % of facility-months. The outbreak district's facilities report every
 *   month of the outbreak and the same months a year before, so the outbreak is unambiguous.
 */
import type { FacilityKind, Hierarchy } from './hierarchy.ts';
import { Rng } from './rng.ts';
import type { Scenario } from './scenario.ts';

/** Probability that a facility-month is missing on its own. */
export const SCATTERED_GAP_RATE: Record<FacilityKind, number> = {
  hospital: 0.01,
  health_centre: 0.025,
  health_post: 0.04,
};

/** Probability that a facility has one run of missing months. */
export const GAP_RUN_RATE: Record<FacilityKind, number> = {
  hospital: 0,
  health_centre: 0.03,
  health_post: 0.05,
};

/** A run of consecutive months a facility did not report. */
export interface GapRun {
  facilityIndex: number;
  /** First missing period index. */
  start: number;
  length: number;
}

/** Which facility-months are missing. */
export interface ReportingGaps {
  /** Runs of missing months (each also a planted feature). */
  runs: GapRun[];
  /** Missing facility-months, runs included. */
  missingCount: number;
  /** Facility-months in the country. */
  facilityMonths: number;
  /** Missing facility-months per facility. */
  missingByFacility: Uint16Array;
  /** True when the facility sent no report for the period. */
  isMissing(facilityIndex: number, periodIndex: number): boolean;
}

/** Plans the reporting gaps for every facility and month. */
export function planReportingGaps(
  seed: number,
  hierarchy: Hierarchy,
  scenario: Scenario,
  months: number,
): ReportingGaps {
  const nFacilities = hierarchy.facilities.length;
  const missing = new Uint8Array(nFacilities * months);
  const missingByFacility = new Uint16Array(nFacilities);
  const runs: GapRun[] = [];
  const protectedMonths = new Set(
    scenario.outbreak.periodIndexes.flatMap((t) => [t, t - 12]).filter((t) => t >= 0),
  );
  const maxRun = Math.min(6, Math.floor(months / 4));
  let missingCount = 0;

  for (const facility of hierarchy.facilities) {
    const rng = Rng.from(seed, 'gaps', facility.index);
    const inOutbreakDistrict = facility.districtIndex === scenario.outbreak.districtIndex;
    const offset = facility.index * months;
    const scattered = SCATTERED_GAP_RATE[facility.kind];
    for (let t = 0; t < months; t++) {
      if (rng.chance(scattered)) {
        missing[offset + t] = 1;
      }
    }
    if (!inOutbreakDistrict && maxRun >= 3 && rng.chance(GAP_RUN_RATE[facility.kind])) {
      const length = rng.int(3, maxRun);
      const start = rng.int(0, months - length);
      for (let t = start; t < start + length; t++) {
        missing[offset + t] = 1;
      }
      runs.push({ facilityIndex: facility.index, start, length });
    }
    if (inOutbreakDistrict) {
      for (const t of protectedMonths) {
        missing[offset + t] = 0;
      }
    }
    for (let t = 0; t < months; t++) {
      missingByFacility[facility.index] += missing[offset + t];
    }
    missingCount += missingByFacility[facility.index];
  }

  return {
    runs,
    missingCount,
    facilityMonths: nFacilities * months,
    missingByFacility,
    isMissing: (facilityIndex, periodIndex) => missing[facilityIndex * months + periodIndex] === 1,
  };
}
