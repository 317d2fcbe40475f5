/**
 * Reference: the preset catalogue of shared/research/anchors.md §3.2 ("Sankofa must ship named,
 * versioned rule-set presets … each signal should store its preset id") and the parameter values
 * of each published source (qicharts2 0.8.1; Perla et al. 2011; NHS England SQL v2.6a;
 * NHSRplotthedots 0.2.2).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  DEFAULT_RULE_SET,
  RULE_SET_PRESETS,
  getRuleSetPreset,
  isBuiltInRuleSetId,
  makeRuleSet,
} from './rule-set-registry.ts';
import type { RuleSeries } from './rule-set-types.ts';

function issuesOf(run: () => unknown): { field: string; code: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) {
      return error.issues.map(({ field, code }) => ({ field, code }));
    }
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('built-in presets', () => {
  it('are anhoej (the default), ihi-run, mdc-2024 and mdc-classic-7', () => {
    expect(Object.keys(RULE_SET_PRESETS)).toEqual([
      'anhoej',
      'ihi-run',
      'mdc-2024',
      'mdc-classic-7',
    ]);
    expect(DEFAULT_RULE_SET).toBe('anhoej');
    for (const [id, preset] of Object.entries(RULE_SET_PRESETS)) {
      expect(preset.id).toBe(id);
      expect(preset.version).toMatch(/^\d{4}\.\d+$/);
      expect(preset.name).not.toBe('');
      expect(preset.source).not.toBe('');
    }
  });

  it('carry their published parameters as data', () => {
    expect(RULE_SET_PRESETS.anhoej.parameters).toMatchObject({
      longestRunOffset: 3,
      crossingsQuantile: 0.05,
      centreLinePolicy: 'ignore',
    });
    expect(RULE_SET_PRESETS['ihi-run'].parameters).toMatchObject({
      shiftLength: 6,
      trendLength: 5,
      centreLinePolicy: 'ignore',
      trendTies: 'ignore',
      astronomicalSigmaSource: 'limits-else-moving-range',
    });
    expect(RULE_SET_PRESETS['mdc-2024'].parameters).toMatchObject({
      shiftLength: 6,
      trendLength: 6,
      centreLinePolicy: 'break',
      trendTies: 'break',
      twoOfThreeCountsBeyondLimits: true,
      minimumPoints: 13,
    });
    expect(RULE_SET_PRESETS['mdc-classic-7'].parameters).toMatchObject({
      shiftLength: 7,
      trendLength: 7,
      twoOfThreeCountsBeyondLimits: false,
    });
  });

  it('cannot be changed by their users', () => {
    const preset = RULE_SET_PRESETS['mdc-2024'];
    expect(Object.isFrozen(RULE_SET_PRESETS)).toBe(true);
    expect(Object.isFrozen(preset)).toBe(true);
    expect(Object.isFrozen(preset.parameters)).toBe(true);
  });
});

describe('getRuleSetPreset', () => {
  it('returns a built-in preset by id', () => {
    expect(getRuleSetPreset('mdc-2024')).toBe(RULE_SET_PRESETS['mdc-2024']);
    expect(isBuiltInRuleSetId('ihi-run')).toBe(true);
  });

  it('rejects an unknown id, listing the known ones', () => {
    for (const id of ['nelson', 'constructor', 'toString', '']) {
      expect(() => getRuleSetPreset(id)).toThrow(ValidationError);
      expect(() => getRuleSetPreset(id)).toThrow(/known: anhoej, ihi-run, mdc-2024, mdc-classic-7/);
      expect(issuesOf(() => getRuleSetPreset(id))).toEqual([
        { field: 'ruleSet', code: 'unknown_rule_set' },
      ]);
    }
  });
});

describe('makeRuleSet', () => {
  const series: RuleSeries = {
    y: [0.5, 0.6, 0.5, 0.6, 0.5, 0.6, -0.5],
    cl: Array<number>(7).fill(0),
    ucl: Array<number>(7).fill(3),
    lcl: Array<number>(7).fill(-3),
  };

  it('builds a variant with a new id and a version naming its overrides', () => {
    const base = getRuleSetPreset('mdc-2024');
    const variant = makeRuleSet(base, { trendLength: 7, shiftLength: 7 });
    expect(variant.id).toBe('mdc-2024-custom');
    expect(variant.version).toBe('2024.1+shiftLength=7,trendLength=7');
    expect(variant.derivedFrom).toEqual({ id: 'mdc-2024', version: '2024.1' });
    expect(variant.parameters).toMatchObject({ shiftLength: 7, trendLength: 7, minimumPoints: 13 });
    expect(base.evaluate(series).findings.map((f) => f.rule)).toEqual(['shift']);
    const result = variant.evaluate(series);
    expect(result.findings).toEqual([]);
    expect([result.preset, result.version]).toEqual(['mdc-2024-custom', variant.version]);
  });

  it('takes an id and name, and leaves the base unchanged', () => {
    const base = getRuleSetPreset('ihi-run');
    const variant = makeRuleSet(base, { shiftLength: 8 }, { id: 'district-x', name: 'District X' });
    expect([variant.id, variant.name, variant.family]).toEqual([
      'district-x',
      'District X',
      'ihi-run',
    ]);
    expect(base.parameters['shiftLength']).toBe(6);
  });

  it('keeps the base version when nothing changes', () => {
    const base = getRuleSetPreset('anhoej');
    expect(makeRuleSet(base, { longestRunOffset: 3 }).version).toBe('2014.1');
  });

  it('rejects unknown, out-of-range and fixed parameters', () => {
    const mdc = getRuleSetPreset('mdc-2024');
    expect(issuesOf(() => makeRuleSet(mdc, { shiftLenght: 7 }))).toEqual([
      { field: 'shiftLenght', code: 'unknown_parameter' },
    ]);
    expect(issuesOf(() => makeRuleSet(mdc, { shiftLength: 1, trendTies: 'skip' }))).toEqual([
      { field: 'shiftLength', code: 'invalid_parameter' },
      { field: 'trendTies', code: 'invalid_parameter' },
    ]);
    expect(issuesOf(() => makeRuleSet(mdc, { shiftLength: 6.5 }))).toEqual([
      { field: 'shiftLength', code: 'invalid_parameter' },
    ]);
    const anhoej = getRuleSetPreset('anhoej');
    expect(issuesOf(() => makeRuleSet(anhoej, { centreLinePolicy: 'break' }))).toEqual([
      { field: 'centreLinePolicy', code: 'invalid_parameter' },
    ]);
  });

  it('refuses a built-in id or an empty one', () => {
    const base = getRuleSetPreset('mdc-2024');
    expect(issuesOf(() => makeRuleSet(base, { shiftLength: 7 }, { id: 'mdc-classic-7' }))).toEqual([
      { field: 'id', code: 'reserved_rule_set_id' },
    ]);
    expect(issuesOf(() => makeRuleSet(base, { shiftLength: 7 }, { id: ' ' }))).toEqual([
      { field: 'id', code: 'required' },
    ]);
  });

  it('builds variants of variants', () => {
    const once = makeRuleSet(getRuleSetPreset('mdc-2024'), { shiftLength: 7 });
    const twice = makeRuleSet(once, { trendLength: 7 }, { id: 'mdc-7-7' });
    expect(twice.version).toBe('2024.1+shiftLength=7+trendLength=7');
    expect(twice.derivedFrom).toEqual({ id: 'mdc-2024-custom', version: '2024.1+shiftLength=7' });
  });
});
