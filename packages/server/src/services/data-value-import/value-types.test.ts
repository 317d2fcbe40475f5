import { describe, expect, it } from 'vitest';
import { checkValueType } from './value-types.ts';

const ok = (valueType: string, raw: string) => {
  const r = checkValueType(valueType, raw);
  return r.ok ? [r.value, r.numeric] : r.reason;
};

describe('checkValueType (DHIS2 ValidationUtils.dataValueIsValid)', () => {
  it("normalises DHIS2's boolean spellings", () => {
    for (const t of ['true', 'True', 'TRUE', 't', 'T', '1']) {
      expect(ok('BOOLEAN', t)).toEqual(['true', 1]);
      expect(ok('TRUE_ONLY', t)).toEqual(['true', 1]);
    }
    for (const f of ['false', 'False', 'FALSE', 'f', 'F', '0']) {
      expect(ok('BOOLEAN', f)).toEqual(['false', 0]);
      expect(ok('TRUE_ONLY', f)).toBe('value_not_true_only');
    }
    expect(ok('BOOLEAN', 'yes')).toBe('value_not_bool');
  });

  it('numbers and integers as DHIS2 writes them', () => {
    expect(ok('NUMBER', '12.5')).toEqual(['12.5', 12.5]);
    expect(ok('NUMBER', '-0.25')).toEqual(['-0.25', -0.25]);
    expect(ok('NUMBER', '1e3')).toEqual(['1e3', 1000]);
    expect(ok('NUMBER', '.5')).toBe('value_not_numeric');
    expect(ok('NUMBER', '12,5')).toBe('value_not_numeric');
    expect(ok('INTEGER', '-7')).toEqual(['-7', -7]);
    expect(ok('INTEGER', '1.0')).toBe('value_not_integer');
    expect(ok('INTEGER', '007')).toBe('value_not_integer');
    expect(ok('INTEGER_POSITIVE', '0')).toBe('value_not_positive_integer');
    expect(ok('INTEGER_NEGATIVE', '0')).toBe('value_not_negative_integer');
    expect(ok('INTEGER_ZERO_OR_POSITIVE', '-1')).toBe('value_not_zero_or_positive_integer');
    expect(ok('PERCENTAGE', '100')).toEqual(['100', 100]);
    expect(ok('PERCENTAGE', '100.5')).toBe('value_not_percentage');
    expect(ok('UNIT_INTERVAL', '1.5')).toBe('value_not_unit_interval');
  });

  it('dates, times and other text types', () => {
    expect(ok('DATE', '2024-02-29')).toEqual(['2024-02-29', null]);
    expect(ok('DATE', '2023-02-29')).toBe('value_not_valid_date');
    expect(ok('DATETIME', '2024-01-05T10:30:00Z')).toEqual(['2024-01-05T10:30:00Z', null]);
    expect(ok('TIME', '24:00')).toBe('value_not_valid_time');
    expect(ok('EMAIL', 'a@b.org')).toEqual(['a@b.org', null]);
    expect(ok('TEXT', 'anything')).toEqual(['anything', null]);
    expect(ok('LONG_TEXT', 'x'.repeat(50_001))).toBe('value_length_greater_than_max_length');
  });
});
