/**
 * The data-value stream: facility by facility, each facility's series with its reporting gaps
 * left out and its planted outliers written in. Nothing is kept between facilities, so memory
 * stays flat at any country size, and every call yields the same values in the same order.
 */
import { facilitySeries, valuesPerFacilityMonth, type SeriesContext } from './facility-series.ts';
import { outlierKey, type PlantedOutlier } from './outliers.ts';
import type { ReportingGaps } from './reporting-gaps.ts';
import type { DemoDataValue } from './types.ts';

/** Generates every data value of the country. */
export function* generateDataValues(
  ctx: SeriesContext,
  gaps: ReportingGaps,
  outliers: readonly PlantedOutlier[],
): Generator<DemoDataValue> {
  const { catalogue, hierarchy, periods } = ctx;
  const recorded = new Map(
    outliers.map((o) => [
      outlierKey({
        orgUnitId: hierarchy.facilities[o.facilityIndex].unit.id,
        dataElementId: catalogue.de[o.dataElement].id,
        categoryOptionComboId: catalogue.coc[o.coc],
        period: periods[o.periodIndex],
      }),
      String(o.recordedValue),
    ]),
  );
  const reportedIds = new Set(
    Object.entries(catalogue.de)
      .filter(([key]) => catalogue.reported[key as keyof typeof catalogue.reported])
      .map(([, d]) => d.id),
  );
  const outlierFacilities = new Set(outliers.map((o) => o.facilityIndex));

  for (const facility of hierarchy.facilities) {
    const series = facilitySeries(ctx, facility);
    const hasOutlier = outlierFacilities.has(facility.index);
    for (let t = 0; t < series.length; t++) {
      const missing = gaps.isMissing(facility.index, t);
      for (const value of series[t]) {
        if (missing && reportedIds.has(value.dataElementId)) {
          continue;
        }
        if (hasOutlier) {
          const typo = recorded.get(outlierKey(value));
          if (typo !== undefined) {
            value.value = typo;
          }
        }
        yield value;
      }
    }
  }
}

/** How many values `generateDataValues` yields, by arithmetic rather than generation. */
export function countDataValues(ctx: SeriesContext, gaps: ReportingGaps): number {
  const months = ctx.periods.length;
  let total = 0;
  for (const facility of ctx.hierarchy.facilities) {
    const { reported, targets } = valuesPerFacilityMonth(ctx.catalogue, facility.kind);
    total += months * targets + (months - gaps.missingByFacility[facility.index]) * reported;
  }
  return total;
}
