/**
 * "Did the process shift after the intervention?" by the run rules: the centre line (and limits)
 * of the points before the intervention are frozen, as a baseline, and the points after it are
 * judged against them by a rule-set preset (Anhøj by default). A shift is the preset's sustained
 * evidence of a changed level: for Anhøj a too-long run or too few crossings (qicharts2's runs
 * signal), for IHI a shift or too few runs, for Making Data Count a shift. Trends and single
 * points beyond the limits are reported in `findings` but are not a shift.
 */
import { InsufficientDataError, ValidationError, type Warning } from '../errors.ts';
import { anhoejCriticalValues } from '../rule-sets/anhoej-preset.ts';
import { getRuleSetPreset } from '../rule-sets/rule-set-registry.ts';
import type {
  RuleDirection,
  RuleFinding,
  RuleId,
  RuleSetFamily,
  RuleSetPreset,
} from '../rule-sets/rule-set-types.ts';
import { computeSpcChart } from '../spc/compute-spc-chart.ts';

/** Baselines shorter than this give the `short_baseline` warning (a common rule of thumb). */
export const SPC_SHIFT_MIN_BASELINE = 12;

/** Rules that count as a shift, per preset family. */
const SHIFT_RULES: Readonly<Record<RuleSetFamily, readonly RuleId[]>> = {
  anhoej: ['longest_run', 'crossings'],
  'ihi-run': ['shift', 'runs_too_few'],
  mdc: ['shift'],
};

/** Options of {@link testSpcShiftAfter}. */
export interface SpcShiftOptions {
  /** A preset id (`anhoej`, `ihi-run`, `mdc-2024`, `mdc-classic-7`) or a preset; default `anhoej`. */
  readonly ruleSet?: string | RuleSetPreset;
  /**
   * `run`: the baseline median, no limits; `i`: the baseline mean with XmR limits (qicharts2
   * I chart, moving ranges screened). Default `run` for the Anhøj and IHI families (run-chart
   * rules) and `i` for Making Data Count (XmR rules on the mean).
   */
  readonly chart?: 'run' | 'i';
}

/** The verdict of the shift test. */
export interface SpcShiftResult {
  /** Whether a shift rule fired on the post-intervention points. */
  readonly shifted: boolean;
  /** `up` or `down` for a shift; `null` without one (or when the post median is on the centre). */
  readonly direction: RuleDirection;
  /** The rule that established the shift, or `null`. */
  readonly rule: RuleId | null;
  /** 0-based indices into the series of the points of that rule's finding. */
  readonly points: readonly number[];
  readonly chart: 'run' | 'i';
  /** Baseline centre line: median (run) or mean (i) of the points before the intervention. */
  readonly baselineCentre: number;
  readonly baselineCount: number;
  /** Non-missing points after the intervention. */
  readonly postCount: number;
  readonly postMedian: number | null;
  readonly postMean: number | null;
  /** Fewest post points with which the preset's shift rules could fire at all. */
  readonly minimumPostPoints: number;
  /** True when `postCount` is below `minimumPostPoints`: no shift could have been seen yet. */
  readonly tooEarly: boolean;
  /** Every finding of the preset on the post points (indices into the whole series). */
  readonly findings: readonly RuleFinding[];
  readonly preset: string;
  readonly version: string;
  /** `short_baseline`, `too_early`, `limits_not_computable` and the preset's warnings. */
  readonly warnings: readonly Warning[];
}

function resolvePreset(ruleSet: string | RuleSetPreset | undefined): RuleSetPreset {
  if (ruleSet === undefined || typeof ruleSet === 'string') {
    return getRuleSetPreset(ruleSet ?? 'anhoej');
  }
  return ruleSet;
}

/** Smallest number of points with which the family's shift rules can fire. */
function minimumPostPoints(preset: RuleSetPreset): number {
  const params = preset.parameters;
  if (preset.family === 'anhoej') {
    const parameters = {
      longestRunOffset: Number(params.longestRunOffset),
      crossingsQuantile: Number(params.crossingsQuantile),
    };
    // n points on one side fire the longest-run rule once n > its limit, and (no crossings)
    // the crossings rule once its limit is above 0; the longest-run limit grows slower than n.
    let n = 1;
    for (; ; n++) {
      const { longestRunMax, crossingsMin } = anhoejCriticalValues(n, parameters);
      if (n > longestRunMax || crossingsMin > 0) {
        return n;
      }
    }
  }
  return Number(params.shiftLength);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The finding that establishes the shift: most points, the latest on a tie. */
function strongest(findings: readonly RuleFinding[]): RuleFinding | undefined {
  return findings.reduce<RuleFinding | undefined>(
    (best, f) => (best === undefined || f.points.length >= best.points.length ? f : best),
    undefined,
  );
}

/**
 * Tests for an SPC shift after an intervention.
 *
 * @param series - The measurements in time order; `null` when missing.
 * @param interventionIndex - 0-based index of the first point after the intervention, which is
 * also the number of baseline points (1 ≤ interventionIndex < series length).
 * @param options - Rule-set preset (default `anhoej`) and centre line (`run` or `i`).
 * @returns Whether and which way the post points shifted, by which rule and on which points,
 * the baseline centre, post median and mean, the preset id and version, and warnings.
 * @throws ValidationError for a bad index, a non-finite value or an unknown preset.
 * @throws InsufficientDataError when the baseline has no values.
 * @example
 * ```ts
 * const test = testSpcShiftAfter([5, 6, 5, 7, 6, 5, 6, 7, 6, 5, 6, 5, 3, 3, 2, 3, 2, 3, 3, 2], 12);
 * test.shifted; // true: 8 points below the baseline median (longest run > 6)
 * test.direction; // 'down'
 * ```
 */
export function testSpcShiftAfter(
  series: readonly (number | null)[],
  interventionIndex: number,
  options: SpcShiftOptions = {},
): SpcShiftResult {
  if (!Array.isArray(series)) {
    throw ValidationError.of('series', 'required', 'series must be an array');
  }
  const n = series.length;
  if (!Number.isInteger(interventionIndex) || interventionIndex < 1 || interventionIndex >= n) {
    throw ValidationError.of(
      'interventionIndex',
      'out_of_range',
      `interventionIndex must be a whole number from 1 to ${n - 1} (points before and after), got ${String(interventionIndex)}`,
    );
  }
  const preset = resolvePreset(options.ruleSet);
  const chart = options.chart ?? (preset.family === 'mdc' ? 'i' : 'run');
  if (chart !== 'run' && chart !== 'i') {
    throw ValidationError.of(
      'chart',
      'invalid_option',
      `chart must be run or i, got ${String(chart)}`,
    );
  }
  const spc = computeSpcChart(
    { x: series.map((_, i) => i + 1), y: series },
    { chart, freeze: interventionIndex },
  );
  const baselineValues = series.slice(0, interventionIndex).filter((v): v is number => v !== null);
  const centre = spc.points[interventionIndex].cl;
  if (centre === null || baselineValues.length === 0) {
    throw new InsufficientDataError('the baseline has no values to set a centre line', 1, 0);
  }
  const post = spc.points.slice(interventionIndex);
  const result = preset.evaluate({
    y: post.map((p) => p.y),
    cl: post.map((p) => p.cl),
    ucl: post.map((p) => p.ucl),
    lcl: post.map((p) => p.lcl),
    ucl2: post.map((p) => p.ucl95),
    lcl2: post.map((p) => p.lcl95),
  });
  const findings = result.findings.map((f) => ({
    ...f,
    points: f.points.map((k) => k + interventionIndex),
  }));
  const shiftRules = SHIFT_RULES[preset.family];
  const shifts = findings.filter((f) => shiftRules.includes(f.rule));
  const postValues = series.slice(interventionIndex).filter((v): v is number => v !== null);
  const postMedian = median(postValues);
  const postMean =
    postValues.length === 0 ? null : postValues.reduce((a, v) => a + v, 0) / postValues.length;
  const main = strongest(shifts.filter((f) => f.direction !== null)) ?? strongest(shifts);
  const side = postMedian === null ? 0 : Math.sign(postMedian - centre);
  const direction: RuleDirection =
    main === undefined ? null : (main.direction ?? (side > 0 ? 'up' : side < 0 ? 'down' : null));
  const minimum = minimumPostPoints(preset);
  const warnings: Warning[] = [];
  if (baselineValues.length < SPC_SHIFT_MIN_BASELINE) {
    warnings.push({
      code: 'short_baseline',
      message: `the baseline has ${baselineValues.length} points; a stable centre line wants at least ${SPC_SHIFT_MIN_BASELINE}`,
    });
  }
  if (postValues.length < minimum && main === undefined) {
    warnings.push({
      code: 'too_early',
      message: `${postValues.length} points after the intervention; the ${preset.id} rules need at least ${minimum} to show a shift`,
    });
  }
  warnings.push(
    ...spc.warnings.filter((w) => w.code === 'limits_not_computable'),
    ...result.warnings,
  );
  return {
    shifted: main !== undefined,
    direction,
    rule: main?.rule ?? null,
    points: main?.points ?? [],
    chart,
    baselineCentre: centre,
    baselineCount: baselineValues.length,
    postCount: postValues.length,
    postMedian,
    postMean,
    minimumPostPoints: minimum,
    tooEarly: postValues.length < minimum && main === undefined,
    findings,
    preset: result.preset,
    version: result.version,
    warnings,
  };
}
