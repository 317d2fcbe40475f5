/**
 * One indicator value of the demo country checked against a hand computation from the raw data
 * values: the Penta 1→3 dropout rate, (Penta1 − Penta3) / Penta1 × 100 on the 0–11 month combo,
 * for one district and one month.
 */
import { parsePeriodId } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCountry, type DemoCountry } from '../demo/index.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-database.ts';
import { loadDemoCountry } from './load-demo.ts';
import { querySeries } from './query-series.ts';

describe.each(testDialects())('a demo indicator by hand on %s', (dialect) => {
  let database: TestDatabase;
  let country: DemoCountry;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    country = generateDemoCountry({ seed: 7, facilities: 8, months: 12, endPeriod: '202606' });
    await loadDemoCountry(database.adapter, country);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('matches (Penta1 − Penta3) / Penta1 × 100 summed from the district’s raw values', async () => {
    const db = database.adapter.db;
    const indicator = country.indicators.find((i) => i.code === 'IN_PENTA1_3_DROPOUT')!;
    const factor = country.indicatorTypes.find((t) => t.id === indicator.indicatorTypeId)!.factor;
    // The numerator is `(#{penta1.coc}-#{penta3.coc})`: take the ids from it.
    const items = [...indicator.numerator.matchAll(/#\{(\w+)\.(\w+)\}/g)].map((m) => ({
      de: m[1],
      coc: m[2],
    }));
    expect(items).toHaveLength(2);
    const types = await db
      .selectFrom('dataElements')
      .select('aggregationType')
      .where(
        'id',
        'in',
        items.map((i) => i.de),
      )
      .execute();
    expect(types.map((t) => t.aggregationType)).toEqual(['SUM', 'SUM']);

    const district = country.orgUnits.find((u) => u.level === 3)!;
    const month = country.periods[country.periods.length - 2];
    // Raw values of the district's facilities for that month, summed here by hand.
    const raw = await db
      .selectFrom('dataValues as dv')
      .innerJoin('orgUnits as o', 'o.id', 'dv.orgUnitId')
      .select(['dv.dataElementId', 'dv.categoryOptionComboId', 'dv.value'])
      .where('o.path', 'like', `${district.path}/%`)
      .where('dv.periodId', '=', month)
      .where('dv.deleted', '=', 0)
      .execute();
    const total = (item: { de: string; coc: string }) =>
      raw
        .filter((r) => r.dataElementId === item.de && r.categoryOptionComboId === item.coc)
        .reduce((sum, r) => sum + Number(r.value), 0);
    const [penta1, penta3] = items.map(total);
    expect(penta1).toBeGreaterThan(0);
    const expected = ((penta1 - penta3) / penta1) * factor;

    const [point] = await querySeries(db, {
      subject: {
        kind: 'indicator',
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        factor,
        annualized: indicator.annualized,
      },
      orgUnitId: district.id,
      periods: [parsePeriodId(month)],
    });
    expect(point.numerator).toBe(penta1 - penta3);
    expect(point.denominator).toBe(penta1);
    expect(point.value).toBeCloseTo(expected, 10);
  });
});
