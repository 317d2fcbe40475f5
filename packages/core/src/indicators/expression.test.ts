/**
 * Reference: DHIS2 indicator expression syntax (docs, "Configuring metadata › Indicators" and
 * dhis2-core `expression.g4`); missing-value rule SKIP_IF_ALL_VALUES_MISSING.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { collectDataItems, parseExpression } from './expression-parser.ts';
import { evaluateExpression } from './expression-evaluator.ts';
import { collectReferences } from './expression-references.ts';
import { computeIndicatorValue } from './indicator-value.ts';

const A = 'fbfJHSPpUQD';
const B = 'cYeuwXTCPkU';
const COC = 'pq2XI5kz2BY';
const AOC = 'HllvX50cXC0';
const GROUP = 'CXw2yu5fodb';
const CONST = 'Gfd3ppDfq8E';

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
    orgUnitGroupCount: (id) => (id === GROUP ? 4 : undefined),
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
    expect(evaluate(`C{${CONST}}*OUG{${GROUP}}+[days]`, {}, { [CONST]: 2.5 })).toBe(41);
    // Population per facility: a data item over a group count, scaled by a constant.
    expect(evaluate(`#{${A}}/OUG{${GROUP}}*C{${CONST}}`, { [A]: 100 }, { [CONST]: 2 })).toBe(50);
    // Constants and counts are not data: they do not rescue an expression whose data is all missing.
    expect(evaluate(`#{${A}}+C{${CONST}}`, {}, { [CONST]: 2 })).toBeNull();
    expect(evaluate(`C{${B}}`, {})).toBeNull(); // unknown constant
    expect(evaluate(`OUG{${B}}`, {})).toBeNull(); // unknown group
    expect(evaluate(`OUG{${GROUP}}-4`, {})).toBe(0); // a zero is a value
  });

  it('parses C{} and OUG{} only with 11-character ids', () => {
    expect(parseExpression(`C{${CONST}}`)).toEqual({ kind: 'constant', id: CONST });
    expect(parseExpression(`OUG{ ${GROUP} }`)).toEqual({ kind: 'orgUnitGroupCount', id: GROUP });
    expect(() => parseExpression('C{abc}')).toThrow(/C\{abc\} needs an 11-character id/);
    expect(() => parseExpression(`R{${A}.REPORTING_RATE}`)).toThrow(/not supported/);
  });

  it('gives no value for division by zero anywhere in the expression', () => {
    expect(evaluate(`#{${A}}/(#{${B}}-#{${B}})+1`, { [A]: 5, [B]: 3 })).toBeNull();
    expect(evaluate(`#{${A}}%0`, { [A]: 5 })).toBeNull();
    // …unless a branch not taken holds it.
    expect(evaluate(`if(#{${B}}==0,0,#{${A}}/#{${B}})`, { [A]: 5, [B]: 0 })).toBe(0);
  });

  it('evaluates nested if with missing values', () => {
    const expr = `if(isNull(#{${A}}), if(isNull(#{${B}}), -1, #{${B}}*10), if(#{${A}}>5, 2, 1))`;
    expect(evaluate(expr, { [A]: 9 })).toBe(2);
    expect(evaluate(expr, { [A]: 3 })).toBe(1);
    expect(evaluate(expr, { [B]: 4 })).toBe(40);
    expect(evaluate(expr, {})).toBeNull(); // every item missing: skipped before evaluation
    // A missing item taken by a branch is 0 once an operator uses it, raw otherwise.
    expect(evaluate(`if(1, #{${A}}, 5) + #{${B}}`, { [B]: 2 })).toBe(2);
    expect(evaluate(`!#{${A}} + #{${B}}`, { [B]: 2 })).toBe(3);
    // Items of a branch not taken are not met: only A counts here, and it is missing.
    expect(evaluate(`if(1, #{${A}}, #{${B}})`, { [B]: 2 })).toBeNull();
    expect(evaluate(`if(0, #{${A}}, #{${B}})`, { [B]: 2 })).toBe(2);
    expect(evaluate(`firstNonNull(#{${A}}, #{${B}})`, { [A]: 1 })).toBe(1);
  });

  it('treats a missing item as 0 in arithmetic and comparisons when another item has data', () => {
    expect(evaluate(`#{${A}}*2 - #{${B}}`, { [B]: 4 })).toBe(-4);
    expect(evaluate(`#{${A}} < #{${B}}`, { [B]: 4 })).toBe(1);
    expect(evaluate(`#{${A}.${COC}} + #{${A}.*.${AOC}}`, { [`${A}.${COC}.*`]: 6 })).toBe(6);
  });
});

describe('collectReferences', () => {
  it('lists data items, constants, groups and [days] of numerator and denominator', () => {
    const refs = collectReferences(
      parseExpression(`#{${A}}*C{${CONST}}+C{${CONST}}`),
      parseExpression(`OUG{${GROUP}}*[days]+#{${B}.${COC}}`),
    );
    expect(refs.dataItems.map((i) => i.dataElementId)).toEqual([A, B]);
    expect(refs.constantIds).toEqual([CONST]);
    expect(refs.orgUnitGroupIds).toEqual([GROUP]);
    expect(refs.usesDays).toBe(true);
    expect(collectReferences(parseExpression('1')).usesDays).toBe(false);
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
      }),
    ).toBeCloseTo((10 / 1000) * 1000 * (365 / 31), 12);
  });

  it('annualises with 365 days whatever the year, as DHIS2 (DAYS_IN_YEAR)', () => {
    const annual = (periodDays: number) =>
      computeIndicatorValue({
        numerator: 1,
        denominator: 1,
        factor: 100,
        annualized: true,
        periodDays,
      });
    expect(annual(29)).toBeCloseTo((100 * 365) / 29, 12); // February 2024
    expect(annual(91)).toBeCloseTo((100 * 365) / 91, 12); // 2024Q1
    expect(annual(366)).toBeCloseTo((100 * 365) / 366, 12); // the year 2024
    expect(annual(0)).toBeNull();
  });
});

describe('an expression evaluated while another is', () => {
  it('keeps its own count of data items with values', () => {
    // The outer item has no value; reading it evaluates an inner expression whose item has one.
    const inner = parseExpression('#{bbbbbbbbbbb}');
    const outer = parseExpression('#{aaaaaaaaaaa}');
    const value = evaluateExpression(outer, {
      dataItem: (ref) => {
        if (ref.dataElementId === 'aaaaaaaaaaa') {
          expect(evaluateExpression(inner, { dataItem: () => 3 })).toBe(3);
          return null;
        }
        return 3;
      },
    });
    expect(value).toBeNull();
    expect(
      evaluateExpression(parseExpression('#{aaaaaaaaaaa} + 1'), { dataItem: () => null }),
    ).toBeNull();
  });
});
