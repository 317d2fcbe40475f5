/**
 * Checking the long data of a difference-in-differences estimate and building its designs: the
 * main model (group × post interaction, with the chosen fixed effects) and the pre-trend model.
 */
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { factorTerms, type TermSpec } from '../glm/model-matrix.ts';
import type { GlmFamily } from '../glm/types.ts';
import { checkFamily, checkOutcome, logOffset } from './effect-input.ts';
import type {
  DidCell,
  DidFixedEffects,
  DidGroup,
  DidOptions,
  DidResult,
  DidRow,
} from './did-types.ts';

const FIXED_EFFECTS: readonly DidFixedEffects[] = ['none', 'period', 'unit', 'unit-and-period'];

/** Name of the effect term. */
export const DID_EFFECT_TERM = 'intervention:post';

/** Checked rows, ordered by period then unit, as columns. */
export interface DidData {
  readonly family: GlmFamily;
  readonly fixedEffects: DidFixedEffects;
  readonly unit: readonly string[];
  readonly period: readonly number[];
  readonly y: readonly number[];
  /** log(exposure), when the rows have an exposure. */
  readonly offset?: readonly number[];
  readonly exposure?: readonly number[];
  /** 1 for the intervention group. */
  readonly treated: readonly number[];
  /** 1 from the intervention start on. */
  readonly post: readonly number[];
}

function checkRow(row: DidRow, i: number, withExposure: boolean): void {
  const at = (field: string, code: string, message: string): ValidationError =>
    ValidationError.of(field, code, message, i + 1);
  if (typeof row !== 'object' || row === null) {
    throw at('row', 'invalid_row', 'each row must be an object');
  }
  if (
    !(typeof row.unit === 'number' && Number.isFinite(row.unit)) &&
    !(typeof row.unit === 'string' && row.unit.length > 0)
  ) {
    throw at('unit', 'required', 'unit must be a non-empty string or a finite number');
  }
  for (const field of ['period', 'outcome'] as const) {
    if (typeof row[field] !== 'number' || !Number.isFinite(row[field])) {
      throw at(field, 'not_a_number', `${String(row[field])} is not a finite number`);
    }
  }
  if (row.group !== 'intervention' && row.group !== 'comparison') {
    throw at(
      'group',
      'invalid_group',
      `group must be intervention or comparison, got ${String(row.group)}`,
    );
  }
  if ((row.exposure !== undefined) !== withExposure) {
    throw at('exposure', 'exposure_mixed', 'give an exposure on every row or on none');
  }
  if (withExposure && (typeof row.exposure !== 'number' || !Number.isFinite(row.exposure))) {
    throw at('exposure', 'not_a_number', `${String(row.exposure)} is not a finite number`);
  }
}

/**
 * Checks the rows and options and orders the rows by period, then unit.
 * @throws ValidationError naming the field and 1-based row of bad input, a unit in both groups,
 * a repeated unit × period, or a group or phase without rows.
 * @throws InsufficientDataError when there are no rows.
 */
export function checkDidData(rows: readonly DidRow[], options: DidOptions): DidData {
  const given: unknown = rows;
  if (!Array.isArray(given)) {
    throw ValidationError.of('rows', 'required', 'rows must be an array');
  }
  if (rows.length === 0) {
    throw new InsufficientDataError('there are no rows', 4, 0);
  }
  const family = checkFamily(options.family);
  const fixedEffects = options.fixedEffects ?? 'none';
  if (!FIXED_EFFECTS.includes(fixedEffects)) {
    throw ValidationError.of(
      'fixedEffects',
      'invalid_option',
      `fixedEffects must be one of ${FIXED_EFFECTS.join(', ')}, got ${String(fixedEffects)}`,
    );
  }
  const start = options.interventionStart;
  if (typeof start !== 'number' || !Number.isFinite(start)) {
    throw ValidationError.of(
      'interventionStart',
      'not_a_number',
      `interventionStart must be a finite number, got ${String(start)}`,
    );
  }
  const withExposure = rows[0]?.exposure !== undefined;
  rows.forEach((row, i) => checkRow(row, i, withExposure));
  checkOutcome(
    'outcome',
    rows.map((r) => r.outcome),
    family,
  );
  const offsetIn = withExposure
    ? logOffset(
        'exposure',
        rows.map((r) => r.exposure ?? 0),
        family,
      )
    : undefined;
  const groupOf = new Map<string, DidGroup>();
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const unit = String(row.unit);
    const known = groupOf.get(unit);
    if (known !== undefined && known !== row.group) {
      throw ValidationError.of(
        'group',
        'unit_in_both_groups',
        `unit ${unit} is in both groups`,
        i + 1,
      );
    }
    groupOf.set(unit, row.group);
    const key = `${row.period}\u0000${unit}`;
    if (seen.has(key)) {
      throw ValidationError.of(
        'period',
        'duplicate_row',
        `unit ${unit} has period ${row.period} twice`,
        i + 1,
      );
    }
    seen.add(key);
  });
  // A total order (period, unit) makes the fit independent of the input order.
  const order = rows
    .map((_, i) => i)
    .sort(
      (a, b) =>
        rows[a].period - rows[b].period || compareText(String(rows[a].unit), String(rows[b].unit)),
    );
  const pick = <T>(f: (i: number) => T): T[] => order.map(f);
  const data: DidData = {
    family,
    fixedEffects,
    unit: pick((i) => String(rows[i].unit)),
    period: pick((i) => rows[i].period),
    y: pick((i) => rows[i].outcome),
    ...(offsetIn === undefined
      ? {}
      : { offset: pick((i) => offsetIn[i]), exposure: pick((i) => rows[i].exposure ?? 0) }),
    treated: pick((i) => (rows[i].group === 'intervention' ? 1 : 0)),
    post: pick((i) => (rows[i].period >= start ? 1 : 0)),
  };
  for (const [treated, post] of [
    [1, 0],
    [1, 1],
    [0, 0],
    [0, 1],
  ]) {
    if (!data.treated.some((t, k) => t === treated && data.post[k] === post)) {
      throw ValidationError.of(
        'group',
        'empty_cell',
        `the ${treated === 1 ? 'intervention' : 'comparison'} group has no rows ${post === 1 ? 'from' : 'before'} period ${start}`,
      );
    }
  }
  return data;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unit levels by UTF-16 code units: independent of input order and locale; the first is the reference. */
function levelsOf(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

/** Terms of the main model, the effect term last. */
export function didTerms(data: DidData): TermSpec[] {
  const units = data.fixedEffects === 'unit' || data.fixedEffects === 'unit-and-period';
  const periods = data.fixedEffects === 'period' || data.fixedEffects === 'unit-and-period';
  const periodLevels = [...new Set(data.period)].sort((a, b) => a - b);
  return [
    ...(units
      ? factorTerms('unit', data.unit, levelsOf(data.unit))
      : [{ name: 'intervention', values: data.treated }]),
    ...(periods
      ? factorTerms('period', data.period, periodLevels)
      : [{ name: 'post', values: data.post }]),
    { name: DID_EFFECT_TERM, product: [data.treated, data.post] },
  ];
}

/** The main model as an R formula. */
export function didFormula(data: DidData): string {
  const offset = data.offset === undefined ? [] : ['offset(log(exposure))'];
  const terms: Record<DidFixedEffects, string[]> = {
    none: ['intervention', 'post', 'intervention:post'],
    period: ['intervention', 'factor(period)', 'intervention:post'],
    unit: ['factor(unit)', 'post', 'intervention:post'],
    'unit-and-period': ['factor(unit)', 'factor(period)', 'intervention:post'],
  };
  return `outcome ~ ${[...offset, ...terms[data.fixedEffects]].join(' + ')}`;
}

/** Totals per group and phase. */
export function didCells(data: DidData): DidResult['cells'] {
  const cell = (treated: number, post: number): DidCell => {
    const ks = data.y
      .map((_, k) => k)
      .filter((k) => data.treated[k] === treated && data.post[k] === post);
    const outcome = ks.reduce((a, k) => a + data.y[k], 0);
    const exposure =
      data.exposure === undefined ? null : ks.reduce((a, k) => a + (data.exposure?.[k] ?? 0), 0);
    return { rows: ks.length, outcome, exposure, rate: outcome / (exposure ?? ks.length) };
  };
  return {
    intervention: { pre: cell(1, 0), post: cell(1, 1) },
    comparison: { pre: cell(0, 0), post: cell(0, 1) },
  };
}
