/**
 * The verdict rules of `judgeEffect`, case by case. Reference: the rules as documented (a 95 %
 * interval wholly on one side of no effect), applied to the Sicily smoking-ban estimate of Lopez
 * Bernal, Cummins & Gasparrini (2017) Int J Epidemiol 46:348 (model 3 rate ratio 0.8851,
 * 0.8394–0.9332, R glm 4.2.2) and to made-up intervals around each boundary.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { judgeEffect, type EffectEstimate } from './judge-effect.ts';

const sicily: EffectEstimate = {
  scale: 'ratio',
  estimate: 0.8851,
  ciLower: 0.8394,
  ciUpper: 0.9332,
  better: 'lower',
};

describe('judgeEffect', () => {
  it('the smoking ban worked, and met a prediction of 10 % fewer events only within the interval', () => {
    expect(judgeEffect(sicily)).toEqual({
      verdict: 'worked',
      noEffect: 1,
      predictionMet: null,
      predictionWithinInterval: null,
    });
    expect(judgeEffect(sicily, { value: 0.9 })).toMatchObject({
      predictionMet: true,
      predictionWithinInterval: true,
    });
    expect(judgeEffect(sicily, { value: 0.8 })).toMatchObject({
      predictionMet: false,
      predictionWithinInterval: false,
    });
  });

  it('the same interval is "worse" when higher is better', () => {
    expect(judgeEffect({ ...sicily, better: 'higher' }).verdict).toBe('worse');
  });

  it('an interval containing or touching no effect is no detectable effect', () => {
    expect(judgeEffect({ ...sicily, ciUpper: 1.02 }).verdict).toBe('no_detectable_effect');
    expect(judgeEffect({ ...sicily, ciUpper: 1 }).verdict).toBe('no_detectable_effect');
    const difference: EffectEstimate = {
      scale: 'difference',
      estimate: 2,
      ciLower: 0,
      ciUpper: 4,
      better: 'higher',
    };
    expect(judgeEffect(difference)).toMatchObject({ verdict: 'no_detectable_effect', noEffect: 0 });
    expect(judgeEffect({ ...difference, ciLower: 0.5 }).verdict).toBe('worked');
    expect(judgeEffect({ ...difference, better: 'lower', ciLower: 0.5 }).verdict).toBe('worse');
  });

  it('is too early to tell with fewer post points than the minimum', () => {
    expect(judgeEffect({ ...sicily, postPoints: 5, minimumPostPoints: 8 }, { value: 0.9 })).toEqual(
      {
        verdict: 'too_early_to_tell',
        noEffect: 1,
        predictionMet: null,
        predictionWithinInterval: null,
      },
    );
    expect(judgeEffect({ ...sicily, postPoints: 8, minimumPostPoints: 8 }).verdict).toBe('worked');
  });

  it('refuses inconsistent input', () => {
    expect(() => judgeEffect({ ...sicily, estimate: 0.95 })).toThrow(ValidationError);
    expect(() => judgeEffect({ ...sicily, ciLower: 0, estimate: 0.5 })).toThrow(ValidationError);
    expect(() => judgeEffect({ ...sicily, ciUpper: Number.NaN })).toThrow(ValidationError);
    expect(() => judgeEffect(sicily, { value: Number.POSITIVE_INFINITY })).toThrow(ValidationError);
    const bad = { ...sicily, better: 'up' } as unknown as EffectEstimate;
    expect(() => judgeEffect(bad)).toThrow(ValidationError);
  });
});
