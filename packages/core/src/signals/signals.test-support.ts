/**
 * Series with planted changes for the signal tests. Test support only; not exported.
 */

/** Monthly period ids from `start` (e.g. 2023, 1), `count` of them. */
export function months(count: number, startYear = 2023, startMonth = 1): string[] {
  return Array.from({ length: count }, (_, k) => {
    const m = startMonth - 1 + k;
    const year = startYear + Math.floor(m / 12);
    return `${year}${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** 15 stable months around 50, then a sustained shift up to about 60 (`shifted` months). */
export function plantedShift(shifted: number): number[] {
  const stable = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 50, 48, 52];
  const high = [60, 62, 59, 61, 63, 60, 58, 62, 61, 60, 59, 62];
  return [...stable, ...high.slice(0, shifted)];
}
