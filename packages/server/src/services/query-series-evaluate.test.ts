import { evaluateExpression, type ExpressionNode } from '@sankofa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loneItemValue } from './query-series-evaluate.ts';

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
