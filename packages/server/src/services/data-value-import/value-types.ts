/**
 * DHIS2's check of a data value against its data element's value type
 * (`ValidationUtils.dataValueIsValid` and `normalizeBoolean`): booleans accept
 * true/True/TRUE/t/T/1 and false/False/FALSE/f/F/0 and are stored as `true`/`false`; numbers
 * must be written as DHIS2 writes them; any value is at most 50,000 characters.
 */

/** DHIS2's `DataValue.VALUE_MAX_LENGTH` and comment limit. */
export const VALUE_MAX_LENGTH = 50_000;

/** The outcome of checking one non-empty value. */
export type ValueTypeCheck =
  | { readonly ok: true; readonly value: string; readonly numeric: number | null }
  | { readonly ok: false; readonly reason: string };

const NUMERIC = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;
const INTEGER = /^(-?0|-?[1-9]\d{0,10})$/;
const TRUE_SPELLINGS = new Set(['true', 'True', 'TRUE', 't', 'T', '1']);
const FALSE_SPELLINGS = new Set(['false', 'False', 'FALSE', 'f', 'F', '0']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LETTER = /^\p{L}$/u;
const COORDINATE = /^\[\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*\]$/;

/** Value types whose values are numbers (stored with a numeric form for aggregation). */
const NUMBER_TYPES = new Set(['NUMBER', 'UNIT_INTERVAL', 'PERCENTAGE']);
const INTEGER_TYPES = new Set([
  'INTEGER',
  'INTEGER_POSITIVE',
  'INTEGER_NEGATIVE',
  'INTEGER_ZERO_OR_POSITIVE',
]);

/** Whether values of `valueType` are numbers. */
export function isNumericValueType(valueType: string): boolean {
  return NUMBER_TYPES.has(valueType) || INTEGER_TYPES.has(valueType);
}

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (m === null) {
    return false;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function fail(reason: string): ValueTypeCheck {
  return { ok: false, reason };
}

function ok(value: string, numeric: number | null = null): ValueTypeCheck {
  return { ok: true, value, numeric };
}

function checkNumber(valueType: string, value: string): ValueTypeCheck {
  if (INTEGER_TYPES.has(valueType)) {
    if (!INTEGER.test(value)) {
      return fail('value_not_integer');
    }
    const n = Number(value);
    if (valueType === 'INTEGER_POSITIVE' && n <= 0) {
      return fail('value_not_positive_integer');
    }
    if (valueType === 'INTEGER_NEGATIVE' && n >= 0) {
      return fail('value_not_negative_integer');
    }
    if (valueType === 'INTEGER_ZERO_OR_POSITIVE' && n < 0) {
      return fail('value_not_zero_or_positive_integer');
    }
    return ok(value, n);
  }
  if (!NUMERIC.test(value) || !Number.isFinite(Number(value))) {
    return fail('value_not_numeric');
  }
  const n = Number(value);
  if (valueType === 'UNIT_INTERVAL' && (n < 0 || n > 1)) {
    return fail('value_not_unit_interval');
  }
  if (valueType === 'PERCENTAGE' && (n < 0 || n > 100)) {
    return fail('value_not_percentage');
  }
  return { ok: true, value, numeric: n };
}

/**
 * Checks a trimmed, non-empty value against a DHIS2 value type and normalises booleans.
 *
 * @returns the value to store and its numeric form, or DHIS2's i18n key for the problem
 * @example checkValueType('BOOLEAN', 'T'); // { ok: true, value: 'true', numeric: 1 }
 */
export function checkValueType(valueType: string, value: string): ValueTypeCheck {
  if (value.length > VALUE_MAX_LENGTH) {
    return { ok: false, reason: 'value_length_greater_than_max_length' };
  }
  if (isNumericValueType(valueType)) {
    return checkNumber(valueType, value);
  }
  switch (valueType) {
    case 'BOOLEAN':
      if (TRUE_SPELLINGS.has(value)) {
        return ok('true', 1);
      }
      return FALSE_SPELLINGS.has(value) ? ok('false', 0) : fail('value_not_bool');
    case 'TRUE_ONLY':
      return TRUE_SPELLINGS.has(value) ? ok('true', 1) : fail('value_not_true_only');
    case 'DATE':
      return validDate(value) ? ok(value) : fail('value_not_valid_date');
    case 'DATETIME':
      return DATETIME.test(value) && validDate(value.slice(0, 10))
        ? ok(value)
        : fail('value_not_valid_datetime');
    case 'TIME':
      return TIME.test(value) ? ok(value) : fail('value_not_valid_time');
    case 'EMAIL':
      return EMAIL.test(value) ? ok(value) : fail('value_not_valid_email');
    case 'LETTER':
      return LETTER.test(value) ? ok(value) : fail('value_not_valid_letter');
    case 'COORDINATE':
      return COORDINATE.test(value) ? ok(value) : fail('value_not_coordinate');
    case 'URL':
      return URL.canParse(value) ? ok(value) : fail('value_not_url');
    default:
      return ok(value);
  }
}

/** DHIS2's reasons in words, for conflict messages. */
export const VALUE_TYPE_REASONS: Readonly<Record<string, string>> = {
  value_length_greater_than_max_length: `Value is longer than ${VALUE_MAX_LENGTH} characters`,
  value_not_integer: 'Value is not an integer',
  value_not_positive_integer: 'Value is not a positive integer',
  value_not_negative_integer: 'Value is not a negative integer',
  value_not_zero_or_positive_integer: 'Value is not zero or a positive integer',
  value_not_numeric: 'Value is not numeric',
  value_not_unit_interval: 'Value is not a unit interval (0 to 1)',
  value_not_percentage: 'Value is not a percentage (0 to 100)',
  value_not_bool: 'Value is not a boolean (true/True/t/T/1 or false/False/f/F/0)',
  value_not_true_only: 'Value is not true (true/True/t/T/1)',
  value_not_valid_date: 'Value is not a valid date (YYYY-MM-DD)',
  value_not_valid_datetime: 'Value is not a valid date and time',
  value_not_valid_time: 'Value is not a valid time (HH:mm)',
  value_not_valid_email: 'Value is not a valid email address',
  value_not_valid_letter: 'Value is not a single letter',
  value_not_coordinate: 'Value is not a coordinate ([longitude, latitude])',
  value_not_url: 'Value is not a valid URL',
};
