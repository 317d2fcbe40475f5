/**
 * The planted features are really in the data: each is checked against the generated values
 * with simple before/after and year-on-year sums, for the default country and two other seeds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateDemoCountry,
  type DemoCountry,
  type DemoDataValue,
  type PlantedFeature,
} from './index.ts';

interface Fixture {
  country: DemoCountry;
  values: DemoDataValue[];
  de: (code: string) => string;
  feature: (kind: PlantedFeature['kind']) => PlantedFeature;
  /** Sum of a data element (optionally one option combo) over facilities under `orgUnitId` in `period`. */
  sum: (
    orgUnitId: string,
    deCode: string,
    period: string,
    facilityFilter?: (facilityId: string) => boolean,
  ) => number;
  /** Facilities under `orgUnitId` that reported `deCode` in `period`. */
  reporting: (orgUnitId: string, deCode: string, period: string) => Set<string>;
}

function fixture(seed: number): Fixture {
  const country = generateDemoCountry({ seed, endPeriod: '202610' });
  const values = [...country.dataValues()];
  const byCode = new Map(country.dataElements.map((d) => [d.code, d.id]));
  const de = (code: string) => byCode.get(code)!;
  // Facility totals over option combos, and the facilities under each org unit.
  const totals = new Map<string, number>();
  for (const v of values) {
    const key = `${v.orgUnitId}|${v.dataElementId}|${v.period}`;
    totals.set(key, (totals.get(key) ?? 0) + Number(v.value));
  }
  const facilitiesUnder = new Map<string, string[]>();
  for (const u of country.orgUnits.filter((o) => o.level === 4)) {
    for (const a of u.path.split('/').filter(Boolean)) {
      facilitiesUnder.set(a, [...(facilitiesUnder.get(a) ?? []), u.id]);
    }
  }
  const cells = (orgUnitId: string, deCode: string, period: string) =>
    (facilitiesUnder.get(orgUnitId) ?? []).flatMap((id) => {
      const x = totals.get(`${id}|${de(deCode)}|${period}`);
      return x === undefined ? [] : [[id, x] as const];
    });
  return {
    country,
    values,
    de,
    feature: (kind) => country.plantedFeatures.find((p) => p.kind === kind)!,
    sum: (orgUnitId, deCode, period, filter = () => true) =>
      cells(orgUnitId, deCode, period).reduce((n, [id, x]) => (filter(id) ? n + x : n), 0),
    reporting: (orgUnitId, deCode, period) =>
      new Set(cells(orgUnitId, deCode, period).map(([id]) => id)),
  };
}

/** Coverage of a district or region in a period over the facilities that reported the numerator. */
function coverage(
  f: Fixture,
  orgUnitId: string,
  numerator: string,
  denominator: string,
  period: string,
): number {
  const reported = f.reporting(orgUnitId, numerator, period);
  return (
    f.sum(orgUnitId, numerator, period) /
    f.sum(orgUnitId, denominator, period, (id) => reported.has(id))
  );
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each([1, 2, 3])('planted features, seed %i', (seed) => {
  let f: Fixture;
  let country: DemoCountry;
  let periods: string[];
  beforeAll(() => {
    f = fixture(seed);
    country = f.country;
    periods = country.periods;
  });

  it('plants a malaria outbreak: confirmed cases over twice the same months a year earlier, positivity up', () => {
    const outbreak = f.feature('outbreak');
    const district = outbreak.orgUnitIds[0];
    const start = periods.indexOf(outbreak.startPeriod);
    const end = periods.indexOf(outbreak.endPeriod);
    expect(end).toBe(periods.length - 1);
    expect(end - start + 1).toBe(3);
    for (let t = start; t <= end; t++) {
      const now = f.sum(district, 'DE_MAL_CONFIRMED', periods[t]);
      const before = f.sum(district, 'DE_MAL_CONFIRMED', periods[t - 12]);
      expect(now / before).toBeGreaterThan(2);
      expect(now / before).toBeLessThan(5);
      const positivity = (p: string) =>
        f.sum(district, 'DE_MAL_CONFIRMED', p) / f.sum(district, 'DE_MAL_TESTED', p);
      expect(positivity(periods[t]) - positivity(periods[t - 12])).toBeGreaterThan(0.1);
      expect(
        f.sum(district, 'DE_MAL_SUSPECTED', periods[t]) /
          f.sum(district, 'DE_MAL_SUSPECTED', periods[t - 12]),
      ).toBeGreaterThan(1.5);
    }
    // No other district has anything like it: year-on-year ratios elsewhere spread about ±14 %
    // (over facilities that reported both months: a missing hospital report would look like a rise).
    for (const other of country.orgUnits.filter((u) => u.level === 3 && u.id !== district)) {
      const before = f.reporting(other.id, 'DE_MAL_CONFIRMED', periods[end - 12]);
      const both = (id: string) =>
        before.has(id) && f.reporting(other.id, 'DE_MAL_CONFIRMED', periods[end]).has(id);
      const ratio =
        f.sum(other.id, 'DE_MAL_CONFIRMED', periods[end], both) /
        f.sum(other.id, 'DE_MAL_CONFIRMED', periods[end - 12], both);
      expect(ratio).toBeLessThan(1.75);
    }
  });

  it('plants a sustained ANC4 improvement in intervention districts and none in comparison districts', () => {
    const improvement = f.feature('sustained_improvement');
    const comparison = f.feature('no_change_comparison');
    const t0 = periods.indexOf(String(improvement.details.interventionPeriod));
    expect(t0).toBeGreaterThanOrEqual(12);
    expect(periods.length - t0).toBeGreaterThanOrEqual(12);
    const change = (district: string) => {
      const series = periods.map((p) =>
        coverage(f, district, 'DE_ANC4', 'DE_EXPECTED_PREGNANCIES', p),
      );
      return mean(series.slice(t0)) - mean(series.slice(0, t0));
    };
    expect(improvement.orgUnitIds).toHaveLength(3);
    expect(comparison.orgUnitIds).toHaveLength(3);
    for (const district of improvement.orgUnitIds) {
      expect(change(district)).toBeGreaterThan(0.14);
      expect(change(district)).toBeLessThan(0.26);
    }
    for (const district of comparison.orgUnitIds) {
      expect(Math.abs(change(district))).toBeLessThan(0.05);
    }
  });

  it('plants a slow Penta3 decline across one region and not elsewhere', () => {
    const decline = f.feature('slow_decline');
    const start = periods.indexOf(decline.startPeriod);
    const ratio = (orgUnitId: string) => {
      const series = periods.map((p) =>
        coverage(f, orgUnitId, 'DE_PENTA3', 'DE_SURVIVING_INFANTS', p),
      );
      return mean(series.slice(-6)) / mean(series.slice(0, start));
    };
    const region = decline.orgUnitIds[0];
    expect(ratio(region)).toBeLessThan(0.85);
    for (const district of country.orgUnits.filter((u) => u.parentId === region)) {
      expect(ratio(district.id)).toBeLessThan(0.9);
    }
    for (const other of country.orgUnits.filter((u) => u.level === 2 && u.id !== region)) {
      expect(ratio(other.id)).toBeGreaterThan(0.94);
      expect(ratio(other.id)).toBeLessThan(1.06);
    }
  });

  it('puts each outlier exactly where it is recorded, far above the facility’s usual values', () => {
    const outliers = country.plantedFeatures.filter((p) => p.kind === 'outlier');
    expect(outliers.length).toBeGreaterThanOrEqual(5);
    expect(outliers.length).toBeLessThanOrEqual(10);
    for (const o of outliers) {
      const [orgUnitId] = o.orgUnitIds;
      const [dataElementId] = o.dataElementIds;
      const coc = String(o.details.categoryOptionComboId);
      const series = f.values.filter(
        (v) =>
          v.orgUnitId === orgUnitId &&
          v.dataElementId === dataElementId &&
          v.categoryOptionComboId === coc,
      );
      const at = series.find((v) => v.period === o.startPeriod);
      expect(at?.value).toBe(String(o.details.recordedValue));
      const others = series
        .filter((v) => v.period !== o.startPeriod)
        .map((v) => Number(v.value))
        .sort((a, b) => a - b);
      expect(Number(o.details.recordedValue)).toBeGreaterThan(
        5 * others[Math.floor(others.length / 2)],
      );
      expect(Number(o.details.recordedValue) / Number(o.details.trueValue)).toBeGreaterThanOrEqual(
        10,
      );
    }
  });

  it('leaves 3–5 % of facility-months unreported, as recorded, with the recorded runs missing', () => {
    const reportedIds = new Set(f.feature('reporting_gap').dataElementIds);
    const reportedMonths = new Set<string>();
    const targetMonths = new Set<string>();
    for (const v of f.values) {
      (reportedIds.has(v.dataElementId) ? reportedMonths : targetMonths).add(
        `${v.orgUnitId}|${v.period}`,
      );
    }
    const facilityMonths = country.orgUnits.filter((u) => u.level === 4).length * periods.length;
    const missing = facilityMonths - reportedMonths.size;
    expect(targetMonths.size).toBe(facilityMonths);
    expect(missing / facilityMonths).toBeGreaterThan(0.025);
    expect(missing / facilityMonths).toBeLessThan(0.05);
    expect(f.feature('reporting_gap').details.missingFacilityMonths).toBe(missing);
    const runs = country.plantedFeatures.filter(
      (p) => p.kind === 'reporting_gap' && p.details.months !== undefined,
    );
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      for (let t = periods.indexOf(run.startPeriod); t <= periods.indexOf(run.endPeriod); t++) {
        expect(reportedMonths.has(`${run.orgUnitIds[0]}|${periods[t]}`)).toBe(false);
      }
    }
  });

  it('plants malaria seasonality: September cases about four times March cases', () => {
    const season = f.feature('seasonality');
    const outbreakPeriods = new Set(periods.slice(-3));
    const national = (month: string) =>
      mean(
        periods
          .filter((p) => p.endsWith(month) && !outbreakPeriods.has(p))
          .map((p) => f.sum(country.orgUnits[0].id, 'DE_MAL_CONFIRMED', p)),
      );
    expect(season.details.peakMonth).toBe(9);
    expect(national('09') / national('03')).toBeGreaterThan(3);
    expect(national('09') / national('03')).toBeLessThan(5);
    // Stock-outs are zero in most facility-months.
    const act = f.values.filter((v) => v.dataElementId === f.de('DE_STOCKOUT_ACT'));
    const share = act.filter((v) => v.value !== '0').length / act.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.15);
  });
});
