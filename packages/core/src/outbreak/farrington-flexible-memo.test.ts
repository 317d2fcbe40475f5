/**
 * Reusing improved-Farrington weeks (`FlexibleWeekMemo`): a run that reads the memo gives exactly
 * the points of a fresh run, and after the series moves on by one month only the new month is
 * fitted; where a trend can be fitted (b ≥ 3) the time of each row is part of the key, so a moved
 * series is fitted again rather than read from weeks whose times differ.
 */
import { describe, expect, it } from 'vitest';
import { detectOutbreaks } from './detect-outbreaks.ts';
import type { FlexibleWeekMemo } from './farrington-flexible.ts';
import type { OutbreakOptions } from './types.ts';

/** Seasonal monthly counts with an outbreak, from a seeded generator (Poisson by inversion). */
function monthlyCounts(length: number, seed: number): number[] {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length }, (_, i) => {
    const mean = 40 * (1 + 0.5 * Math.sin((2 * Math.PI * i) / 12)) * (i === length - 3 ? 3 : 1);
    let k = 0;
    let p = Math.exp(-mean);
    let cumulative = p;
    const u = uniform();
    while (u > cumulative && k < 10_000) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  });
}

const monitored = (n: number, b: number): OutbreakOptions => ({
  method: 'farrington-flexible',
  range: { first: n - 11, last: n },
  b,
  w: 3,
});

describe('detectOutbreaks reusing improved-Farrington weeks', () => {
  it('gives the points of a fresh run, and fits only the new month after the series moves on', () => {
    const counts = monthlyCounts(37, 7);
    const window = counts.slice(0, 36);
    const memo: FlexibleWeekMemo = new Map();
    const fresh = detectOutbreaks({ observed: window, frequency: 12 }, monitored(36, 1));
    const first = detectOutbreaks({ observed: window, frequency: 12 }, monitored(36, 1), {
      flexibleWeeks: memo,
    });
    expect(first).toEqual(fresh);
    expect(memo.size).toBe(12);
    expect(fresh.points.some((p) => p.alarm)).toBe(true);

    const moved = counts.slice(1, 37);
    const movedFresh = detectOutbreaks({ observed: moved, frequency: 12 }, monitored(36, 1));
    const movedReused = detectOutbreaks({ observed: moved, frequency: 12 }, monitored(36, 1), {
      flexibleWeeks: memo,
    });
    expect(movedReused).toEqual(movedFresh);
    // Eleven of the twelve monitored months were computed before, with the same counts.
    expect(memo.size).toBe(13);
  });

  it('keys on the time of each row when a trend can be fitted', () => {
    const counts = monthlyCounts(61, 9);
    const memo: FlexibleWeekMemo = new Map();
    detectOutbreaks({ observed: counts.slice(0, 60), frequency: 12 }, monitored(60, 3), {
      flexibleWeeks: memo,
    });
    expect(memo.size).toBe(12);
    const moved = counts.slice(1, 61);
    const reused = detectOutbreaks({ observed: moved, frequency: 12 }, monitored(60, 3), {
      flexibleWeeks: memo,
    });
    expect(reused).toEqual(detectOutbreaks({ observed: moved, frequency: 12 }, monitored(60, 3)));
    expect(memo.size).toBe(24);
  });
});
