/**
 * From columns and options to the segmented-regression design of an interrupted time series:
 * checks (naming column and input row), rows ordered by time, t₀, the terms in R's column order,
 * the log offset, and the equivalent R formula.
 */
import { InsufficientDataError, ValidationError, type Warning } from '../errors.ts';
import { buildModelMatrix, harmonicTerms, type TermSpec } from '../glm/model-matrix.ts';
import type { GlmFamily, ModelMatrix } from '../glm/types.ts';
import { checkFamily, checkFiniteColumn, checkOutcome, logOffset } from './effect-input.ts';
import type { ItsColumns, ItsOptions, ItsSeason } from './its-types.ts';

/**
 * Fewer points than this before or after the interruption give a warning. A rule of thumb, not
 * a power calculation: segmented regression needs enough points on each side to estimate a level
 * and a slope (Wagner et al. 2002 suggest 12; 8 is often quoted as the least).
 */
export const ITS_MIN_POINTS_PER_SEGMENT = 8;

/** The design of an interrupted time series, rows in time order. */
export interface ItsDesign {
  readonly family: GlmFamily;
  /** `order[k]` is the 0-based input row of the k-th row in time order. */
  readonly order: readonly number[];
  readonly time: readonly number[];
  readonly y: readonly number[];
  readonly offset?: readonly number[];
  readonly matrix: ModelMatrix;
  /** Names of the terms the intervention brings: the level change and, if any, the slope change. */
  readonly interventionTerms: readonly string[];
  /** Whether each row (time order) is after the interruption. */
  readonly post: readonly boolean[];
  readonly lastPreTime: number;
  readonly formula: string;
  readonly warnings: readonly Warning[];
}

function columnName(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw ValidationError.of(field, 'required', `${field} must name a column`);
  }
  return value;
}

function checkSeason(season: ItsSeason, columns: ItsColumns, n: number): readonly number[] {
  const values = checkFiniteColumn(
    columnName('season.column', season.column),
    columns[season.column],
    n,
  );
  const { period, harmonics } = season;
  if (typeof period !== 'number' || !Number.isFinite(period) || !(period > 0)) {
    throw ValidationError.of(
      'season.period',
      'out_of_range',
      `period must be a number > 0, got ${String(period)}`,
    );
  }
  if (!Number.isInteger(harmonics) || harmonics < 1 || 2 * harmonics > period) {
    // tsModel's harmonic() refuses nfreq > period / 2: higher frequencies alias lower ones.
    throw ValidationError.of(
      'season.harmonics',
      'out_of_range',
      `harmonics must be a whole number from 1 to period / 2 (${period / 2}), got ${String(harmonics)}`,
    );
  }
  return values;
}

/** 0-based input rows in time order (stable, so rows with equal times keep their input order). */
function timeOrder(time: readonly number[]): number[] {
  return time.map((_, i) => i).sort((a, b) => time[a] - time[b] || a - b);
}

/** t₀ = the last time before the interruption; throws unless the intervention is one 0 → 1 step. */
function lastPreTimeOf(
  field: string,
  flags: readonly number[],
  time: readonly number[],
  order: readonly number[],
): number {
  const pre = order.filter((i) => flags[i] === 0);
  const post = order.filter((i) => flags[i] === 1);
  if (pre.length === 0 || post.length === 0) {
    throw ValidationError.of(
      field,
      pre.length === 0 ? 'no_pre_period' : 'no_post_period',
      `${field} must be 0 on some rows (before the intervention) and 1 on others (after)`,
    );
  }
  const t0 = time[pre[pre.length - 1]];
  const late = post.find((i) => time[i] <= t0);
  if (late !== undefined) {
    throw ValidationError.of(
      field,
      'not_a_step',
      `is 1 at time ${time[late]}, not after the last time with 0 (${t0}): the intervention must switch from 0 to 1 once`,
      late + 1,
    );
  }
  return t0;
}

/**
 * Checks the input and builds the design.
 *
 * Terms, in R's column order for `outcome ~ offset(log(exposure)) + intervention + time +
 * harmonic(season, H, P) + I(time - t₀):intervention` (R puts interactions after main effects):
 * `(Intercept)`, intervention, time, `sin1`…`sinH`, `cos1`…`cosH`, `<intervention>:trend`.
 * `sin1, sin2, cos1, cos2` are R's `harmonic(month, 2, 12)1..4`.
 *
 * @throws ValidationError naming the column (and row) of bad input.
 * @throws InsufficientDataError when there are fewer rows than the model needs.
 */
export function buildItsDesign(columns: ItsColumns, options: ItsOptions): ItsDesign {
  if (typeof columns !== 'object' || columns === null) {
    throw ValidationError.of('columns', 'required', 'columns must be an object of named arrays');
  }
  const family = checkFamily(options.family);
  const outcome = columnName('outcome', options.outcome);
  const timeName = columnName('time', options.time);
  const intervention = columnName('intervention', options.intervention);
  const raw = columns[outcome];
  const n = Array.isArray(raw) ? raw.length : 0;
  const yIn = checkFiniteColumn(outcome, raw, n);
  const timeIn = checkFiniteColumn(timeName, columns[timeName], n);
  const flagsIn = checkFiniteColumn(intervention, columns[intervention], n);
  flagsIn.forEach((v, i) => {
    if (v !== 0 && v !== 1) {
      throw ValidationError.of(
        intervention,
        'not_binary',
        `${v} must be 0 (before) or 1 (after)`,
        i + 1,
      );
    }
  });
  checkOutcome(outcome, yIn, family);
  const offsetIn =
    options.offset === undefined
      ? undefined
      : logOffset(
          options.offset,
          checkFiniteColumn(columnName('offset', options.offset), columns[options.offset], n),
          family,
        );
  const seasonIn =
    options.season === undefined ? undefined : checkSeason(options.season, columns, n);
  if (n === 0) {
    throw new InsufficientDataError('there are no rows', 1, 0);
  }
  const order = timeOrder(timeIn);
  const t0 = lastPreTimeOf(intervention, flagsIn, timeIn, order);
  const pick = (values: readonly number[]): number[] => order.map((i) => values[i]);
  const time = pick(timeIn);
  const flags = pick(flagsIn);
  const trendName = `${intervention}:trend`;
  const slope = options.slopeChange === true;
  const terms: TermSpec[] = [
    { name: intervention, values: flags },
    { name: timeName, values: time },
    ...(seasonIn === undefined || options.season === undefined
      ? []
      : harmonicTerms(pick(seasonIn), options.season.harmonics, options.season.period)),
    ...(slope ? [{ name: trendName, product: [flags, time.map((t) => t - t0)] }] : []),
  ];
  const needed = terms.length + 1 + (family === 'poisson' ? 0 : 1);
  if (n < needed) {
    throw new InsufficientDataError(
      `the model has ${terms.length + 1} coefficients and needs at least ${needed} rows, got ${n}`,
      needed,
      n,
    );
  }
  const matrix = buildModelMatrix(terms);
  const post = flags.map((f) => f === 1);
  const postCount = post.filter(Boolean).length;
  return {
    family,
    order,
    time,
    y: pick(yIn),
    ...(offsetIn === undefined ? {} : { offset: pick(offsetIn) }),
    matrix,
    interventionTerms: slope ? [intervention, trendName] : [intervention],
    post,
    lastPreTime: t0,
    formula: formulaOf(options, t0),
    warnings: designWarnings(n - postCount, postCount, time),
  };
}

function formulaOf(options: ItsOptions, t0: number): string {
  const { outcome, time, intervention, offset, season } = options;
  const parts = [
    ...(offset === undefined ? [] : [`offset(log(${offset}))`]),
    intervention,
    time,
    ...(season === undefined
      ? []
      : [`harmonic(${season.column}, ${season.harmonics}, ${season.period})`]),
    ...(options.slopeChange === true ? [`I(${time} - ${t0}):${intervention}`] : []),
  ];
  return `${outcome} ~ ${parts.join(' + ')}`;
}

function designWarnings(preCount: number, postCount: number, time: readonly number[]): Warning[] {
  const warnings: Warning[] = [];
  const few = (side: 'pre' | 'post', count: number): void => {
    if (count < ITS_MIN_POINTS_PER_SEGMENT) {
      warnings.push({
        code: `few_${side}_points`,
        message: `${count} points ${side === 'pre' ? 'before' : 'after'} the interruption; segmented regression wants at least ${ITS_MIN_POINTS_PER_SEGMENT} on each side`,
      });
    }
  };
  few('pre', preCount);
  few('post', postCount);
  if (time.some((t, k) => k > 0 && t === time[k - 1])) {
    warnings.push({
      code: 'duplicate_time',
      message:
        'some times appear on more than one row: an interrupted time series has one row per time',
    });
  }
  return warnings;
}
