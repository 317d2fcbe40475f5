/**
 * The SPC shift test after an intervention. References: the rule-set presets it runs — Anhøj &
 * Olesen (2014) PLoS ONE 9:e113825 as qicharts2 0.8.1 `runs.analysis()` (longest run >
 * round(log2 n) + 3, crossings < qbinom(0.05, n − 1, ½)); Perla, Provost & Murray (2011) BMJ
 * Qual Saf 20:46 (shift of 6); NHS Making Data Count SPC SQL v2.6 (shift of 6 around the mean).
 * The expected numbers below are worked by hand from those definitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { makeRuleSet, getRuleSetPreset } from '../rule-sets/rule-set-registry.ts';
import { testSpcShiftAfter } from './spc-shift-after.ts';

// Median of the baseline = 6 (five 5s, five 6s, two 7s).
const baseline = [5, 6, 5, 7, 6, 5, 6, 7, 6, 5, 6, 5];

describe('testSpcShiftAfter, Anhøj (default)', () => {
  it('finds 8 post points below the baseline median: longest run 8 > round(log2 8) + 3 = 6', () => {
    const test = testSpcShiftAfter([...baseline, 3, 3, 2, 3, 2, 3, 3, 2], 12);
    expect(test).toMatchObject({
      shifted: true,
      direction: 'down',
      rule: 'longest_run',
      points: [12, 13, 14, 15, 16, 17, 18, 19],
      chart: 'run',
      baselineCentre: 6,
      baselineCount: 12,
      postCount: 8,
      postMedian: 3,
      postMean: 21 / 8,
      minimumPostPoints: 6,
      tooEarly: false,
      preset: 'anhoej',
      version: '2014.1',
    });
    expect(test.warnings).toEqual([]);
  });

  it('finds no shift when the post points cross the baseline median', () => {
    const test = testSpcShiftAfter([...baseline, 5, 7, 5, 7, 4, 8, 5, 7, 5, 7], 12);
    expect([test.shifted, test.direction, test.rule, test.points]).toEqual([false, null, null, []]);
    expect(test.postMedian).toBe(6);
  });

  it('ignores points on the centre line and missing points, as qicharts2 does', () => {
    // Useful post points: 7, 7, 8, 7, 7, 9, 8 (7 points); limit round(log2 7) + 3 = 6 → signal.
    const test = testSpcShiftAfter([...baseline, 7, 6, 7, null, 8, 7, 6, 7, 9, 8], 12);
    expect([test.shifted, test.direction, test.rule]).toEqual([true, 'up', 'longest_run']);
    expect(test.points).toEqual([12, 14, 16, 17, 19, 20, 21]);
    expect(test.postCount).toBe(9);
  });

  it('finds 6 post points on one side by the crossings rule: 0 < qbinom(0.05, 5, ½) = 1', () => {
    const test = testSpcShiftAfter([...baseline, 1, 2, 1, 1, 2, 1], 12);
    expect([test.shifted, test.direction, test.rule, test.tooEarly]).toEqual([
      true,
      'down',
      'crossings',
      false,
    ]);
    expect(test.minimumPostPoints).toBe(6);
  });

  it('says it is too early with fewer post points than the rules could ever flag', () => {
    const test = testSpcShiftAfter([...baseline, 1, 1, 1, 1, 1], 12);
    expect([test.shifted, test.tooEarly]).toEqual([false, true]);
    expect(test.warnings.map((w) => w.code)).toEqual(['too_early']);
  });
});

describe('testSpcShiftAfter, other presets', () => {
  it('IHI run rules: a shift of 6 below the baseline median', () => {
    const series = [...baseline, 4, 4, 5, 3, 4, 5, 7];
    const test = testSpcShiftAfter(series, 12, { ruleSet: 'ihi-run' });
    expect([test.shifted, test.direction, test.rule, test.points]).toEqual([
      true,
      'down',
      'shift',
      [12, 13, 14, 15, 16, 17],
    ]);
    expect([test.preset, test.minimumPostPoints]).toEqual(['ihi-run', 6]);
    // Anhøj needs more: 6 below among 7 useful points is not > 6.
    expect(testSpcShiftAfter(series, 12).shifted).toBe(false);
  });

  it('Making Data Count: the centre is the baseline mean, on an XmR chart', () => {
    const test = testSpcShiftAfter([...baseline, 6, 7, 7, 6, 7, 7, 7], 12, { ruleSet: 'mdc-2024' });
    expect(test.chart).toBe('i');
    expect(test.baselineCentre).toBeCloseTo(69 / 12, 12);
    expect([test.shifted, test.direction, test.rule]).toEqual([true, 'up', 'shift']);
    expect(test.points).toHaveLength(7);
  });

  it('takes a variant preset and reports its id and version', () => {
    const strict = makeRuleSet(getRuleSetPreset('mdc-2024'), { shiftLength: 8 }, { id: 'mdc-8' });
    const test = testSpcShiftAfter([...baseline, 6, 7, 7, 6, 7, 7, 7], 12, { ruleSet: strict });
    expect([test.shifted, test.preset, test.version, test.minimumPostPoints]).toEqual([
      false,
      'mdc-8',
      '2024.1+shiftLength=8',
      8,
    ]);
  });

  it('a trend alone is not a shift', () => {
    const test = testSpcShiftAfter([...baseline, 4, 5, 6, 7, 8, 9, 10], 12, { ruleSet: 'ihi-run' });
    expect(test.findings.map((f) => f.rule)).toContain('trend');
    expect(test.shifted).toBe(false);
  });
});

describe('testSpcShiftAfter input checks', () => {
  it('refuses an index without points on both sides, and unknown presets', () => {
    expect(() => testSpcShiftAfter([1, 2, 3], 0)).toThrow(ValidationError);
    expect(() => testSpcShiftAfter([1, 2, 3], 3)).toThrow(ValidationError);
    expect(() => testSpcShiftAfter([1, 2, 3], 1.5)).toThrow(ValidationError);
    expect(() => testSpcShiftAfter([1, 2, 3], 1, { ruleSet: 'western-electric' })).toThrow(
      ValidationError,
    );
    expect(() => testSpcShiftAfter([1, Number.NaN, 3], 1)).toThrow(ValidationError);
  });

  it('needs a baseline value', () => {
    expect(() => testSpcShiftAfter([null, null, 3, 4], 2)).toThrow(InsufficientDataError);
  });

  it('warns about a short baseline', () => {
    const test = testSpcShiftAfter([5, 6, 5, 1, 1, 1, 1, 1, 1, 1], 3);
    expect(test.shifted).toBe(true);
    expect(test.warnings.map((w) => w.code)).toEqual(['short_baseline']);
  });
});

describe('testSpcShiftAfter on any numeric input', () => {
  it('returns a result or throws ValidationError / InsufficientDataError, nothing else', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: 0, max: 9 }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 30 }),
        fc.oneof(fc.integer({ min: -2, max: 32 }), fc.double()),
        fc.constantFrom('anhoej', 'ihi-run', 'mdc-2024', 'mdc-classic-7'),
        (series, index, ruleSet) => {
          try {
            const test = testSpcShiftAfter(series, index, { ruleSet });
            expect(test.shifted).toBe(test.rule !== null);
          } catch (error) {
            expect(
              error instanceof ValidationError || error instanceof InsufficientDataError,
              String(error),
            ).toBe(true);
          }
        },
      ),
      { seed: 2014, numRuns: 1000 },
    );
  });
});
