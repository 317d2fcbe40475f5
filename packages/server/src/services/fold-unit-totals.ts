/**
 * Each org unit's total of a period's stored values, summed here as SQLite's `sum()` and
 * `count()` sum them, from the values read flat: the reader thread reads an element's `totals`
 * as every stored value with its org unit, in the primary key's order (period, org unit, combos),
 * because SQLite's own GROUP BY (period, org unit) cost ~0.6 s of the reader's ~1.6 s at 1,200
 * facilities, and the sums here cost a few milliseconds.
 *
 * SQLite (3.43 and later) sums floating-point values with Kahan–Babuška–Neumaier compensation
 * (`sumStep`, `kahanBabuskaNeumaierStep` and `sumFinalize` in sqlite3.c): the running sum and
 * its error start at 0, each value adds to both, and the result is sum + error unless the error
 * has overflowed. `numeric_value` has REAL affinity, so every value takes that path. The
 * arithmetic below is the same, step for step, in IEEE doubles: the totals are the same to the
 * bit (a property test compares them with SQLite's).
 */

/** A period's values folded per org unit: the units once each, in order, with sum and count. */
export interface UnitTotals {
  readonly units: readonly string[];
  readonly sums: Float64Array;
  readonly counts: Float64Array;
}

/** How a flat list of org units folds: the units once each, and where each one's values start. */
interface Runs {
  readonly units: readonly string[];
  /** Index of each unit's first value; one more entry, the list's length. */
  readonly starts: Int32Array;
}

/** The runs of each flat list already seen (the reader thread shares one array per list). */
const runsByList = new WeakMap<readonly string[], Runs | null>();

/**
 * The runs of equal ids in `flat`, or null when an id appears in two runs or the runs are not in
 * ascending order (the values were not read in the primary key's order).
 */
function runsOf(flat: readonly string[]): Runs | null {
  if (runsByList.has(flat)) {
    return runsByList.get(flat)!;
  }
  const units: string[] = [];
  const starts: number[] = [];
  let runs: Runs | null = null;
  let ordered = true;
  for (let i = 0; i < flat.length && ordered; i++) {
    const id = flat[i];
    if (i === 0 || id !== flat[i - 1]) {
      ordered = i === 0 || flat[i - 1] < id;
      units.push(id);
      starts.push(i);
    }
  }
  if (ordered) {
    starts.push(flat.length);
    // No repeats: the flat list itself (shared by the reads listing the same units).
    runs = { units: units.length === flat.length ? flat : units, starts: Int32Array.from(starts) };
  }
  runsByList.set(flat, runs);
  return runs;
}

/**
 * Folds a period's flat values per org unit.
 *
 * @param flat - The org unit of each value, in the primary key's order.
 * @param values - The values, as many.
 * @returns Each unit's sum and count as SQLite's `sum()` and `count()` give them, or null when
 *   `flat` is not in the primary key's order (the caller reads the totals from SQLite then).
 */
export function foldUnitTotals(
  flat: readonly string[],
  values: ArrayLike<number>,
): UnitTotals | null {
  const runs = runsOf(flat);
  if (runs === null) {
    return null;
  }
  const { units, starts } = runs;
  const sums = new Float64Array(units.length);
  const counts = new Float64Array(units.length);
  for (let u = 0; u < units.length; u++) {
    const from = starts[u];
    const to = starts[u + 1];
    let sum = 0;
    let error = 0;
    for (let i = from; i < to; i++) {
      const r = values[i];
      const s = sum;
      const t = s + r;
      if (Math.abs(s) > Math.abs(r)) {
        error += s - t + r;
      } else {
        error += r - t + s;
      }
      sum = t;
    }
    sums[u] = Number.isFinite(error) ? sum + error : sum;
    counts[u] = to - from;
  }
  return { units, sums, counts };
}
