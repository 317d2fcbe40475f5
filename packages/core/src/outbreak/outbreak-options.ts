/**
 * Checking options and filling in defaults, per method, with the values of surveillance 1.20.3's
 * formal arguments (read from its R sources: `earsC`, `algo.cusum`, `algo.farrington`,
 * `farringtonFlexible`). Options a method does not use are reported as `option_ignored`.
 */
import { ValidationError, type Warning } from '../errors.ts';
import type {
  OutbreakMethod,
  OutbreakOptions,
  FarringtonPowerTransform,
  FarringtonThresholdMethod,
} from './types.ts';

/** EARS control (`earsC`). */
export interface EarsControl {
  readonly variant: 'C1' | 'C2' | 'C3';
  readonly alpha: number;
  readonly baseline: number;
  readonly minSigma: number;
}

/** CUSUM control (`algo.cusum`, `trans = "standard"`); `m` null means "mean before the range". */
export interface CusumControl {
  readonly k: number;
  readonly h: number;
  readonly m: number | null;
}

/** Classic Farrington control (`algo.farrington`). */
export interface FarringtonControl {
  readonly b: number;
  readonly w: number;
  readonly reweight: boolean;
  readonly trend: boolean;
  readonly alpha: number;
  readonly limit54: readonly [number, number];
  readonly powertrans: FarringtonPowerTransform;
}

/** farringtonFlexible control; `pastWeeksNotIncluded` already defaulted to `w`. */
export interface FlexibleControl extends FarringtonControl {
  readonly weightsThreshold: number;
  readonly pThresholdTrend: number;
  readonly noPeriods: number;
  readonly pastWeeksNotIncluded: number;
  readonly thresholdMethod: FarringtonThresholdMethod;
}

type OptionName = Exclude<keyof OutbreakOptions, 'method' | 'range'>;

const FARRINGTON_OPTIONS: readonly OptionName[] = [
  'alpha',
  'b',
  'w',
  'reweight',
  'trend',
  'limit54',
  'powertrans',
];

/** Which options each method reads. */
export const METHOD_OPTIONS: Readonly<Record<OutbreakMethod, readonly OptionName[]>> = {
  'ears-c1': ['alpha', 'baseline', 'minSigma'],
  'ears-c2': ['alpha', 'baseline', 'minSigma'],
  'ears-c3': ['alpha', 'baseline', 'minSigma'],
  'ears-c3-cdc': ['alpha', 'baseline', 'minSigma'],
  cusum: ['k', 'h', 'm'],
  farrington: FARRINGTON_OPTIONS,
  'farrington-flexible': [
    ...FARRINGTON_OPTIONS,
    'weightsThreshold',
    'pThresholdTrend',
    'noPeriods',
    'pastWeeksNotIncluded',
    'thresholdMethod',
  ],
};

function invalid(name: string, expected: string, value: unknown): never {
  throw ValidationError.of(
    name,
    'invalid_option',
    `${name} must be ${expected}, got ${JSON.stringify(value) ?? String(value)}`,
  );
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A probability strictly between 0 and 1. */
function probability(name: string, value: unknown, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  return isNumber(value) && value > 0 && value < 1 ? value : invalid(name, 'in (0, 1)', value);
}

function wholeNumber(name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  return isNumber(value) && Number.isInteger(value) && value >= min
    ? value
    : invalid(name, `a whole number ≥ ${min}`, value);
}

function finiteNumber(name: string, value: unknown, fallback: number, min = -Infinity): number {
  if (value === undefined) {
    return fallback;
  }
  return isNumber(value) && value >= min
    ? value
    : invalid(name, min === -Infinity ? 'a finite number' : `a finite number ≥ ${min}`, value);
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) {
    return fallback;
  }
  return typeof value === 'boolean' ? value : invalid(name, 'true or false', value);
}

function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) {
    return fallback;
  }
  return allowed.includes(value as T) ? (value as T) : invalid(name, allowed.join(' | '), value);
}

/**
 * Options given that the method does not use.
 *
 * @returns One `option_ignored` warning per such option.
 */
export function ignoredOptions(options: OutbreakOptions): Warning[] {
  const used = new Set<string>(['method', 'range', ...METHOD_OPTIONS[options.method]]);
  return Object.entries(options)
    .filter(([key, value]) => value !== undefined && !used.has(key))
    .map(([key]) => ({
      code: 'option_ignored',
      message: `${key} does not apply to ${options.method} and was ignored`,
    }));
}

/** EARS defaults: alpha 0.001 for C1/C2 and 0.025 for C3, baseline 7, minSigma 0. */
export function resolveEarsControl(
  options: OutbreakOptions,
  variant: 'C1' | 'C2' | 'C3',
): EarsControl {
  return {
    variant,
    alpha: probability('alpha', options.alpha, variant === 'C3' ? 0.025 : 0.001),
    baseline: wholeNumber('baseline', options.baseline, 3, 7),
    minSigma: finiteNumber('minSigma', options.minSigma, 0, 0),
  };
}

/** CUSUM defaults: k 1.04, h 2.26, m null (mean of the rows before the range). */
export function resolveCusumControl(options: OutbreakOptions): CusumControl {
  const m = options.m ?? null;
  if (m !== null && !(isNumber(m) && m > 0)) {
    invalid('m', 'a finite number > 0 (or null)', m);
  }
  return {
    k: finiteNumber('k', options.k, 1.04),
    h: finiteNumber('h', options.h, 2.26),
    m,
  };
}

function limit54(value: unknown): readonly [number, number] {
  if (value === undefined) {
    return [5, 4];
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    isNumber(value[0]) &&
    value[0] >= 0 &&
    isNumber(value[1]) &&
    Number.isInteger(value[1]) &&
    value[1] >= 1
  ) {
    return [value[0], value[1]];
  }
  return invalid('limit54', '[cases ≥ 0, weeks ≥ 1]', value);
}

/** Classic Farrington defaults (`algo.farrington`): b 5, w 3, reweight, trend, alpha 0.05, limit54 [5, 4], 2/3. */
export function resolveFarringtonControl(options: OutbreakOptions): FarringtonControl {
  return {
    b: wholeNumber('b', options.b, 1, 5),
    w: wholeNumber('w', options.w, 0, 3),
    reweight: flag('reweight', options.reweight, true),
    trend: flag('trend', options.trend, true),
    alpha: probability('alpha', options.alpha, 0.05),
    limit54: limit54(options.limit54),
    powertrans: oneOf('powertrans', options.powertrans, ['2/3', '1/2', 'none'], '2/3'),
  };
}

/**
 * farringtonFlexible defaults (its formal `control`): b 5, w 3, reweight, weightsThreshold 2.58,
 * alpha 0.05, trend, pThresholdTrend 0.05, limit54 [5, 4], 2/3, noPeriods 1,
 * pastWeeksNotIncluded = w, thresholdMethod `delta`.
 */
export function resolveFlexibleControl(options: OutbreakOptions): FlexibleControl {
  const classic = resolveFarringtonControl(options);
  const pThreshold = finiteNumber('pThresholdTrend', options.pThresholdTrend, 0.05, 0);
  if (pThreshold > 1) {
    invalid('pThresholdTrend', 'in [0, 1]', pThreshold);
  }
  const weightsThreshold = finiteNumber('weightsThreshold', options.weightsThreshold, 2.58, 0);
  if (!(weightsThreshold > 0)) {
    invalid('weightsThreshold', 'a finite number > 0', weightsThreshold);
  }
  return {
    ...classic,
    weightsThreshold,
    pThresholdTrend: pThreshold,
    noPeriods: wholeNumber('noPeriods', options.noPeriods, 1, 1),
    pastWeeksNotIncluded: wholeNumber(
      'pastWeeksNotIncluded',
      options.pastWeeksNotIncluded,
      0,
      classic.w,
    ),
    thresholdMethod: oneOf(
      'thresholdMethod',
      options.thresholdMethod,
      ['delta', 'nbPlugin', 'muan'],
      'delta',
    ),
  };
}
