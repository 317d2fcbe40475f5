import { describe, expect, it } from 'vitest';
import { formatPeriod, periodParts } from './period-label.ts';

const quarter = (q: number, y: number) => `Q${q} ${y}`;

describe('formatPeriod', () => {
  it('formats months in the given language', () => {
    expect(formatPeriod('202401', 'en', quarter)).toBe('Jan 2024');
    expect(formatPeriod('202402', 'fr', quarter)).toBe('févr. 2024');
    expect(formatPeriod('202412', 'es', quarter)).toMatch(/^dic\.? 2024$/);
  });
  it('formats quarters with the translated label and years as is', () => {
    expect(formatPeriod('2024Q3', 'en', quarter)).toBe('Q3 2024');
    expect(formatPeriod('2024', 'fr', quarter)).toBe('2024');
  });
  it('shows other period types as their id', () => {
    expect(formatPeriod('2024W3', 'en', quarter)).toBe('2024W3');
    expect(periodParts('2024-01')).toEqual({ type: 'monthly', year: 2024, month: 1 });
  });
});
