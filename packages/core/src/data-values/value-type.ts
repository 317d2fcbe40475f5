/**
 * DHIS2 value types and what a stored value of each must look like. Values arrive as strings
 * (DHIS2 JSON carries even numbers as strings); this decides whether one is acceptable and its
 * numeric form for aggregation.
 */
import type { Issue } from '../errors.ts';

/** Value types whose values aggregate as numbers. */
export const NUMERIC_VALUE_TYPES = [
  'NUMBER',
  'INTEGER',
  'INTEGER_POSITIVE',
  'INTEGER_NEGATIVE',
  'INTEGER_ZERO_OR_POSITIVE',
  'PERCENTAGE',
  'UNIT_INTERVAL',
] as const;

/** The outcome of checking one value: its numeric form, or the problem. */
export type ValueCheck =
  | { readonly ok: true; readonly value: string; readonly numeric: number | null }
  | { readonly ok: false; readonly issue: Issue };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Checks a raw value against a DHIS2 value type and normalises it (trimmed; booleans lower-case).
 *
 * @param field - what to name in the issue, e.g. `value`
 * @param row - the input row, when there is one
 */
export function checkValue(
  valueType: string,
  raw: string,
  field = 'value',
  row?: number,
): ValueCheck {
  const value = raw.trim();
  const bad = (code: string, message: string): ValueCheck => ({
    ok: false,
    issue: row === undefined ? { field, code, message } : { row, field, code, message },
  });
  if (value === '') {
    return bad('required', `${field} is empty`);
  }
  if ((NUMERIC_VALUE_TYPES as readonly string[]).includes(valueType)) {
    if (!NUMBER.test(value)) {
      return bad('not_a_number', `${field} "${raw}" is not a number (value type ${valueType})`);
    }
    const n = Number(value);
    if (!Number.isFinite(n)) {
      return bad('not_a_number', `${field} "${raw}" is out of range`);
    }
    const integer = valueType.startsWith('INTEGER');
    if (integer && !Number.isInteger(n)) {
      return bad(
        'not_an_integer',
        `${field} "${raw}" must be a whole number (value type ${valueType})`,
      );
    }
    if (valueType === 'INTEGER_POSITIVE' && n <= 0) {
      return bad('out_of_range', `${field} ${raw} must be greater than 0`);
    }
    if (valueType === 'INTEGER_NEGATIVE' && n >= 0) {
      return bad('out_of_range', `${field} ${raw} must be less than 0`);
    }
    if (valueType === 'INTEGER_ZERO_OR_POSITIVE' && n < 0) {
      return bad('out_of_range', `${field} ${raw} must be 0 or more`);
    }
    if (valueType === 'PERCENTAGE' && (n < 0 || n > 100)) {
      return bad('out_of_range', `${field} ${raw} must be between 0 and 100`);
    }
    if (valueType === 'UNIT_INTERVAL' && (n < 0 || n > 1)) {
      return bad('out_of_range', `${field} ${raw} must be between 0 and 1`);
    }
    return { ok: true, value, numeric: n };
  }
  if (valueType === 'BOOLEAN' || valueType === 'TRUE_ONLY') {
    const lower = value.toLowerCase();
    const allowed = valueType === 'BOOLEAN' ? ['true', 'false', '1', '0'] : ['true', '1'];
    if (!allowed.includes(lower)) {
      return bad(
        'not_a_boolean',
        `${field} "${raw}" must be ${allowed.join(' or ')} (value type ${valueType})`,
      );
    }
    const truth = lower === 'true' || lower === '1';
    return { ok: true, value: truth ? 'true' : 'false', numeric: truth ? 1 : 0 };
  }
  return { ok: true, value: raw, numeric: null };
}
