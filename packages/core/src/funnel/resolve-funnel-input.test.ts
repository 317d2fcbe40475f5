/**
 * Input checks of `computeFunnel`: every bad unit is named by row and field, every bad option by
 * its name (the issue fields follow core's `ValidationError` contract, errors.ts).
 */
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { computeFunnel } from './compute-funnel.ts';
import type { FunnelOptions, FunnelUnit } from './types.ts';

const good: FunnelUnit[] = [
  { unit: 'Bo', y: 12, n: 340 },
  { unit: 'Kenema', y: 31, n: 410 },
  { unit: 'Kono', y: 20, n: 150 },
];

function issueOf(units: readonly FunnelUnit[], options: FunnelOptions) {
  try {
    computeFunnel(units, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const [issue] = (error as ValidationError).issues;
    return { row: issue.row, field: issue.field, code: issue.code };
  }
  throw new Error('expected a ValidationError');
}

const withUnit = (row: number, unit: Partial<FunnelUnit>): FunnelUnit[] =>
  good.map((u, k) => (k === row - 1 ? { ...u, ...unit } : u));

describe('computeFunnel input checks', () => {
  it.each<[string, Partial<FunnelUnit>, FunnelOptions['type'], string, string]>([
    ['negative y', { y: -1 }, 'rate', 'y', 'out_of_range'],
    ['NaN y', { y: NaN }, 'rate', 'y', 'not_finite'],
    ['infinite n', { n: Infinity }, 'rate', 'n', 'not_finite'],
    ['n = 0', { n: 0 }, 'rate', 'n', 'zero_denominator'],
    ['negative n', { n: -5 }, 'proportion', 'n', 'out_of_range'],
    ['huge y', { y: 1e16 }, 'rate', 'y', 'out_of_range'],
    ['y > n for a proportion', { y: 500 }, 'proportion', 'y', 'exceeds_denominator'],
    ['fractional y for a proportion', { y: 2.5 }, 'proportion', 'y', 'not_an_integer'],
    ['fractional n for a proportion', { n: 150.5 }, 'proportion', 'n', 'not_an_integer'],
    ['empty name', { unit: ' ' }, 'rate', 'unit', 'required'],
  ])('%s', (_label, change, type, field, code) => {
    expect(issueOf(withUnit(2, change), { type })).toEqual({ row: 2, field, code });
  });

  it('accepts y > n and fractional values for a rate (events over person-time)', () => {
    expect(() => computeFunnel(withUnit(2, { y: 500, n: 0.5 }), { type: 'rate' })).not.toThrow();
  });

  it('names the repeated unit at its second row', () => {
    const units = [...good, { unit: 'Bo', y: 1, n: 10 }];
    expect(issueOf(units, { type: 'proportion' })).toEqual({
      row: 4,
      field: 'unit',
      code: 'duplicate_unit',
    });
  });

  it.each<[string, Partial<FunnelOptions>, string]>([
    ['unknown type', { type: 'ratio' as FunnelOptions['type'] }, 'type'],
    ['multiply 0', { multiply: 0 }, 'multiply'],
    ['multiply NaN', { multiply: NaN }, 'multiply'],
    ['trimBy 0.5', { trimBy: 0.5 }, 'trimBy'],
    ['negative trimBy', { trimBy: -0.1 }, 'trimBy'],
    ['target 0', { target: 0 }, 'target'],
    ['target 1 for a proportion', { target: 1 }, 'target'],
    ['target 100 % with multiply 100', { target: 100, multiply: 100 }, 'target'],
    ['target NaN', { target: NaN }, 'target'],
    [
      'overdispersion not boolean',
      { overdispersion: 'yes' as unknown as boolean },
      'overdispersion',
    ],
  ])('rejects %s', (_label, options, field) => {
    const issue = issueOf(good, { type: 'proportion', ...options });
    expect(issue.field).toBe(field);
    expect(issue.row).toBeUndefined();
  });

  it('rejects a rate target of 0 but takes any positive one', () => {
    expect(issueOf(good, { type: 'rate', target: 0 }).field).toBe('target');
    expect(computeFunnel(good, { type: 'rate', target: 1e-6 }).target).toBe(1e-6);
  });

  it('needs at least two units', () => {
    for (const units of [[], good.slice(0, 1)]) {
      const attempt = () => computeFunnel(units, { type: 'proportion' });
      expect(attempt).toThrow(InsufficientDataError);
      try {
        attempt();
      } catch (error) {
        expect([
          (error as InsufficientDataError).needed,
          (error as InsufficientDataError).got,
        ]).toEqual([2, units.length]);
      }
    }
  });
});
