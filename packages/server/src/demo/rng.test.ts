import { describe, expect, it } from 'vitest';
import { hashString, logFactorial, Rng } from './rng.ts';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe('Rng', () => {
  it('gives the same stream for the same name and a different one for another name', () => {
    const a = Rng.from(1, 'values', 7);
    const b = Rng.from(1, 'values', 7);
    const c = Rng.from(1, 'values', 8);
    const first = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(first);
    expect(hashString('sankofa')).toEqual(hashString('sankofa'));
  });

  it('draws uniforms in [0, 1) and integers in range, both ends reached', () => {
    const rng = Rng.from('uniform');
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      seen.add(rng.int(3, 6));
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([3, 4, 5, 6]);
  });

  it('draws normals with the asked mean and standard deviation', () => {
    const rng = Rng.from('normal');
    const { mean, variance } = moments(() => rng.normal(5, 2), 50_000);
    expect(mean).toBeCloseTo(5, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
  });

  it('draws log-normal multipliers with mean 1 and gammas with mean shape × scale', () => {
    const rng = Rng.from('gamma');
    expect(moments(() => rng.logNormal(0.3), 50_000).mean).toBeCloseTo(1, 1);
    const g = moments(() => rng.gamma(4, 2.5), 50_000);
    expect(g.mean).toBeCloseTo(10, 0);
    expect(g.variance / 25).toBeCloseTo(1, 0); // shape × scale² = 25
    expect(moments(() => rng.gamma(0.5, 2), 50_000).mean).toBeCloseTo(1, 1);
  });

  it.each([0.3, 4, 9.9, 10, 37, 1500])(
    'draws Poisson counts with mean and variance %s',
    (lambda) => {
      const rng = Rng.from('poisson', lambda);
      const { mean, variance } = moments(() => rng.poisson(lambda), 40_000);
      expect(Math.abs(mean - lambda) / Math.sqrt(lambda / 40_000)).toBeLessThan(4.5);
      expect(variance / lambda).toBeGreaterThan(0.95);
      expect(variance / lambda).toBeLessThan(1.05);
    },
  );

  it('draws negative binomial counts with variance mean + mean²/k', () => {
    const rng = Rng.from('nb');
    const { mean, variance } = moments(() => rng.negativeBinomial(200, 20), 40_000);
    expect(mean / 200).toBeCloseTo(1, 1);
    expect(variance / (200 + 200 ** 2 / 20)).toBeGreaterThan(0.93);
    expect(variance / (200 + 200 ** 2 / 20)).toBeLessThan(1.07);
    expect(rng.negativeBinomial(0, 20)).toBe(0);
  });

  it('draws binomials within 0…n with mean n·p', () => {
    const rng = Rng.from('binomial');
    for (const [n, p] of [
      [20, 0.3],
      [3000, 0.87],
    ] as const) {
      const { mean } = moments(() => {
        const k = rng.binomial(n, p);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        return k;
      }, 20_000);
      expect(mean / (n * p)).toBeCloseTo(1, 2);
    }
  });

  it('computes log(k!) exactly below 256 and by Stirling above', () => {
    let direct = 0;
    for (let k = 1; k <= 400; k++) {
      direct += Math.log(k);
      expect(Math.abs(logFactorial(k) - direct)).toBeLessThan(1e-12 * Math.max(1, direct));
    }
  });
});
