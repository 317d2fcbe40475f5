/**
 * One facility's monthly data, all months, from its own random stream (so facilities can be
 * generated one at a time, lazily, in any order). Counts are negative-binomial or Poisson draws
 * around population × rate, so noise scales with facility size: a health post's month-to-month
 * swings are relatively larger than a hospital's.
 *
 * Planted here, with parameters from scenario.ts: seasonality of malaria and OPD, the outbreak,
 * the ANC4 step in intervention districts, the Penta3 decline in one region. Stock-out spells
 * are planted here too: stock-out days are mostly zero; a spell starts in a month with a
 * probability of about 3 % per item (higher at health posts), lasts 1–3 months, and its first
 * month carries a comment.
 */
import type { Catalogue, CocKey, DataElementKey } from './catalogue.ts';
import { DEFAULT_CATEGORY_OPTION_COMBO_ID } from './catalogue.ts';
import { daysInMonth, monthOfYear, parseMonthId, weekdaysInMonth } from './calendar.ts';
import type { FacilityKind, FacilityProfile, Hierarchy } from './hierarchy.ts';
import { Rng } from './rng.ts';
import type { Scenario } from './scenario.ts';
import {
  declineFactor,
  improvementStep,
  MALARIA_SEASON,
  OPD_SEASON,
  outbreakMultiplier,
  seasonalFactor,
} from './scenario.ts';
import type { DemoDataValue } from './types.ts';

/** Epidemiological and service rates behind the expected values (per person per year unless said). */
export const RATES = {
  populationGrowth: 1.027,
  pregnancies: 0.042,
  births: 0.038,
  survivingInfantShare: 0.95,
  anc1Coverage: 0.92,
  penta1Coverage: 0.95,
  mcv1Coverage: 0.88,
  /** Share of immunisation doses given to infants under one (the rest are catch-up, 12–23m). */
  under1Share: 0.92,
  opdVisits: 0.45,
  malaria: 0.2,
  otherFever: 0.35,
  malariaUnder5Share: 0.35,
  tb: 0.0016,
} as const;

const KIND_DELIVERY: Record<FacilityKind, number> = {
  hospital: 1.1,
  health_centre: 0.75,
  health_post: 0,
};
const KIND_OPD: Record<FacilityKind, number> = {
  hospital: 1.3,
  health_centre: 1,
  health_post: 0.9,
};
const KIND_TB: Record<FacilityKind, number> = { hospital: 2.5, health_centre: 1, health_post: 0 };
const KIND_STOCKOUT: Record<FacilityKind, number> = {
  hospital: 0.5,
  health_centre: 1,
  health_post: 1.4,
};

const STOCK_ITEMS: readonly { key: DataElementKey; label: string; risk: number }[] = [
  { key: 'stockoutAct', label: 'Artemether-lumefantrine', risk: 0.03 },
  { key: 'stockoutRdt', label: 'Malaria RDTs', risk: 0.025 },
  { key: 'stockoutAmoxicillin', label: 'Amoxicillin DT', risk: 0.035 },
  { key: 'stockoutOrsZinc', label: 'ORS/zinc', risk: 0.03 },
];

const EVERY_FACILITY: readonly DataElementKey[] = [
  'anc1',
  'anc4',
  'penta1',
  'penta3',
  'mcv1',
  'opd',
  'malariaSuspected',
  'malariaTested',
  'malariaConfirmed',
  'stockoutAct',
  'stockoutRdt',
  'stockoutAmoxicillin',
  'stockoutOrsZinc',
  'stockDaysMonitored',
  'hwDaysScheduled',
  'hwDaysPresent',
];
/** Services health posts do not offer: deliveries (and so live births) and TB diagnosis. */
const NOT_AT_POSTS: readonly DataElementKey[] = ['deliveries', 'liveBirths', 'tbNotified'];
const TARGETS: readonly DataElementKey[] = [
  'population',
  'expectedPregnancies',
  'expectedDeliveries',
  'survivingInfants',
];

/** The data elements a facility of this kind reports each month. */
export function reportedElementsFor(kind: FacilityKind): DataElementKey[] {
  return kind === 'health_post' ? [...EVERY_FACILITY] : [...EVERY_FACILITY, ...NOT_AT_POSTS];
}

/** How many values a facility of this kind has per month: reported ones and targets. */
export function valuesPerFacilityMonth(
  catalogue: Catalogue,
  kind: FacilityKind,
): { reported: number; targets: number } {
  const count = (keys: readonly DataElementKey[]) =>
    keys.reduce((n, k) => n + catalogue.cocsOf[k].length, 0);
  return { reported: count(reportedElementsFor(kind)), targets: count(TARGETS) };
}

/** What the series generator needs to know. */
export interface SeriesContext {
  seed: number;
  periods: readonly string[];
  catalogue: Catalogue;
  hierarchy: Hierarchy;
  scenario: Scenario;
}

/**
 * Every value of one facility, month by month (index = period index), before reporting gaps and
 * outliers are applied: targets first, then reported data elements.
 */
export function facilitySeries(ctx: SeriesContext, facility: FacilityProfile): DemoDataValue[][] {
  const { seed, periods, catalogue, hierarchy, scenario } = ctx;
  const rng = Rng.from(seed, 'values', facility.index);
  const district = hierarchy.districts[facility.districtIndex];
  const region = hierarchy.regions[facility.regionIndex];
  const e = facility.effects;
  const kind = facility.kind;
  const orgUnitId = facility.unit.id;
  const yearEffects = new Map<number, number>();
  const spells = STOCK_ITEMS.map(() => ({ length: 0, month: 0 }));
  const months: DemoDataValue[][] = [];

  for (let t = 0; t < periods.length; t++) {
    const period = periods[t];
    const out: DemoDataValue[] = [];
    const put = (de: DataElementKey, coc: CocKey, value: number, comment?: string) => {
      const v: DemoDataValue = {
        dataElementId: catalogue.de[de].id,
        period,
        orgUnitId,
        categoryOptionComboId: catalogue.coc[coc],
        attributeOptionComboId: DEFAULT_CATEGORY_OPTION_COMBO_ID,
        value: String(value),
      };
      if (comment !== undefined) {
        v.comment = comment;
      }
      out.push(v);
    };
    const count = (mean: number, size: number) => rng.negativeBinomial(mean, size);
    const month = monthOfYear(period);

    // Targets from planning data: the population grows 2.7 % a year up to the last period's catchment.
    const population =
      facility.population * RATES.populationGrowth ** ((t - (periods.length - 1)) / 12);
    const pregnancies = (population * RATES.pregnancies) / 12;
    const births = (population * RATES.births) / 12;
    const infants = births * RATES.survivingInfantShare;
    put('population', 'default', Math.round(population));
    put('expectedPregnancies', 'default', Math.round(pregnancies));
    put('expectedDeliveries', 'default', Math.round(births));
    put('survivingInfants', 'default', Math.round(infants));

    // Maternal health: ANC4 steps up in intervention districts (planted sustained improvement).
    put('anc1', 'default', count(pregnancies * RATES.anc1Coverage * e.anc1, 60));
    const anc4Coverage = Math.min(
      0.95,
      district.anc4Base * e.anc4 + improvementStep(scenario, district.index, t),
    );
    put('anc4', 'default', count(pregnancies * anc4Coverage, 60));
    if (kind !== 'health_post') {
      const deliveries = count(
        births * district.deliveryBase * KIND_DELIVERY[kind] * e.delivery,
        40,
      );
      const stillbirths = Math.min(deliveries, rng.poisson(deliveries * 0.02));
      const liveBirths = deliveries - stillbirths + rng.poisson(deliveries * 0.015);
      const male = rng.binomial(liveBirths, 0.512);
      put('deliveries', 'default', deliveries);
      put('liveBirths', 'female', liveBirths - male);
      put('liveBirths', 'male', male);
    }

    // Immunisation: Penta3 falls 1 % a month in the declining region (planted slow decline).
    const doses = (de: DataElementKey, coverage: number) => {
      const total = (infants * coverage) / RATES.under1Share;
      put(de, 'age0to11m', count(total * RATES.under1Share, 100));
      put(de, 'age12to23m', count(total * (1 - RATES.under1Share), 100));
    };
    doses('penta1', RATES.penta1Coverage * e.penta);
    doses(
      'penta3',
      district.penta3Base * e.penta * e.pentaRetention * declineFactor(scenario, region.index, t),
    );
    doses('mcv1', RATES.mcv1Coverage * e.penta * e.mcv);

    // Malaria: seasonal transmission, a ±5 % district-year effect, the planted outbreak; tests
    // are drawn as independent Poisson parts so confirmed ≤ tested ≤ suspected always holds.
    const { year } = parseMonthId(period);
    let yearEffect = yearEffects.get(year);
    if (yearEffect === undefined) {
      yearEffect = Rng.from(seed, 'malaria-year', district.index, year).uniform(0.95, 1.05);
      yearEffects.set(year, yearEffect);
    }
    const surge = rng.gamma(60, 1 / 60);
    const malaria =
      ((population * RATES.malaria) / 12) *
      region.malariaLevel *
      e.malaria *
      seasonalFactor(month, MALARIA_SEASON) *
      yearEffect *
      outbreakMultiplier(scenario, district.index, t) *
      surge;
    const otherFever =
      ((population * RATES.otherFever) / 12) *
      seasonalFactor(month, { peakMonth: 7, amplitude: 0.2 }) *
      surge;
    const confirmedUnder5 = rng.poisson(malaria * e.testing * RATES.malariaUnder5Share);
    const confirmedOver5 = rng.poisson(malaria * e.testing * (1 - RATES.malariaUnder5Share));
    const tested = confirmedUnder5 + confirmedOver5 + rng.poisson(otherFever * e.testing);
    const suspected = tested + rng.poisson((malaria + otherFever) * (1 - e.testing));
    put('malariaSuspected', 'default', suspected);
    put('malariaTested', 'default', tested);
    put('malariaConfirmed', 'lt5', confirmedUnder5);
    put('malariaConfirmed', 'ge5', confirmedOver5);

    // OPD: a small rainy-season peak, plus the fever cases (so OPD rises a little in the outbreak).
    const opd =
      ((population * RATES.opdVisits) / 12) *
        KIND_OPD[kind] *
        e.opd *
        seasonalFactor(month, OPD_SEASON) +
      malaria +
      otherFever;
    put('opd', 'femaleLt5', count(opd * 0.16, 30));
    put('opd', 'femaleGe5', count(opd * 0.3944, 30));
    put('opd', 'maleLt5', count(opd * 0.16, 30));
    put('opd', 'maleGe5', count(opd * 0.2856, 30));

    if (kind !== 'health_post') {
      const tb = ((population * RATES.tb) / 12) * KIND_TB[kind] * e.tb;
      put('tbNotified', 'female', count(tb * 0.4, 20));
      put('tbNotified', 'male', count(tb * 0.6, 20));
    }

    // Stock-outs: zero most months, with occasional spells of 1–3 months.
    const days = daysInMonth(period);
    STOCK_ITEMS.forEach((item, i) => {
      const spell = spells[i];
      if (spell.length === 0 && rng.chance(item.risk * KIND_STOCKOUT[kind] * e.stockoutRisk)) {
        spell.length = 1 + (rng.chance(0.45) ? 1 + (rng.chance(0.35) ? 1 : 0) : 0);
        spell.month = 0;
      }
      if (spell.length === 0) {
        put(item.key, 'default', 0);
        return;
      }
      const first = spell.month === 0;
      const last = spell.month === spell.length - 1;
      const stockoutDays =
        first && last ? rng.int(3, 20) : first ? rng.int(5, days) : last ? rng.int(2, 20) : days;
      put(
        item.key,
        'default',
        stockoutDays,
        first ? `${item.label} out of stock: awaiting delivery from the district store` : undefined,
      );
      spell.month++;
      if (spell.month === spell.length) {
        spell.length = 0;
      }
    });
    put('stockDaysMonitored', 'default', days);

    // Health workers: staff × weekdays scheduled, each day present with the facility's presence rate.
    const scheduled = facility.staff * weekdaysInMonth(period);
    put('hwDaysScheduled', 'default', scheduled);
    put(
      'hwDaysPresent',
      'default',
      rng.binomial(scheduled, Math.min(1, e.presence * rng.logNormal(0.02))),
    );

    months.push(out);
  }
  return months;
}
