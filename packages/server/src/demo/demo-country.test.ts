import { createHash } from 'node:crypto';
import { collectDataItems, parseExpression } from '@sankofa/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateDemoCountry,
  resolveDemoOptions,
  type DemoCountry,
  type DemoDataValue,
  type PlantedFeatureKind,
} from './index.ts';

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;
const DEFAULTS = { endPeriod: '202610' } as const;

/** SHA-256 of everything the country holds, every data value included. */
function fingerprint(country: DemoCountry): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(country)); // functions (the value stream) drop out of the JSON
  for (const v of country.dataValues()) {
    hash.update(JSON.stringify(v));
  }
  return hash.digest('hex');
}

describe('generateDemoCountry', () => {
  let country: DemoCountry;
  let values: DemoDataValue[];
  beforeAll(() => {
    country = generateDemoCountry(DEFAULTS);
    values = [...country.dataValues()];
  });

  it('is deterministic: the same options give the same country, value for value', () => {
    const again = generateDemoCountry({
      seed: 1,
      facilities: 250,
      months: 36,
      endPeriod: '202610',
    });
    expect(fingerprint(again)).toBe(fingerprint(country));
    expect([...country.dataValues()]).toEqual(values); // iterating twice gives the same values
    expect(fingerprint(generateDemoCountry({ ...DEFAULTS, seed: 2 }))).not.toBe(
      fingerprint(country),
    );
  });

  it('fills in the defaults', () => {
    expect(country.options).toEqual({ seed: 1, facilities: 250, months: 36, endPeriod: '202610' });
    expect(country.periods).toHaveLength(36);
    expect(country.periods[0]).toBe('202311');
    expect(country.periods[35]).toBe('202610');
  });

  it('has one country, 4 regions, 16 districts and exactly the asked number of facilities', () => {
    const byLevel = (level: number) => country.orgUnits.filter((u) => u.level === level);
    expect(byLevel(1).map((u) => u.name)).toEqual(['Republic of Sankofa']);
    expect(byLevel(2)).toHaveLength(4);
    expect(byLevel(3)).toHaveLength(16);
    expect(byLevel(4)).toHaveLength(250);
    const kinds = new Map<string, number>();
    for (const u of byLevel(4)) {
      kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    }
    expect(kinds.get('hospital')).toBe(16);
    expect(kinds.get('health_centre')).toBeGreaterThan(60);
    expect(kinds.get('health_post')).toBeGreaterThan(140);
  });

  it('builds a consistent hierarchy: parents first, DHIS2 paths, populations that add up', () => {
    const byId = new Map(country.orgUnits.map((u) => [u.id, u]));
    const seen = new Set<string>();
    for (const u of country.orgUnits) {
      expect(u.id).toMatch(UID);
      if (u.parentId === null) {
        expect(u.path).toBe(`/${u.id}`);
      } else {
        expect(seen.has(u.parentId)).toBe(true);
        const parent = byId.get(u.parentId)!;
        expect(u.level).toBe(parent.level + 1);
        expect(u.path).toBe(`${parent.path}/${u.id}`);
      }
      seen.add(u.id);
      const children = country.orgUnits.filter((c) => c.parentId === u.id);
      if (children.length > 0) {
        expect(u.population).toBe(children.reduce((n, c) => n + c.population, 0));
      }
    }
    const hospitals = country.orgUnits
      .filter((u) => u.kind === 'hospital')
      .map((u) => u.population);
    const posts = country.orgUnits.filter((u) => u.kind === 'health_post').map((u) => u.population);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(median(hospitals)).toBeGreaterThan(70_000);
    expect(median(posts)).toBeLessThan(7_000);
  });

  it('gives unique, well-formed ids and unique codes and names where the database needs them', () => {
    const cocs = country.categoryCombos.flatMap((c) => c.options);
    const ids = [
      ...country.orgUnits.map((u) => u.id),
      ...country.groups.map((g) => g.id),
      ...country.categoryCombos.map((c) => c.id),
      ...cocs.map((o) => o.id),
      ...country.dataElements.map((d) => d.id),
      ...country.indicatorTypes.map((t) => t.id),
      ...country.indicators.map((i) => i.id),
    ];
    for (const id of ids) {
      expect(id).toMatch(UID);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(country.orgUnits.map((u) => u.code));
    unique(country.orgUnits.map((u) => u.name));
    unique(cocs.map((o) => o.code));
    unique(country.dataElements.map((d) => d.code));
    unique(country.dataElements.map((d) => d.name));
    unique(country.indicators.map((i) => i.name));
    unique(country.indicatorTypes.map((t) => t.name));
    unique(country.groups.map((g) => g.code));
    const defaultCombo = country.categoryCombos.find((c) => c.code === 'default')!;
    expect(defaultCombo.id).toBe('bjDvmb4bfuf');
    expect(defaultCombo.options.map((o) => o.id)).toEqual(['HllvX50cXC0']);
    expect(country.defaultCategoryOptionComboId).toBe('HllvX50cXC0');
    expect(country.dataElements.length).toBeGreaterThanOrEqual(20);
  });

  it('has values that reference existing ids, fit their category combo and are whole numbers', () => {
    const orgUnits = new Map(country.orgUnits.map((u) => [u.id, u]));
    const comboOptions = new Map(
      country.categoryCombos.map((c) => [c.id, new Set(c.options.map((o) => o.id))]),
    );
    const elements = new Map(country.dataElements.map((d) => [d.id, d]));
    const periods = new Set(country.periods);
    const keys = new Set<string>();
    const problems: string[] = [];
    // Plain checks per value, one assertion at the end: 250,000 expect() calls would take half a minute.
    for (const v of values) {
      const de = elements.get(v.dataElementId);
      const ok =
        de !== undefined &&
        orgUnits.get(v.orgUnitId)?.level === 4 &&
        periods.has(v.period) &&
        comboOptions.get(de.categoryComboId)?.has(v.categoryOptionComboId) === true &&
        v.attributeOptionComboId === country.defaultCategoryOptionComboId &&
        /^(0|[1-9]\d*)$/.test(v.value);
      if (!ok && problems.length < 5) {
        problems.push(JSON.stringify(v));
      }
      keys.add(`${v.dataElementId}|${v.period}|${v.orgUnitId}|${v.categoryOptionComboId}`);
    }
    expect(problems).toEqual([]);
    expect(keys.size).toBe(values.length); // unique on the data value key
    expect(country.countDataValues()).toBe(values.length);
    expect(values.length).toBeGreaterThan(200_000);
    expect(values.some((v) => v.comment !== undefined)).toBe(true);
  });

  it('writes indicators core can parse, over existing data elements and their option combos', () => {
    const elements = new Map(country.dataElements.map((d) => [d.id, d]));
    const comboOptions = new Map(
      country.categoryCombos.map((c) => [c.id, new Set(c.options.map((o) => o.id))]),
    );
    const types = new Map(country.indicatorTypes.map((t) => [t.id, t]));
    for (const indicator of country.indicators) {
      expect(types.has(indicator.indicatorTypeId)).toBe(true);
      for (const expression of [indicator.numerator, indicator.denominator]) {
        for (const item of collectDataItems(parseExpression(expression))) {
          const de = elements.get(item.dataElementId);
          expect(de, `${indicator.code}: ${expression}`).toBeDefined();
          if (item.categoryOptionComboId !== null) {
            expect(comboOptions.get(de!.categoryComboId)?.has(item.categoryOptionComboId)).toBe(
              true,
            );
          }
        }
      }
      if (indicator.kind === 'count') {
        expect(indicator.denominator).toBe('1');
      }
    }
    const codes = country.indicators.map((i) => i.code);
    for (const code of [
      'IN_ANC4_COVERAGE',
      'IN_FACILITY_DELIVERY_RATE',
      'IN_PENTA3_COVERAGE',
      'IN_PENTA1_3_DROPOUT',
      'IN_MCV1_COVERAGE',
      'IN_MALARIA_TPR',
      'IN_MALARIA_CONFIRMED',
      'IN_OPD_UTILISATION',
      'IN_STOCKOUT_RATE',
      'IN_TB_NOTIFIED',
      'IN_HW_PRESENCE',
    ]) {
      expect(codes).toContain(code);
    }
    expect(country.indicators.filter((i) => i.notifiable).map((i) => i.code)).toEqual([
      'IN_MALARIA_CONFIRMED',
    ]);
  });

  it('has demo users at every level, with passwords the user service accepts', () => {
    const orgUnits = new Map(country.orgUnits.map((u) => [u.id, u]));
    const levels = country.users.map((u) => orgUnits.get(u.orgUnitIds[0])!.level);
    expect(levels).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(country.users.map((u) => u.role)).toEqual(
      expect.arrayContaining(['admin', 'manager', 'contributor', 'viewer']),
    );
    for (const user of country.users) {
      expect(user.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
      expect(user.password.length).toBeGreaterThanOrEqual(10);
      for (const id of user.orgUnitIds) {
        expect(orgUnits.has(id)).toBe(true);
      }
    }
    expect(new Set(country.users.map((u) => u.email)).size).toBe(country.users.length);
  });

  it('has groups over existing org units', () => {
    const orgUnits = new Map(country.orgUnits.map((u) => [u.id, u]));
    for (const group of country.groups) {
      expect(group.orgUnitIds.length).toBeGreaterThan(0);
      for (const id of group.orgUnitIds) {
        expect(orgUnits.has(id)).toBe(true);
      }
    }
    const byCode = new Map(country.groups.map((g) => [g.code, g]));
    expect(byCode.get('OUG_INTERVENTION_DISTRICTS')?.orgUnitIds).toHaveLength(3);
    expect(byCode.get('OUG_COMPARISON_DISTRICTS')?.orgUnitIds).toHaveLength(3);
  });

  it.each([
    [4, 12, 4],
    [37, 13, 4],
    [100, 24, 6],
    [2000, 36, 125],
  ])(
    'scales to %i facilities over %i months (%i districts), counting values without generating them',
    (facilities, months, districts) => {
      const small = generateDemoCountry({ ...DEFAULTS, facilities, months });
      expect(small.orgUnits.filter((u) => u.level === 2)).toHaveLength(4);
      expect(small.orgUnits.filter((u) => u.level === 3)).toHaveLength(districts);
      expect(small.orgUnits.filter((u) => u.level === 4)).toHaveLength(facilities);
      let n = 0;
      for (const _ of small.dataValues()) {
        n++;
      }
      expect(small.countDataValues()).toBe(n);
      const kinds: PlantedFeatureKind[] = [
        'outbreak',
        'sustained_improvement',
        'no_change_comparison',
        'slow_decline',
        'outlier',
        'reporting_gap',
        'seasonality',
      ];
      expect([...new Set(small.plantedFeatures.map((f) => f.kind))].sort()).toEqual(kinds.sort());
    },
  );

  it('rejects options out of range, naming them', () => {
    expect(() => resolveDemoOptions({ endPeriod: '2026-10' })).toThrow(/endPeriod/);
    expect(() => resolveDemoOptions({ endPeriod: '202610', facilities: 3 })).toThrow(/facilities/);
    expect(() => resolveDemoOptions({ endPeriod: '202610', months: 11 })).toThrow(/months/);
    expect(() => resolveDemoOptions({ endPeriod: '202610', seed: 1.5 })).toThrow(/seed/);
  });
});
