/**
 * Data-entry outliers: a handful of values keyed in wrongly, the kind of typo a data review
 * must catch.
 *
 * Planted feature (`outlier`): 8 values, each at a different facility outside the outbreak
 * district, in a month the facility reported, on a typical value (at least 5 and 70 % of the
 * facility's median for that data element): an extra zero (×10), or, for values under 100, the
 * digits typed twice (37 → 3737). Each is
 * listed with its exact org unit, data element, category option combo, period, true and recorded
 * value. ANC4, Penta3 and malaria tested/confirmed are left alone so the other planted features
 * stay clean.
 */
import type { CocKey, DataElementKey } from './catalogue.ts';
import type { FacilityProfile } from './hierarchy.ts';
import { facilitySeries, reportedElementsFor, type SeriesContext } from './facility-series.ts';
import type { ReportingGaps } from './reporting-gaps.ts';
import { Rng } from './rng.ts';
import type { DemoDataValue } from './types.ts';

/** How many outliers the demo plants. */
export const OUTLIER_COUNT = 8;

const CANDIDATES: readonly DataElementKey[] = [
  'anc1',
  'opd',
  'penta1',
  'mcv1',
  'deliveries',
  'malariaSuspected',
  'tbNotified',
];

/** One planted data-entry error. */
export interface PlantedOutlier {
  facilityIndex: number;
  periodIndex: number;
  dataElement: DataElementKey;
  coc: CocKey;
  /** The value the facility should have entered. */
  trueValue: number;
  /** The value recorded instead. */
  recordedValue: number;
  error: 'extra zero' | 'digits typed twice';
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The key under which the data-value stream looks an outlier up. */
export function outlierKey(
  v: Pick<DemoDataValue, 'orgUnitId' | 'dataElementId' | 'categoryOptionComboId' | 'period'>,
): string {
  return `${v.orgUnitId}|${v.dataElementId}|${v.categoryOptionComboId}|${v.period}`;
}

/** Chooses the outliers and reads their true values from the facilities' series. */
export function planOutliers(
  ctx: SeriesContext,
  gaps: ReportingGaps,
  count = OUTLIER_COUNT,
): PlantedOutlier[] {
  const rng = Rng.from(ctx.seed, 'outliers');
  const { facilities } = ctx.hierarchy;
  const eligible = facilities.filter(
    (f) => f.districtIndex !== ctx.scenario.outbreak.districtIndex,
  );
  const pool = rng.shuffle(eligible.length > 0 ? eligible : facilities);
  // Data elements in turn, so the outliers spread over services rather than bunch on one.
  const order = rng.shuffle(CANDIDATES);
  const outliers: PlantedOutlier[] = [];
  const used = new Set<string>();

  for (let attempt = 0; outliers.length < count && attempt < 50 * count; attempt++) {
    const facility: FacilityProfile = pool[attempt % pool.length];
    const dataElement = order[outliers.length % order.length];
    if (!reportedElementsFor(facility.kind).includes(dataElement)) {
      continue;
    }
    const coc = rng.pick(ctx.catalogue.cocsOf[dataElement]);
    const periodIndex = rng.int(0, ctx.periods.length - 1);
    const key = `${facility.index}|${periodIndex}`;
    // Facilities in turn (one outlier each while they last), never in a month the facility did not report.
    if (used.has(key) || gaps.isMissing(facility.index, periodIndex)) {
      continue;
    }
    const deId = ctx.catalogue.de[dataElement].id;
    const cocId = ctx.catalogue.coc[coc];
    const series = facilitySeries(ctx, facility).map((month) =>
      Number(
        month.find((v) => v.dataElementId === deId && v.categoryOptionComboId === cocId)?.value ??
          0,
      ),
    );
    const trueValue = series[periodIndex];
    // A typo on a typical value (at least 5, and at least 70 % of the facility's median), so the
    // recorded value stands out from every other month.
    if (trueValue < 5 || trueValue < 0.7 * median(series)) {
      continue;
    }
    const twice = trueValue < 100 && rng.chance(0.3);
    used.add(key);
    outliers.push({
      facilityIndex: facility.index,
      periodIndex,
      dataElement,
      coc,
      trueValue,
      recordedValue: twice ? Number(`${trueValue}${trueValue}`) : trueValue * 10,
      error: twice ? 'digits typed twice' : 'extra zero',
    });
  }
  return outliers;
}
