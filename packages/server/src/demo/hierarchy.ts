/**
 * The demo hierarchy: one country, 4 regions, about one district per 16 facilities, and the
 * facilities (a district hospital, health centres and health posts in each district), each with
 * the traits that shape its data: catchment population, staff, and how well it delivers each
 * service compared with its district (random effects, so facilities differ as real ones do).
 */
import { codeOf, PlaceNames } from './names.ts';
import { Rng } from './rng.ts';
import type { DemoOrgUnit } from './types.ts';
import type { UidRegistry } from './uid.ts';

/** The name of the demo country. */
export const COUNTRY_NAME = 'Republic of Sankofa';

/** Facility kinds. */
export type FacilityKind = 'hospital' | 'health_centre' | 'health_post';

/**
 * Relative malaria transmission of the four regions: region 1 is a humid lowland with high
 * transmission, region 4 a highland with little.
 */
export const REGION_MALARIA_LEVELS = [1.6, 1.0, 0.65, 0.35] as const;

/** A region and its districts. */
export interface RegionProfile {
  index: number;
  unit: DemoOrgUnit;
  malariaLevel: number;
  districtIndexes: number[];
}

/** A district, its facilities and the service levels its facilities share. */
export interface DistrictProfile {
  index: number;
  unit: DemoOrgUnit;
  regionIndex: number;
  facilityIndexes: number[];
  /** ANC4 coverage before any intervention (0.40–0.55). */
  anc4Base: number;
  /** Penta3 coverage of surviving infants before any decline (0.84–0.90). */
  penta3Base: number;
  /** Facility delivery propensity (0.75–0.95). */
  deliveryBase: number;
}

/** Multipliers around 1 (log-normal) unless said otherwise. */
export interface FacilityEffects {
  anc1: number;
  anc4: number;
  delivery: number;
  penta: number;
  /** Penta3 relative to Penta1: retention through the series. */
  pentaRetention: number;
  mcv: number;
  opd: number;
  malaria: number;
  tb: number;
  /** Share of suspected malaria cases tested (0.75–0.99). */
  testing: number;
  /** Share of scheduled health-worker days present (0.65–0.98). */
  presence: number;
  /** Multiplies the chance that a stock-out spell starts. */
  stockoutRisk: number;
}

/** A facility and its traits. */
export interface FacilityProfile {
  index: number;
  unit: DemoOrgUnit;
  kind: FacilityKind;
  districtIndex: number;
  regionIndex: number;
  /** Catchment population in the last period. */
  population: number;
  /** Health workers on the roster. */
  staff: number;
  effects: FacilityEffects;
}

/** The whole hierarchy, with org units listed parents first. */
export interface Hierarchy {
  country: DemoOrgUnit;
  regions: RegionProfile[];
  districts: DistrictProfile[];
  facilities: FacilityProfile[];
  orgUnits: DemoOrgUnit[];
}

const KIND_POPULATION: Record<FacilityKind, { median: number; sdLog: number }> = {
  hospital: { median: 100_000, sdLog: 0.25 },
  health_centre: { median: 20_000, sdLog: 0.3 },
  health_post: { median: 5_000, sdLog: 0.35 },
};

const KIND_STAFF: Record<FacilityKind, [number, number]> = {
  hospital: [60, 120],
  health_centre: [8, 16],
  health_post: [2, 4],
};

const KIND_LABEL: Record<FacilityKind, { name: string; code: string }> = {
  hospital: { name: 'District Hospital', code: 'HOSP' },
  health_centre: { name: 'Health Centre', code: 'HC' },
  health_post: { name: 'Health Post', code: 'HP' },
};

/** Districts for a facility count: about 16 facilities each, at least one per region. */
export function districtCount(facilities: number): number {
  return Math.max(4, Math.round(facilities / 16));
}

/** Splits `total` into `weights.length` parts of at least 1, in proportion (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const spare = total - weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => 1 + Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) {
    parts[order[k % order.length].i]++;
  }
  return parts;
}

/** Kinds of a district's facilities: one hospital, about a third health centres, the rest posts. */
function districtKinds(count: number): FacilityKind[] {
  const centres = count <= 1 ? 0 : Math.max(1, Math.round((count - 1) * 0.33));
  return Array.from({ length: count }, (_, i) =>
    i === 0 ? 'hospital' : i <= centres ? 'health_centre' : 'health_post',
  );
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

function drawEffects(rng: Rng, kind: FacilityKind): FacilityEffects {
  return {
    anc1: rng.logNormal(0.1),
    anc4: rng.logNormal(0.12),
    delivery: rng.logNormal(0.15),
    penta: rng.logNormal(0.06),
    pentaRetention: rng.logNormal(0.03),
    mcv: rng.logNormal(0.05),
    opd: rng.logNormal(0.2),
    malaria: rng.logNormal(0.25),
    tb: rng.logNormal(0.3),
    testing: clamp(rng.normal(kind === 'hospital' ? 0.94 : 0.9, 0.04), 0.75, 0.99),
    presence: clamp(rng.normal(0.87, 0.05), 0.65, 0.98),
    stockoutRisk: rng.logNormal(0.5),
  };
}

/** Builds the hierarchy for `facilityCount` facilities from the seed's hierarchy stream. */
export function buildHierarchy(seed: number, facilityCount: number, uids: UidRegistry): Hierarchy {
  const rng = Rng.from(seed, 'hierarchy');
  const names = new PlaceNames(Rng.from(seed, 'names'));
  const unit = (
    code: string,
    name: string,
    parent: DemoOrgUnit | null,
    kind: DemoOrgUnit['kind'],
  ): DemoOrgUnit => {
    const id = uids.uid(`orgUnit:${code}`);
    return {
      id,
      code,
      name,
      parentId: parent?.id ?? null,
      level: parent === null ? 1 : parent.level + 1,
      path: `${parent?.path ?? ''}/${id}`,
      kind,
      population: 0,
    };
  };

  const country = unit('OU_SANKOFA', COUNTRY_NAME, null, 'country');
  const nDistricts = districtCount(facilityCount);
  const regions: RegionProfile[] = REGION_MALARIA_LEVELS.map((malariaLevel, index) => {
    const name = names.next();
    return {
      index,
      unit: unit(`OU_REG_${codeOf(name)}`, `${name} Region`, country, 'region'),
      malariaLevel,
      districtIndexes: [],
    };
  });
  const districts: DistrictProfile[] = [];
  for (const region of regions) {
    // Regions differ by at most one district; a region's districts are listed together.
    const count =
      Math.floor(nDistricts / regions.length) +
      (region.index < nDistricts % regions.length ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const name = names.next();
      region.districtIndexes.push(districts.length);
      districts.push({
        index: districts.length,
        unit: unit(`OU_DIS_${codeOf(name)}`, `${name} District`, region.unit, 'district'),
        regionIndex: region.index,
        facilityIndexes: [],
        anc4Base: rng.uniform(0.4, 0.55),
        penta3Base: rng.uniform(0.84, 0.9),
        deliveryBase: rng.uniform(0.75, 0.95),
      });
    }
  }

  const sizes = apportion(
    facilityCount,
    districts.map(() => rng.uniform(0.75, 1.25)),
  );
  const facilities: FacilityProfile[] = [];
  for (const district of districts) {
    const districtName = district.unit.name.replace(/ District$/, '');
    for (const kind of districtKinds(sizes[district.index])) {
      const place = kind === 'hospital' ? districtName : names.next();
      const label = KIND_LABEL[kind];
      const { median, sdLog } = KIND_POPULATION[kind];
      const index = facilities.length;
      district.facilityIndexes.push(index);
      facilities.push({
        index,
        unit: unit(
          `OU_${label.code}_${codeOf(place)}`,
          `${place} ${label.name}`,
          district.unit,
          kind,
        ),
        kind,
        districtIndex: district.index,
        regionIndex: district.regionIndex,
        population: Math.round((median * Math.exp(rng.normal(0, sdLog))) / 10) * 10,
        staff: rng.int(...KIND_STAFF[kind]),
        effects: drawEffects(rng, kind),
      });
    }
  }
  for (const f of facilities) {
    f.unit.population = f.population;
    districts[f.districtIndex].unit.population += f.population;
    regions[f.regionIndex].unit.population += f.population;
    country.population += f.population;
  }
  const orgUnits = [
    country,
    ...regions.map((r) => r.unit),
    ...districts.map((d) => d.unit),
    ...facilities.map((f) => f.unit),
  ];
  return { country, regions, districts, facilities, orgUnits };
}
