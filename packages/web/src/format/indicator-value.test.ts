import { describe, expect, it } from 'vitest';
import { decimalsFor, formatNumber, unitOfFactor } from './indicator-value.ts';

describe('indicator values', () => {
  it('derives the unit from the factor', () => {
    expect(unitOfFactor(100)).toEqual({ kind: 'percent' });
    expect(unitOfFactor(1000)).toEqual({ kind: 'per', factor: 1000 });
    expect(unitOfFactor(1)).toEqual({ kind: 'none' });
  });
  it('chooses decimals', () => {
    expect(decimalsFor(null, 100)).toBe(1);
    expect(decimalsFor(null, 1)).toBe(0);
    expect(decimalsFor(2, 1)).toBe(2);
  });
  it('formats in the given language', () => {
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(1234.56, 'pt', 1)).toBe('1.234,6');
    expect(formatNumber(0.5, 'fr', 0)).toBe('1');
  });
});
