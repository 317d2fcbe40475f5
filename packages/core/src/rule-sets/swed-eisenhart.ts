/**
 * Exact distribution of the number of runs R in a random arrangement of n1 items of one kind and
 * n2 of the other (Swed F S, Eisenhart C. "Tables for testing randomness of grouping in a
 * sequence of alternatives." Ann Math Stat 1943;14(1):66–87), and the two-sided critical values
 * the IHI runs table is built from.
 *
 *   P(R = 2k)     = 2·C(n1−1, k−1)·C(n2−1, k−1) / C(n1+n2, n1)
 *   P(R = 2k + 1) = [C(n1−1, k−1)·C(n2−1, k) + C(n1−1, k)·C(n2−1, k−1)] / C(n1+n2, n1)
 */
import { binomialCoefficient as choose, toDyadicFraction } from './exact-arithmetic.ts';

/** Counts of arrangements by number of runs; `counts[r]` / `total` is P(R = r). */
export interface RunsDistribution {
  readonly counts: readonly bigint[];
  readonly total: bigint;
}

/**
 * The exact distribution of the number of runs.
 * @param n1 - Items of the first kind (e.g. points above the median), ≥ 0.
 * @param n2 - Items of the second kind, ≥ 0.
 */
export function runsDistribution(n1: number, n2: number): RunsDistribution {
  const n = n1 + n2;
  const counts: bigint[] = new Array<bigint>(n + 1).fill(0n);
  if (n1 === 0 || n2 === 0) {
    if (n > 0) {
      counts[1] = 1n;
    }
    return { counts, total: 1n };
  }
  for (let r = 2; r <= n; r++) {
    const k = Math.floor(r / 2);
    counts[r] =
      r % 2 === 0
        ? 2n * choose(n1 - 1, k - 1) * choose(n2 - 1, k - 1)
        : choose(n1 - 1, k - 1) * choose(n2 - 1, k) + choose(n1 - 1, k) * choose(n2 - 1, k - 1);
  }
  return { counts, total: choose(n, n1) };
}

/** Limits on the number of runs: fewer than `lower` or more than `upper` is a signal. */
export interface RunsLimits {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Critical values for `n` useful observations split as evenly as a median splits them
 * (n1 = ⌊n/2⌋, n2 = ⌈n/2⌉): `lower` is the smallest r with P(R ≤ r) > α, so P(R < lower) ≤ α;
 * `upper` is the largest r with P(R ≥ r) > α, so P(R > upper) ≤ α.
 * @param n - Useful observations (points not on the median), ≥ 2.
 * @param alphaPerTail - Probability allowed in each tail; 0.025 for a 5% two-sided test.
 */
export function swedEisenhartLimits(n: number, alphaPerTail: number): RunsLimits {
  const n1 = Math.floor(n / 2);
  const { counts, total } = runsDistribution(n1, n - n1);
  const { num, den } = toDyadicFraction(alphaPerTail);
  const exceeds = (tail: bigint): boolean => tail * den > num * total;
  let lower = 1;
  let tail = 0n;
  for (let r = 1; r <= n; r++) {
    tail += counts[r];
    if (exceeds(tail)) {
      lower = r;
      break;
    }
  }
  let upper = n;
  tail = 0n;
  for (let r = n; r >= 1; r--) {
    tail += counts[r];
    if (exceeds(tail)) {
      upper = r;
      break;
    }
  }
  return { lower, upper };
}
