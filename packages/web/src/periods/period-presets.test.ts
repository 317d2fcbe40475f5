import { describe, expect, it } from 'vitest';
import { addMonths, lastCompleteMonth, monthIdsNewestFirst, parseMonthId } from './months.ts';
import { checkRange, defaultRange, matchPreset, presetRange } from './period-presets.ts';

const midNovember = new Date(2026, 10, 27, 12);
const earlyJanuary = new Date(2025, 0, 3, 9);

describe('months', () => {
  it('parses only real month ids', () => {
    expect(parseMonthId('202401')).toEqual({ year: 2024, month: 1 });
    expect(parseMonthId('202413')).toBeNull();
    expect(parseMonthId('2024Q1')).toBeNull();
  });
  it('steps across year ends', () => {
    expect(addMonths({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 });
    expect(addMonths({ year: 2023, month: 12 }, 13)).toEqual({ year: 2025, month: 1 });
    expect(lastCompleteMonth(earlyJanuary)).toEqual({ year: 2024, month: 12 });
  });
  it('lists months newest first', () => {
    expect(monthIdsNewestFirst({ year: 2023, month: 11 }, { year: 2024, month: 2 })).toEqual([
      '202402',
      '202401',
      '202312',
      '202311',
    ]);
  });
});

describe('presets', () => {
  it('defaults to the 12 complete months before today', () => {
    expect(defaultRange(midNovember)).toEqual({ from: '202511', to: '202610' });
    expect(defaultRange(earlyJanuary)).toEqual({ from: '202401', to: '202412' });
  });
  it('computes the longer presets and this year', () => {
    expect(presetRange('last24', midNovember)).toEqual({ from: '202411', to: '202610' });
    expect(presetRange('last36', midNovember)).toEqual({ from: '202311', to: '202610' });
    expect(presetRange('thisYear', midNovember)).toEqual({ from: '202601', to: '202610' });
    expect(presetRange('thisYear', earlyJanuary)).toEqual({ from: '202501', to: '202501' });
  });
  it('recognises a preset from its range', () => {
    expect(matchPreset({ from: '202411', to: '202610' }, midNovember)).toBe('last24');
    expect(matchPreset({ from: '202401', to: '202403' }, midNovember)).toBe('custom');
  });
  it('checks ranges', () => {
    expect(checkRange({ from: '202401', to: '202412' })).toBeNull();
    expect(checkRange({ from: '202412', to: '202401' })).toBe('start_after_end');
    expect(checkRange({ from: '201001', to: '202412' })).toBe('too_long');
    expect(checkRange({ from: '2024', to: '202412' })).toBe('invalid_month');
  });
});
