import { describe, expect, it } from 'vitest';
import { daysInMonth, isMonthId, monthOfYear, monthSeries, weekdaysInMonth } from './calendar.ts';

describe('monthly periods', () => {
  it('lists months ending at the end period, across year boundaries', () => {
    expect(monthSeries('202402', 4)).toEqual(['202311', '202312', '202401', '202402']);
    const series = monthSeries('202610', 36);
    expect(series[0]).toBe('202311');
    expect(series).toHaveLength(36);
  });

  it('knows months, days and weekdays', () => {
    expect(isMonthId('202613')).toBe(false);
    expect(isMonthId('202612')).toBe(true);
    expect(monthOfYear('202609')).toBe(9);
    expect(daysInMonth('202402')).toBe(29);
    expect(daysInMonth('202302')).toBe(28);
    expect(weekdaysInMonth('202610')).toBe(22); // October 2026 starts on a Thursday
    expect(weekdaysInMonth('202602')).toBe(20);
  });
});
