/**
 * One indicator value of the demo country checked against a hand computation from the raw data
 * values: the Penta 1→3 dropout rate, (Penta1 − Penta3) / Penta1 × 100 on the 0–11 month combo,
 * for one district and one month. And every demo indicator computed by the batch reader's
 * columns (its fast path) and by its general path, which must agree to the bit.
 */
import { parsePeriodId, periodRange, type SeriesPoint } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteConnectionOf } from '../db/dialects/sqlite/raw-connection.ts';
import { SqliteReadThread } from '../db/dialects/sqlite/read-thread.ts';
import { generateDemoCountry, type DemoCountry } from '../demo/index.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-database.ts';
import { loadDemoCountry } from './load-demo.ts';
import { querySeries, type SeriesSubject } from './query-series.ts';
import { querySeriesForOrgUnits, readSeriesForOrgUnits } from './query-series-batch.ts';

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

/** The demo's org units (every level, parents first), indicators and the 14 months asked. */
async function demoBatch(db: TestDatabase['adapter']['db']) {
  const orgUnits = await db
    .selectFrom('orgUnits')
    .select(['id', 'parentId', 'level'])
    .orderBy('level')
    .orderBy('id')
    .execute();
  const indicators = await db
    .selectFrom('indicators as i')
    .innerJoin('indicatorTypes as t', 't.id', 'i.indicatorTypeId')
    .select(['i.id', 'i.numerator', 'i.denominator', 'i.annualized', 't.factor'])
    .execute();
  const periods = periodRange(parsePeriodId('202505'), parsePeriodId('202606'));
  return { orgUnits, indicators, periods };
}

/** An indicator row as the batch reader's subject. */
const subjectOf = (indicator: {
  numerator: string;
  denominator: string;
  factor: number;
  annualized: number;
}): SeriesSubject => ({
  kind: 'indicator',
  numerator: indicator.numerator,
  denominator: indicator.denominator,
  factor: indicator.factor,
  annualized: indicator.annualized === 1,
});

describe.each(testDialects())('the batch reader’s two paths on the demo on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadDemoCountry(
      database.adapter,
      generateDemoCountry({ seed: 3, facilities: 8, months: 14, endPeriod: '202606' }),
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  it('gives every indicator at every org unit the same numbers by columns as the general path, to the bit', async () => {
    const db = database.adapter.db;
    const { orgUnits, indicators, periods } = await demoBatch(db);
    expect(indicators.length).toBeGreaterThan(10);
    // The same bits: -0 is not 0, and every number is compared with Object.is.
    const bits = (points: readonly SeriesPoint[] | undefined) =>
      (points ?? []).map((p) =>
        [p.value, p.numerator, p.denominator].map((v) => (Object.is(v, -0) ? '-0' : String(v))),
      );
    let compared = 0;
    for (const indicator of indicators) {
      const subject = subjectOf(indicator);
      const columns = await querySeriesForOrgUnits(db, {
        subject,
        orgUnits,
        periods,
        path: 'columns',
      });
      const general = await querySeriesForOrgUnits(db, {
        subject,
        orgUnits,
        periods,
        path: 'general',
      });
      for (const unit of orgUnits) {
        expect(bits(columns.get(unit.id)), `${indicator.id} at ${unit.id}`).toEqual(
          bits(general.get(unit.id)),
        );
        expect(columns.get(unit.id)).toEqual(general.get(unit.id));
        compared++;
      }
    }
    expect(compared).toBe(indicators.length * orgUnits.length);
  });

  it('gives each unit the same points computed on demand, whole or one period at a time', async () => {
    const db = database.adapter.db;
    const { orgUnits, indicators, periods } = await demoBatch(db);
    let compared = 0;
    for (const indicator of indicators) {
      const subject = subjectOf(indicator);
      const all = await querySeriesForOrgUnits(db, { subject, orgUnits, periods });
      const onDemand = await readSeriesForOrgUnits(db, { subject, orgUnits, periods });
      for (const unit of orgUnits) {
        const points = all.get(unit.id);
        expect(onDemand.get(unit.id), `${indicator.id} at ${unit.id}`).toEqual(points);
        for (const index of [0, 7, periods.length - 1]) {
          expect(onDemand.pointAt(unit.id, index)).toEqual(points?.[index]);
        }
        compared++;
      }
    }
    expect(compared).toBe(indicators.length * orgUnits.length);
  });

  // SQLite only: a reader thread shares a database file; PostgreSQL has none.
  if (dialect === 'sqlite') {
    it('reads the same numbers on a reader thread as on the connection, to the bit', async () => {
      const db = database.adapter.db;
      const connection = sqliteConnectionOf(db);
      expect(connection?.memory).toBe(false);
      const readThread = SqliteReadThread.start(connection!)!;
      try {
        const { orgUnits, indicators, periods } = await demoBatch(db);
        expect(indicators.length).toBeGreaterThan(10);
        // One cache for the threaded reads, as in a scan: elements shared by indicators are read
        // once, and several are asked of the thread at once.
        const threadCache = new Map();
        for (const indicator of indicators) {
          const subject = subjectOf(indicator);
          const [onConnection, onThread] = await Promise.all([
            querySeriesForOrgUnits(db, { subject, orgUnits, periods, path: 'columns' }),
            querySeriesForOrgUnits(db, {
              subject,
              orgUnits,
              periods,
              path: 'columns',
              cache: threadCache,
              readThread,
            }),
          ]);
          for (const unit of orgUnits) {
            expect(onThread.get(unit.id), `${indicator.id} at ${unit.id}`).toEqual(
              onConnection.get(unit.id),
            );
          }
        }
        // The values did come from the thread.
        expect(readThread.answered).toBeGreaterThan(0);
        // Once the thread has ended, the connection reads instead: the same numbers.
        await readThread.close();
        const subject = subjectOf(indicators[0]);
        const afterEnd = await querySeriesForOrgUnits(db, {
          subject,
          orgUnits,
          periods,
          path: 'columns',
          readThread,
        });
        const onConnection = await querySeriesForOrgUnits(db, { subject, orgUnits, periods });
        expect(afterEnd).toEqual(onConnection);
      } finally {
        await readThread.close();
      }
    });
  }
});
