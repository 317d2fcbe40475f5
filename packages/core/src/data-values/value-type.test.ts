/** Reference: DHIS2 value types (docs "Data elements › Value type"). */
import { describe, expect, it } from 'vitest';
import { checkValue } from './value-type.ts';

describe('checkValue', () => {
  it('accepts numbers for numeric types and gives their numeric form', () => {
    expect(checkValue('NUMBER', ' 12.5 ')).toEqual({ ok: true, value: '12.5', numeric: 12.5 });
    expect(checkValue('INTEGER_ZERO_OR_POSITIVE', '0')).toEqual({
      ok: true,
      value: '0',
      numeric: 0,
    });
    expect(checkValue('PERCENTAGE', '100')).toMatchObject({ ok: true, numeric: 100 });
  });

  it('names the field, row and reason of a bad value', () => {
    expect(checkValue('INTEGER', '1.5', 'value', 4)).toEqual({
      ok: false,
      issue: {
        row: 4,
        field: 'value',
        code: 'not_an_integer',
        message: 'value "1.5" must be a whole number (value type INTEGER)',
      },
    });
    expect(checkValue('NUMBER', 'abc')).toMatchObject({
      ok: false,
      issue: { code: 'not_a_number' },
    });
    expect(checkValue('INTEGER_ZERO_OR_POSITIVE', '-1')).toMatchObject({
      ok: false,
      issue: { code: 'out_of_range' },
    });
    expect(checkValue('INTEGER_POSITIVE', '0')).toMatchObject({
      ok: false,
      issue: { code: 'out_of_range' },
    });
    expect(checkValue('UNIT_INTERVAL', '1.2')).toMatchObject({
      ok: false,
      issue: { code: 'out_of_range' },
    });
    expect(checkValue('NUMBER', '')).toMatchObject({ ok: false, issue: { code: 'required' } });
    expect(checkValue('NUMBER', 'Infinity')).toMatchObject({
      ok: false,
      issue: { code: 'not_a_number' },
    });
  });

  it('normalises booleans and keeps text as given', () => {
    expect(checkValue('BOOLEAN', 'TRUE')).toEqual({ ok: true, value: 'true', numeric: 1 });
    expect(checkValue('BOOLEAN', 'yes')).toMatchObject({
      ok: false,
      issue: { code: 'not_a_boolean' },
    });
    expect(checkValue('TRUE_ONLY', 'false')).toMatchObject({ ok: false });
    expect(checkValue('TEXT', ' free text ')).toEqual({
      ok: true,
      value: ' free text ',
      numeric: null,
    });
  });
});
