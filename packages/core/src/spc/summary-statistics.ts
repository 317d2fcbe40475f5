/**
 * Sums, means and medians that skip missing values (NaN), as R's `sum`, `mean` and `median` with
 * `na.rm = TRUE`. Inside the SPC engine a missing value is NaN, so that R's NA/NaN arithmetic
 * carries over unchanged; results turn NaN into `null` only at the edge.
 */

/**
 * Sum of the non-missing values, with Neumaier compensation: R accumulates in long double, and
 * compensation keeps us as close to it as a double allows. Empty → 0, like R.
 */
export function sumPresent(values: readonly number[]): number {
  return sumPresentLess(values, 0);
}

/**
 * The compensated sum of `value − offset` over the non-missing values (a NaN difference is
 * skipped too): sumPresent with offset 0, meanPresent's residuals with the first mean. Index
 * loops: these run for every chart of a scan, and a for-of loop that is not yet optimised
 * allocates an iterator result per value.
 */
function sumPresentLess(values: readonly number[], offset: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] - offset;
    if (Number.isNaN(value)) {
      continue;
    }
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  // After an overflow the compensation is ±Inf − Inf = NaN; the plain sum (±Inf) is the answer.
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/**
 * Mean of the non-missing values, refined by a second pass over the residuals as R's `mean`
 * does. Empty → NaN, like R's `mean(numeric(0))`.
 */
export function meanPresent(values: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      count++;
    }
  }
  if (count === 0) {
    return Number.NaN;
  }
  const first = sumPresent(values) / count;
  if (!Number.isFinite(first)) {
    return first;
  }
  return first + sumPresentLess(values, first) / count;
}

/** Median of the non-missing values; empty → NaN (R gives NA). */
export function medianPresent(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) {
    return Number.NaN;
  }
  const half = Math.floor((count + 1) / 2);
  if (count % 2 === 1) {
    return sorted[half - 1];
  }
  return meanPresent([sorted[half - 1], sorted[half]]);
}

/** A finite number, or `null` for NaN and ±Infinity (R's NA/NaN/Inf written as JSON null). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
