/**
 * Exact reference values for the distribution tests, computed in rational arithmetic with BigInt
 * and rounded once at the end: binomial, negative binomial and incomplete beta sums with rational
 * probabilities, and Poisson / incomplete gamma sums whose only inexact factor is e^(−λ)
 * (Math.exp, within 1 ulp). Used only by tests.
 */

/** A non-negative rational number num/den. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function bitLength(v: bigint): number {
  return v.toString(2).length;
}

/** Rounds num/den to a double, to within one ulp. */
export function toDouble(f: Fraction): number {
  if (f.num === 0n) {
    return 0;
  }
  const shift = bitLength(f.den) - bitLength(f.num) + 64;
  const q = shift >= 0 ? (f.num << BigInt(shift)) / f.den : f.num / (f.den << BigInt(-shift));
  const half = Math.floor(shift / 2);
  return Number(q) * 2 ** -half * 2 ** -(shift - half);
}

function choose(n: number, k: number): bigint {
  let c = 1n;
  for (let i = 1; i <= k; i++) {
    c = (c * BigInt(n - k + i)) / BigInt(i);
  }
  return c;
}

/** P(X ≤ k) and P(X > k) for X ~ Binomial(n, a/b), exactly. */
export function binomialTailsExact(k: number, n: number, a: number, b: number): [number, number] {
  const [ba, bb] = [BigInt(a), BigInt(b)];
  let lower = 0n;
  let upper = 0n;
  for (let j = 0; j <= n; j++) {
    const term = choose(n, j) * ba ** BigInt(j) * (bb - ba) ** BigInt(n - j);
    if (j <= k) {
      lower += term;
    } else {
      upper += term;
    }
  }
  const den = bb ** BigInt(n);
  return [toDouble({ num: lower, den }), toDouble({ num: upper, den })];
}

/** P(X = k) for X ~ Binomial(n, a/b), exactly. */
export function binomialPmfExact(k: number, n: number, a: number, b: number): number {
  const [ba, bb] = [BigInt(a), BigInt(b)];
  const num = choose(n, k) * ba ** BigInt(k) * (bb - ba) ** BigInt(n - k);
  return toDouble({ num, den: bb ** BigInt(n) });
}

/** I_{u/v}(a, b) for whole a, b ≥ 1: P(Binomial(a + b − 1, u/v) ≥ a). Returns [I, 1 − I]. */
export function incompleteBetaExact(u: number, v: number, a: number, b: number): [number, number] {
  const [lower, upper] = binomialTailsExact(a - 1, a + b - 1, u, v);
  return [upper, lower];
}

/** P(X ≤ k) for X ~ NegativeBinomial(size r, prob a/b), exactly. */
export function negativeBinomialCdfExact(k: number, r: number, a: number, b: number): number {
  const [ba, bb] = [BigInt(a), BigInt(b)];
  let num = 0n;
  for (let j = 0; j <= k; j++) {
    num += choose(j + r - 1, j) * ba ** BigInt(r) * (bb - ba) ** BigInt(j) * bb ** BigInt(k - j);
  }
  return toDouble({ num, den: bb ** BigInt(r + k) });
}

/** Σ_{j = from}^{to} λ^j / j! for λ = a/b, exactly (Horner from the top). */
function expPartialSum(from: number, to: number, a: number, b: number): Fraction {
  const [ba, bb] = [BigInt(a), BigInt(b)];
  let num = 1n;
  let den = 1n;
  for (let j = to; j > from; j--) {
    // S ← 1 + λ S / j
    const nextDen = bb * BigInt(j) * den;
    num = nextDen + ba * num;
    den = nextDen;
  }
  // multiply by λ^from / from!
  let factorial = 1n;
  for (let j = 2; j <= from; j++) {
    factorial *= BigInt(j);
  }
  return { num: num * ba ** BigInt(from), den: den * bb ** BigInt(from) * factorial };
}

/**
 * P(X ≤ k) and P(X > k) for X ~ Poisson(a/b), each as e^(−λ) times an exact sum
 * (λ ≤ 700 so that neither factor leaves the double range).
 */
export function poissonTailsExact(k: number, a: number, b: number): [number, number] {
  const lambda = a / b;
  const top = Math.ceil(2 * Math.max(k, lambda) + 200);
  const scale = Math.exp(-lambda);
  return [
    scale * toDouble(expPartialSum(0, k, a, b)),
    scale * toDouble(expPartialSum(k + 1, top, a, b)),
  ];
}

/**
 * P(T > t) for Student's t with an even number of degrees of freedom ν and t² = num/den (t > 0):
 * with s² = t²/(ν + t²), c² = ν/(ν + t²) and S = Σ_{k<ν/2} ((2k)!/(4^k k!²)) c^(2k) (exact),
 * P(T > t) = ½ (1 − sS) = ½ (1 − s²S²)/(1 + sS), whose numerator is exact.
 */
export function studentTUpperExact(num: number, den: number, df: number): number {
  const [t2n, t2d, nu] = [BigInt(num), BigInt(den), BigInt(df)];
  // c² = ν den / total and s² = num / total, with total = ν den + num
  const total = nu * t2d + t2n;
  // S by Horner: S = 1 + ½ c² (1 + ¾ c² (1 + ⅚ c² (…)))
  let sNum = 1n;
  let sDen = 1n;
  for (let k = df / 2 - 1; k >= 1; k--) {
    const nextDen = BigInt(2 * k) * total * sDen;
    sNum = nextDen + BigInt(2 * k - 1) * nu * t2d * sNum;
    sDen = nextDen;
  }
  const S = toDouble({ num: sNum, den: sDen });
  // 1 − s²S² = (sDen² total − num sNum²) / (sDen² total)
  const oneMinus = toDouble({
    num: sDen * sDen * total - t2n * sNum * sNum,
    den: sDen * sDen * total,
  });
  const s = Math.sqrt(toDouble({ num: t2n, den: total }));
  return (0.5 * oneMinus) / (1 + s * S);
}
