/**
 * A small seeded pseudo-random generator (sfc32, seeded through the cyrb128 string hash) and
 * the draws the demo needs: uniform, normal, gamma, Poisson, negative binomial, binomial.
 *
 * Every stream is named by its parts (`Rng.from(seed, 'values', facilityIndex)`), so one
 * facility's values do not depend on how many values were drawn before it: the demo can be
 * generated lazily, in any order, and stay identical.
 */

/** cyrb128: hashes a string into four 32-bit words (good enough to seed sfc32; not cryptographic). */
export function hashString(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** log(k!) exactly (by summing) below 256, by Stirling's series above (error < 1e-12). */
const LOG_FACTORIAL: number[] = [0];
for (let k = 1; k < 256; k++) {
  LOG_FACTORIAL.push(LOG_FACTORIAL[k - 1] + Math.log(k));
}

/** log(k!), for the Poisson sampler's acceptance test. */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL.length) {
    return LOG_FACTORIAL[k];
  }
  const n = k + 1;
  return (
    (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * n) - 1 / (360 * n ** 3)
  );
}

/** A seeded stream of pseudo-random numbers (sfc32: 128-bit state, passes PractRand). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from four 32-bit words; prefer `Rng.from`. */
  constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 15; i++) {
      this.nextUint32();
    }
  }

  /** A stream named by its parts, e.g. `Rng.from(seed, 'values', 17)`. */
  static from(...parts: readonly (string | number)[]): Rng {
    return new Rng(hashString(parts.join('\u001f')));
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform on [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Normal draw (Box–Muller; one of the pair, so no hidden state beyond the stream). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]: log(u) is finite
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal multiplier with mean 1 and log-scale standard deviation `sdLog`. */
  logNormal(sdLog: number): number {
    return Math.exp(this.normal(-(sdLog * sdLog) / 2, sdLog));
  }

  /** Gamma draw with the given shape and scale (Marsaglia & Tsang 2000; boosted below shape 1). */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) {
      return this.gamma(shape + 1, scale) * this.next() ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x ** 4) {
        return d * v * scale;
      }
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v * scale;
      }
    }
  }

  /** Poisson draw: inversion for small means, PTRS (Hörmann 1993) from 10 up. */
  poisson(mean: number): number {
    if (!(mean > 0)) {
      return 0;
    }
    if (mean < 10) {
      let k = 0;
      let p = Math.exp(-mean);
      let cumulative = p;
      const u = this.next();
      while (u > cumulative && k < 1000) {
        k++;
        p *= mean / k;
        cumulative += p;
      }
      return k;
    }
    const sqrtMean = Math.sqrt(mean);
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * sqrtMean;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
      if (lhs <= -mean + k * logMean - logFactorial(k)) {
        return k;
      }
    }
  }

  /**
   * Negative binomial draw with the given mean and size (dispersion) `k`: variance
   * mean + mean²/k, drawn as a gamma–Poisson mixture. `k = Infinity` gives a Poisson draw.
   */
  negativeBinomial(mean: number, size: number): number {
    if (!(mean > 0)) {
      return 0;
    }
    if (!Number.isFinite(size)) {
      return this.poisson(mean);
    }
    return this.poisson(this.gamma(size, mean / size));
  }

  /** Binomial draw: exact below 50 trials, a clamped normal approximation above. */
  binomial(trials: number, p: number): number {
    if (trials <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return trials;
    }
    if (trials < 50) {
      let k = 0;
      for (let i = 0; i < trials; i++) {
        if (this.next() < p) {
          k++;
        }
      }
      return k;
    }
    const x = Math.round(this.normal(trials * p, Math.sqrt(trials * p * (1 - p))));
    return Math.min(trials, Math.max(0, x));
  }
}
