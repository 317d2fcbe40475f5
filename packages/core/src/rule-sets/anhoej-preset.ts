/**
 * The Anhøj rules, exactly as qicharts2 0.8.1 runs them (`runs.analysis()`, `crsignal()` with
 * `method = 'anhoej'`, and the sigma signal of `qic.agg()`):
 *
 *   runs <- sign(y - cl) over included points; drop 0 (on the line) and NA
 *   longest run > round(log2(n.useful)) + 3            (Schilling 2012)
 *   crossings   < qbinom(0.05, max(n.useful - 1, 0), 0.5)   (Chen 2010)
 *   sigma signal: y > ucl | y < lcl, on every point, excluded or not
 *
 * R's `round` is half-to-even and `Math.round` half-up; they agree here because log2 of an
 * integer is never exactly k + 0.5.
 */
import { binomialQuantileHalf } from './binomial-quantile.ts';
import { pointBeyondLimit } from './limits-rule.ts';
import { parseParameters, type ParametersOf, type ParameterSchema } from './parameter-schema.ts';
import { checkRuleSeries } from './prepared-series.ts';
import { definePreset, type PresetFamily, type PresetMeta } from './preset-family.ts';
import { assembleResult } from './rule-set-result.ts';
import type { RuleFinding, RuleSeries, RuleSetPreset, RuleSetResult } from './rule-set-types.ts';

/** Parameters of the Anhøj family. */
export const ANHOEJ_SCHEMA = {
  centreLinePolicy: {
    kind: 'enum',
    values: ['ignore'],
    doc: 'Points exactly on the centre line are dropped before the runs analysis.',
  },
  missingPolicy: {
    kind: 'enum',
    values: ['ignore'],
    doc: 'Missing values and excluded points are dropped before the runs analysis.',
  },
  longestRunOffset: {
    kind: 'integer',
    min: 0,
    max: 20,
    doc: 'Signal when the longest run > round(log2(nUseful)) + this (Schilling 2012: 3).',
  },
  crossingsQuantile: {
    kind: 'number',
    min: 0,
    max: 1,
    doc: 'Signal when crossings < qbinom(this, nUseful − 1, 0.5) (Chen 2010: 0.05).',
  },
  flagExcludedBeyondLimits: {
    kind: 'boolean',
    doc: 'Flag excluded points beyond the 3-sigma limits too (qicharts2 does).',
  },
} as const satisfies ParameterSchema;

/** Typed parameters of the Anhøj family. */
export type AnhoejParameters = ParametersOf<typeof ANHOEJ_SCHEMA>;

/** qicharts2 0.8.1 defaults. */
export const ANHOEJ_DEFAULTS: AnhoejParameters = {
  centreLinePolicy: 'ignore',
  missingPolicy: 'ignore',
  longestRunOffset: 3,
  crossingsQuantile: 0.05,
  flagExcludedBeyondLimits: true,
};

/** The Anhøj critical values for one number of useful observations. */
export interface AnhoejCriticalValues {
  /** Signal when the longest run is longer than this. */
  readonly longestRunMax: number;
  /** Signal when the number of crossings is smaller than this. */
  readonly crossingsMin: number;
}

/**
 * The Anhøj critical values for `nUseful` points not on the centre line.
 * @param nUseful - Useful observations, ≥ 1.
 * @param parameters - The preset's parameters; qicharts2 defaults when omitted.
 * @example
 * anhoejCriticalValues(24); // { longestRunMax: 8, crossingsMin: 8 }
 */
export function anhoejCriticalValues(
  nUseful: number,
  parameters: Pick<AnhoejParameters, 'longestRunOffset' | 'crossingsQuantile'> = ANHOEJ_DEFAULTS,
): AnhoejCriticalValues {
  return {
    longestRunMax: Math.round(Math.log2(nUseful)) + parameters.longestRunOffset,
    crossingsMin: binomialQuantileHalf(parameters.crossingsQuantile, Math.max(nUseful - 1, 0)),
  };
}

/** `indices[start]` … `indices[end − 1]` as a list. */
function indicesOf(indices: Int32Array, start: number, end: number): number[] {
  const list = new Array<number>(end - start);
  for (let k = start; k < end; k++) {
    list[k - start] = indices[k];
  }
  return list;
}

/** Indices of a part's useful points, and its runs' starts: reused by every evaluation. */
let usefulScratch = new Int32Array(64);
let runScratch = new Int32Array(64);

/** A finite number as it is; anything else (null, NaN, ±Infinity) as NaN: no value. */
function finiteOrNaN(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

/**
 * The Anhøj rules on one part. What `prepareSeries`, `findSideRuns(…, 'ignore')`, `usefulPoints`
 * and `findPointsBeyondLimits` compute, in one walk over the arrays as given, without copying
 * them (a scan evaluates tens of thousands of charts; a property test holds the two equal).
 */
function evaluateAnhoej(
  meta: PresetMeta,
  params: AnhoejParameters,
  series: RuleSeries,
): RuleSetResult {
  const n = checkRuleSeries(series);
  const { y, cl, include } = series;
  const includeAll = !Array.isArray(include);
  // The useful points (included, with a value, off the centre line) and where each run of them
  // on one side starts (negated for a run below), in two scratch arrays of this module: a scan
  // reads 20,000 charts, and lists grown point by point were ~3 kB of garbage each.
  if (usefulScratch.length < n) {
    usefulScratch = new Int32Array(n);
    runScratch = new Int32Array(n);
  }
  const useful = usefulScratch;
  const runs = runScratch;
  let nUseful = 0;
  let nRuns = 0;
  let side = 0;
  for (let i = 0; i < n; i++) {
    const value = finiteOrNaN(y[i]);
    const centre = finiteOrNaN(cl[i]);
    if (
      Number.isNaN(value) ||
      Number.isNaN(centre) ||
      value === centre ||
      (!includeAll && include[i] === false)
    ) {
      continue;
    }
    const s = value > centre ? 1 : -1;
    if (s !== side) {
      // Run starts are stored plus one, so that a run below starting at 0 is −1, not −0.
      runs[nRuns++] = s * (nUseful + 1);
      side = s;
    }
    useful[nUseful++] = i;
  }
  const findings: RuleFinding[] = [];
  if (nUseful > 0) {
    const { longestRunMax, crossingsMin } = anhoejCriticalValues(nUseful, params);
    for (let r = 0; r < nRuns; r++) {
      const start = Math.abs(runs[r]) - 1;
      const end = r + 1 < nRuns ? Math.abs(runs[r + 1]) - 1 : nUseful;
      if (end - start <= longestRunMax) {
        continue;
      }
      findings.push({
        rule: 'longest_run',
        points: indicesOf(useful, start, end),
        direction: runs[r] > 0 ? 'up' : 'down',
        message: {
          code: 'run_too_long',
          values: { length: end - start, longestRunMax, nUseful },
        },
      });
    }
    const crossings = Math.max(nRuns - 1, 0);
    if (crossings < crossingsMin) {
      findings.push({
        rule: 'crossings',
        points: indicesOf(useful, 0, nUseful),
        direction: null,
        message: { code: 'too_few_crossings', values: { crossings, crossingsMin, nUseful } },
      });
    }
  }
  // Points beyond the 3-sigma limits, strictly (see `findPointsBeyondLimits`). The finiteness
  // checks are written out: as calls here they made a number on the heap for every point.
  const { ucl, lcl } = series;
  for (let i = 0; i < n; i++) {
    const value = y[i];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (!params.flagExcludedBeyondLimits && !includeAll && include[i] === false)
    ) {
      continue;
    }
    const upper = ucl[i];
    if (typeof upper === 'number' && Number.isFinite(upper) && value > upper) {
      findings.push(pointBeyondLimit(i, 'up', value, upper));
    }
    const lower = lcl[i];
    if (typeof lower === 'number' && Number.isFinite(lower) && value < lower) {
      findings.push(pointBeyondLimit(i, 'down', value, lower));
    }
  }
  return assembleResult(meta, n, findings, []);
}

/** The Anhøj preset family. */
export const ANHOEJ_FAMILY: PresetFamily = {
  family: 'anhoej',
  schema: ANHOEJ_SCHEMA,
  create(meta: PresetMeta, parameters: Readonly<Record<string, unknown>>): RuleSetPreset {
    const params = parseParameters(ANHOEJ_SCHEMA, parameters);
    return definePreset(meta, 'anhoej', params, (series) => evaluateAnhoej(meta, params, series));
  },
};

/** `anhoej`: Sankofa's default rule set. */
export const ANHOEJ_PRESET: RuleSetPreset = ANHOEJ_FAMILY.create(
  {
    id: 'anhoej',
    version: '2014.1',
    name: 'Anhøj rules (longest run, crossings) with 3-sigma points',
    source:
      'Anhøj J, Olesen AV. Run charts revisited: a simulation study of run chart rules for ' +
      'detection of non-random variation in health care processes. PLoS ONE 2014;9(11):e113825. ' +
      'Reference implementation: qicharts2 0.8.1 runs.analysis() and crsignal(method = "anhoej").',
  },
  ANHOEJ_DEFAULTS,
);
