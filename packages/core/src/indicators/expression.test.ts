/**
 * Reference: DHIS2 indicator expression syntax (docs, "Configuring metadata › Indicators" and
 * dhis2-core `expression.g4`); missing-value rule SKIP_IF_ALL_VALUES_MISSING.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { collectDataItems, parseExpression } from './expression-parser.ts';
import { evaluateExpression } from './expression-evaluator.ts';
import { computeIndicatorValue } from './indicator-value.ts';

const A = 'fbfJHSPpUQD';
const B = 'cYeuwXTCPkU';
const COC = 'pq2XI5kz2BY';
const AOC = 'HllvX50cXC0';

function evaluate(
  expression: string,
  values: Record<string, number | null>,
  constants: Record<string, number> = {},
) {
  return evaluateExpression(parseExpression(expression), {
    dataItem: (ref) => {
      const key = [
        ref.dataElementId,
        ref.categoryOptionComboId ?? '*',
        ref.attributeOptionComboId ?? '*',
      ].join('.');
      return values[key] ?? values[ref.dataElementId] ?? null;
    },
    constant: (id) => constants[id],
    orgUnitGroupCount: () => 4,
    days: 31,
  });
}

describe('parseExpression', () => {
  it('reads every data item form', () => {
    const items = collectDataItems(
      parseExpression(`#{${A}}+#{${A}.${COC}}+#{${A}.${COC}.${AOC}}+#{${A}.*.${AOC}}`),
    );
    expect(items).toEqual([
      { dataElementId: A, categoryOptionComboId: null, attributeOptionComboId: null },
      { dataElementId: A, categoryOptionComboId: COC, attributeOptionComboId: null },
      { dataElementId: A, categoryOptionComboId: COC, attributeOptionComboId: AOC },
      { dataElementId: A, categoryOptionComboId: null, attributeOptionComboId: AOC },
    ]);
  });

  it('names the position of a syntax error', () => {
    expect(() => parseExpression(`#{${A}}+`, 'numerator')).toThrow(
      /Unexpected end of expression at position 16/,
    );
    expect(() => parseExpression('#{short}')).toThrow(ValidationError);
    expect(() => parseExpression('sqrt(4)')).toThrow(/Unknown function "sqrt"/);
    expect(() => parseExpression('if(1,2)')).toThrow(/if\(\) takes 3 argument/);
    expect(() => parseExpression('(1+2')).toThrow(/Expected "\)"/);
    expect(() => parseExpression('')).toThrow(/Empty expression/);
  });
});

describe('evaluateExpression', () => {
  it('follows arithmetic precedence and associativity', () => {
    expect(evaluate('1+2*3', {})).toBe(7);
    expect(evaluate('(1+2)*3', {})).toBe(9);
    expect(evaluate('2^3^2', {})).toBe(512);
    expect(evaluate('-2^2', {})).toBe(-4);
    expect(evaluate('10-4-3', {})).toBe(3);
    expect(evaluate('7%4', {})).toBe(3);
  });

  it('computes a dropout rate from data items', () => {
    expect(evaluate(`(#{${A}}-#{${B}})/#{${A}}*100`, { [A]: 200, [B]: 170 })).toBe(15);
  });

  it('counts a missing item as 0 unless all items are missing', () => {
    expect(evaluate(`#{${A}}+#{${B}}`, { [A]: 5 })).toBe(5);
    expect(evaluate(`#{${A}}+#{${B}}`, {})).toBeNull();
  });

  it('gives no value for division by zero', () => {
    expect(evaluate(`#{${A}}/#{${B}}`, { [A]: 5, [B]: 0 })).toBeNull();
    expect(evaluate('1/0', {})).toBeNull();
  });

  it('evaluates the functions with raw missing values', () => {
    expect(evaluate(`if(isNull(#{${A}}),-1,#{${A}})`, {})).toBeNull(); // all items missing
    expect(evaluate(`if(isNull(#{${A}}),-1,#{${A}})+#{${B}}`, { [B]: 10 })).toBe(9);
    expect(evaluate(`firstNonNull(#{${A}},#{${B}},7)`, { [B]: 3 })).toBe(3);
    expect(evaluate(`greatest(#{${A}},#{${B}})`, { [A]: 3, [B]: 8 })).toBe(8);
    expect(evaluate(`least(#{${A}},#{${B}})`, { [A]: 3, [B]: 8 })).toBe(3);
    expect(evaluate(`isNotNull(#{${A}})+#{${B}}`, { [B]: 1 })).toBe(1);
    expect(evaluate('if(2>1 && 1!=1 || 3<=3, 10, 20)', {})).toBe(10);
  });

  it('resolves constants, org-unit group counts and [days]', () => {
    expect(evaluate(`C{${A}}*OUG{${B}}+[days]`, {}, { [A]: 2.5 })).toBe(41);
    expect(evaluate(`C{${B}}`, {})).toBeNull();
  });
});

describe('computeIndicatorValue', () => {
  it('applies the factor and annualisation, and refuses a zero denominator', () => {
    expect(computeIndicatorValue({ numerator: 30, denominator: 120, factor: 100 })).toBe(25);
    expect(computeIndicatorValue({ numerator: 30, denominator: 0, factor: 100 })).toBeNull();
    expect(computeIndicatorValue({ numerator: null, denominator: 5, factor: 100 })).toBeNull();
    expect(
      computeIndicatorValue({
        numerator: 10,
        denominator: 1000,
        factor: 1000,
        annualized: true,
        periodDays: 31,
        yearDays: 365,
      }),
    ).toBeCloseTo((10 / 1000) * 1000 * (365 / 31), 12);
  });
});
