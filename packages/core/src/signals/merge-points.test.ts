/**
 * Points beyond the limits on consecutive points, the same way, become one finding with every
 * point and the furthest value (and its limit; the later one's on a tie). Checked through
 * `findingsFromRuleSet` against the merge written plainly (each finding folded into the last).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleFinding, RuleSetResult } from '../rule-sets/rule-set-types.ts';
import { findingsFromRuleSet } from './series-findings.ts';
import { months } from './signals.test-support.ts';

/** The merge folded finding by finding, as first written (object copies at each step). */
function plainMerge(findings: readonly RuleFinding[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const f of findings) {
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (
      f.rule === 'beyond_limits' &&
      prev?.rule === 'beyond_limits' &&
      prev.direction === f.direction &&
      prev.points[prev.points.length - 1] + 1 === f.points[0]
    ) {
      const furthest =
        f.direction === 'up'
          ? Math.max(prev.message.values.y, f.message.values.y)
          : Math.min(prev.message.values.y, f.message.values.y);
      const limit =
        furthest === f.message.values.y ? f.message.values.limit : prev.message.values.limit;
      out[out.length - 1] = {
        ...prev,
        points: [...prev.points, ...f.points],
        message: { code: 'point_beyond_limit', values: { y: furthest, limit } },
      };
    } else {
      out.push(f);
    }
  }
  return out;
}

const result = (findings: RuleFinding[]): RuleSetResult => ({
  preset: 'anhoej',
  version: '2014.1',
  findings,
  signal: findings.length > 0,
  pointRules: [],
  warnings: [],
});

// Findings in point order, mostly single points beyond a limit (often consecutive, either way,
// with ties), now and then a run or crossings finding between them.
const findingsArb = fc
  .array(
    fc.record({
      gap: fc.constantFrom(0, 1, 1, 1, 2),
      kind: fc.constantFrom('beyond', 'beyond', 'beyond', 'beyond', 'run'),
      up: fc.boolean(),
      y: fc.constantFrom(10, 12, 12, 15, -3, 0, -0),
      limit: fc.constantFrom(8, 9, 11),
    }),
    { maxLength: 30 },
  )
  .map((specs) => {
    const findings: RuleFinding[] = [];
    let at = 0;
    for (const s of specs) {
      at += s.gap;
      if (at > 47) {
        break;
      }
      findings.push(
        s.kind === 'beyond'
          ? {
              rule: 'beyond_limits',
              points: [at],
              direction: s.up ? 'up' : 'down',
              message: { code: 'point_beyond_limit', values: { y: s.y, limit: s.limit } },
            }
          : {
              rule: 'longest_run',
              points: [at, at + 1],
              direction: s.up ? 'up' : 'down',
              message: {
                code: 'run_too_long',
                values: { length: 2, longestRunMax: 1, nUseful: 9 },
              },
            },
      );
    }
    return findings;
  });

describe('points beyond the limits, merged', () => {
  it('give the findings of the plain merge', () => {
    const periodIds = months(50);
    fc.assert(
      fc.property(findingsArb, (findings) => {
        const merged = findingsFromRuleSet({ periodIds, result: result(findings) });
        const plain = findingsFromRuleSet({
          periodIds,
          result: result(plainMerge(findings)),
        });
        expect(merged).toEqual(plain);
      }),
      { numRuns: 2000 },
    );
  });
});
