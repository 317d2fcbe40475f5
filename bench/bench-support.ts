/** Shared pieces of the benchmarks: options, a seeded generator, percentiles. */

export interface BenchOptions {
  /** Facilities in the demo country (demo-load). */
  readonly facilities?: number;
  /** Database URL (demo-load); default a temporary SQLite file. */
  readonly database?: string;
  /** Scale factor for the statistics benchmarks (1 = the sizes the issues name). */
  readonly scale?: number;
  /** How many series R times in the outbreak comparison (default 40). */
  readonly rSeries?: number;
}

/** The p-th percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A small seeded generator (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw by inversion (fine for the small means used here). */
export function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}
