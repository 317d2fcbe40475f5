import {
  computeIndicatorValue,
  evaluateExpression,
  parsePeriodId,
  periodDays,
  type DataItemRef,
  type ExpressionNode,
} from '@sankofa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileSubject,
  evaluatePoints,
  loneItemValue,
  type ItemValueOf,
} from './query-series-evaluate.ts';

const item: ExpressionNode = {
  kind: 'dataItem',
  dataElementId: 'de',
  categoryOptionComboId: null,
  attributeOptionComboId: null,
};

describe('loneItemValue', () => {
  it('is what evaluateExpression gives for an expression that is one data item', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(Object.is(loneItemValue(v), evaluateExpression(item, { dataItem: () => v }))).toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('gives no value for missing data and for what is not a finite number', () => {
    expect(loneItemValue(null)).toBeNull();
    expect(loneItemValue(Number.NaN)).toBeNull();
    expect(loneItemValue(Infinity)).toBeNull();
    expect(loneItemValue(0)).toBe(0);
    expect(loneItemValue(12.5)).toBe(12.5);
  });
});

describe('evaluatePoints', () => {
  // Data elements A and B (DHIS2 ids have 11 characters) and a constant K.
  const [A, B, K] = ['deAAAAAAAAA', 'deBBBBBBBBB', 'cKKKKKKKKKK'];
  const subjects: [string, string][] = [
    [`#{${A}}`, `#{${B}}`],
    [`#{${A}}`, `#{${A}}+#{${B}}`],
    [`#{${A}}-#{${B}}`, `#{${A}}`],
    [`#{${A}}`, `#{${A}}`],
    [`#{${A}}*2`, `#{${B}}+C{${K}}`],
  ];
  const value = fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.integer({ min: -5, max: 200 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  );

  it.each(subjects)(
    '%s / %s: each expression as evaluateExpression gives it, the value as computeIndicatorValue',
    (numerator, denominator) => {
      const compiled = compileSubject({
        kind: 'indicator',
        numerator,
        denominator,
        factor: 100,
        annualized: false,
      });
      const periods = ['202401', '202402', '202403'].map((id) => parsePeriodId(id));
      const constants = new Map([[K, 3]]);
      fc.assert(
        fc.property(fc.array(fc.tuple(value, value), { minLength: 3, maxLength: 3 }), (rows) => {
          const valueOf: ItemValueOf = (ref, index) => rows[index][ref.dataElementId === A ? 0 : 1];
          const points = evaluatePoints(compiled, periods, valueOf, constants, new Map());
          points.forEach((point, index) => {
            const inputs = {
              dataItem: (ref: DataItemRef) => valueOf(ref, index),
              constant: (id: string) => constants.get(id),
            };
            const num = evaluateExpression(compiled.numerator, inputs);
            const den = evaluateExpression(compiled.denominator ?? compiled.numerator, inputs);
            expect(point.numerator).toBe(num);
            expect(point.denominator).toBe(den);
            expect(point.value).toBe(
              computeIndicatorValue({
                numerator: num,
                denominator: den,
                factor: 100,
                annualized: false,
                periodDays: periodDays(periods[index]),
              }),
            );
          });
        }),
        { numRuns: 300 },
      );
    },
  );
});
