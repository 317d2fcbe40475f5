import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoCountry, type DemoCountry } from '../demo/index.ts';
import { parsePeriodId, periodRange } from '@sankofa/core';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-database.ts';
import { isDatabaseEmpty, loadDemoCountry, readDemoOptions } from './load-demo.ts';
import { querySeries } from './query-series.ts';
import { verifyPassword } from '../auth/password.ts';

const count = async (
  db: TestDatabase,
  table: 'dataValues' | 'orgUnits' | 'users' | 'orgUnitClosure',
) =>
  Number(
    (
      await db.adapter.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(testDialects())('loading the demo country on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('loads everything the generator made, once, and the planted outbreak shows through the series query', async () => {
    database = await createTestDatabase(dialect);
    const country = generateDemoCountry({
      seed: 3,
      facilities: 24,
      months: 24,
      endPeriod: '202610',
    });
    const result = await loadDemoCountry(database.adapter, country);
    expect(result).toEqual({
      orgUnits: country.orgUnits.length,
      dataValues: country.countDataValues(),
      users: country.users.length,
    });
    expect(await count(database, 'dataValues')).toBe(country.countDataValues());
    expect(await count(database, 'users')).toBe(country.users.length);
    const depthSum = country.orgUnits.reduce((acc, u) => acc + u.level, 0);
    expect(await count(database, 'orgUnitClosure')).toBe(depthSum);
    expect(await readDemoOptions(database.adapter.db)).toEqual({
      seed: 3,
      facilities: 24,
      months: 24,
      endPeriod: '202610',
    });
    const manager = country.users.find((u) => u.email.startsWith('district.manager'))!;
    const stored = await database.adapter.db
      .selectFrom('users')
      .select('passwordHash')
      .where('email', '=', manager.email)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(manager.password, stored.passwordHash)).toBe(true);

    const outbreak = country.plantedFeatures.find((f) => f.kind === 'outbreak')!;
    const indicator = country.indicators.find((i) => i.notifiable)!;
    const series = await querySeries(database.adapter.db, {
      subject: {
        kind: 'indicator',
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        factor: 1,
        annualized: false,
      },
      orgUnitId: outbreak.orgUnitIds[0],
      periods: periodRange(parsePeriodId('202411'), parsePeriodId('202610')),
    });
    const byPeriod = new Map(series.map((p) => [p.period, p.value!]));
    const months = periodRange(
      parsePeriodId(outbreak.startPeriod),
      parsePeriodId(outbreak.endPeriod),
    );
    for (const month of months) {
      const lastYear = String(Number(month.id) - 100);
      expect(byPeriod.get(month.id)!, month.id).toBeGreaterThan(2 * byPeriod.get(lastYear)!);
    }
    await expect(loadDemoCountry(database.adapter, country)).rejects.toThrow(
      /already has org units/,
    );
  });

  it('leaves the database empty when a load fails part-way', async () => {
    database = await createTestDatabase(dialect);
    const good = generateDemoCountry({ seed: 1, facilities: 8, months: 12, endPeriod: '202610' });
    const broken: DemoCountry = {
      ...good,
      *dataValues() {
        let n = 0;
        for (const value of good.dataValues()) {
          yield ++n === 1500 ? { ...value, orgUnitId: 'NoSuchUnit1' } : value;
        }
      },
    };
    await expect(loadDemoCountry(database.adapter, broken)).rejects.toThrow();
    expect(await isDatabaseEmpty(database.adapter.db)).toBe(true);
    expect(await count(database, 'dataValues')).toBe(0);
    expect(await count(database, 'users')).toBe(0);
  });
});
