import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseValues, type PartFrame } from './part-frame.ts';

const frameOf = (base: boolean[]): PartFrame => ({ y: [], numerator: [], n: [], base });

describe('baseValues', () => {
  it('keeps the values at the baseline rows, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double(), fc.boolean()), { maxLength: 40 }), (rows) => {
        const values = rows.map(([v]) => v);
        const base = rows.map(([, b]) => b);
        expect(baseValues(frameOf(base), values)).toEqual(values.filter((_v, k) => base[k]));
      }),
    );
  });

  it('gives the values themselves when every row is in the baseline, a copy otherwise', () => {
    const values = [1, 2, 3];
    expect(baseValues(frameOf([true, true, true]), values)).toBe(values);
    const some = baseValues(frameOf([true, false, true]), values);
    expect(some).toEqual([1, 3]);
    expect(some).not.toBe(values);
    expect(baseValues(frameOf([true, true]), values)).toEqual([1, 2]);
  });
});
