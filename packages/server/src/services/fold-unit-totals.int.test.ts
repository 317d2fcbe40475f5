/**
 * `foldUnitTotals` against SQLite itself: the flat values of each period, folded per org unit,
 * give the units, sums and counts SQLite's GROUP BY (period, org unit) with `sum()` and `count()`
 * gives, to the bit — for whole numbers, decimals, values of very different sizes (where
 * Kahan–Babuška–Neumaier compensation changes the result), negative zeros and repeated combos —
 * and the fold refuses values that are not in the primary key's order.
 */
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldUnitTotals } from './fold-unit-totals.ts';

describe('foldUnitTotals', () => {
  let db: SQLite.Database;
  beforeAll(() => {
    db = new SQLite(':memory:');
    // The shape of data_values' key and value (migrations: WITHOUT ROWID, REAL affinity).
    db.exec(`CREATE TABLE v (element TEXT NOT NULL, period TEXT NOT NULL, unit TEXT NOT NULL,
      coc TEXT NOT NULL, aoc TEXT NOT NULL, numeric_value double precision,
      PRIMARY KEY (element, period, unit, coc, aoc)) WITHOUT ROWID`);
  });
  afterAll(() => db.close());

  const value = fc.oneof(
    fc.integer({ min: -1000, max: 100_000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom(0.1, 0.2, 0.3, 1e16, -1e16, 1, -0, 1e-300, 2 ** 53, 3.5),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  const rows = fc.uniqueArray(
    fc.record({
      period: fc.constantFrom('202401', '202402', '202403'),
      unit: fc.constantFrom('a', 'b', 'OU1', 'OU10', 'OU2', 'zz'),
      coc: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
      aoc: fc.constantFrom('x', 'y'),
      value,
    }),
    { selector: (r) => `${r.period}|${r.unit}|${r.coc}|${r.aoc}`, maxLength: 80 },
  );

  it('gives the units, sums and counts of SQLite, to the bit', () => {
    let repeated = 0;
    fc.assert(
      fc.property(rows, (list) => {
        db.exec('DELETE FROM v');
        const insert = db.prepare('INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)');
        for (const r of list) {
          insert.run('e', r.period, r.unit, r.coc, r.aoc, r.value);
        }
        const where = `FROM v WHERE element = 'e' AND numeric_value IS NOT NULL`;
        const grouped = db
          .prepare(
            `SELECT period, json_group_array(unit), json_group_array(s), json_group_array(c)
             FROM (SELECT unit, period, sum(numeric_value) AS s, count(numeric_value) AS c
               ${where} GROUP BY period, unit)
             GROUP BY period`,
          )
          .raw()
          .all() as [string, string, string, string][];
        const flat = db
          .prepare(
            `SELECT period, json_group_array(unit), json_group_array(numeric_value)
             ${where} GROUP BY period`,
          )
          .raw()
          .all() as [string, string, string][];
        expect(flat.map((r) => r[0])).toEqual(grouped.map((r) => r[0]));
        flat.forEach(([, units, values], k) => {
          const folded = foldUnitTotals(JSON.parse(units), JSON.parse(values))!;
          expect(folded).not.toBeNull();
          const [, expectedUnits, sums, counts] = grouped[k];
          expect(folded.units).toEqual(JSON.parse(expectedUnits));
          const expectedSums = JSON.parse(sums) as number[];
          folded.sums.forEach((sum, i) => {
            expect(Object.is(sum, expectedSums[i]), `${sum} vs ${expectedSums[i]}`).toBe(true);
          });
          expect(Array.from(folded.counts)).toEqual(JSON.parse(counts));
          repeated += folded.units.length < JSON.parse(units).length ? 1 : 0;
        });
      }),
      { numRuns: 400 },
    );
    // Units with several values (the sums that compensation can change) were exercised.
    expect(repeated).toBeGreaterThan(100);
  });

  it('compensates as SQLite does where plain addition would differ', () => {
    // 1e16 + 1 + 1 − 1e16: plainly 0 (each 1 is lost), compensated 2.
    const folded = foldUnitTotals(['u', 'u', 'u', 'u'], [1e16, 1, 1, -1e16])!;
    expect(folded.sums[0]).toBe(2);
    expect(1e16 + 1 + 1 - 1e16).toBe(0);
  });

  it('refuses values not in the primary key order', () => {
    expect(foldUnitTotals(['a', 'b', 'a'], [1, 2, 3])).toBeNull();
    expect(foldUnitTotals(['b', 'a'], [1, 2])).toBeNull();
    expect(foldUnitTotals(['a', 'a', 'b'], [1, 2, 3])).toEqual({
      units: ['a', 'b'],
      sums: new Float64Array([3, 3]),
      counts: new Float64Array([2, 1]),
    });
  });
});
