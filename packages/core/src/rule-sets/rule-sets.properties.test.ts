/**
 * Properties every preset must have whatever the data, from the published definitions: rules
 * about "above" and "below" are mirror images (Anhøj 2014; Perla 2011; MDC SQL v2.6a), points on
 * the centre line never belong to a shift where the definition skips them (Perla 2011; qicharts2
 * 0.8.1 drops them), and excluded points never take part in a run rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { RULE_SET_PRESETS, makeRuleSet } from './rule-set-registry.ts';
import type { RuleFinding, RuleSeries, RuleSetPreset } from './rule-set-types.ts';

const PRESETS: readonly RuleSetPreset[] = Object.values(RULE_SET_PRESETS);
const SEED = 20250101;

/** Small integers (ties, points on the line), any finite double, or missing. */
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -4, max: 4 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A series of any length with a centre line, limits and 2-sigma lines that may be missing. */
const seriesArb: fc.Arbitrary<RuleSeries> = fc
  .array(valueArb, { maxLength: 80 })
  .chain((y) =>
    fc.record({
      y: fc.constant(y),
      cl: fc.oneof<fc.Arbitrary<(number | null)[]>[]>(
        fc.constant(y.map((): number | null => 0)),
        fc.array(fc.oneof(fc.integer({ min: -1, max: 1 }), fc.constant(null)), {
          minLength: y.length,
          maxLength: y.length,
        }),
      ),
      width: fc.constantFrom(2, 3, 3.5),
      hasLimits: fc.boolean(),
      include: fc.option(fc.array(fc.boolean(), { minLength: y.length, maxLength: y.length }), {
        nil: undefined,
      }),
    }),
  )
  .map(({ y, cl, width, hasLimits, include }) => {
    const line = (k: number): (number | null)[] =>
      cl.map((c) => (hasLimits && c !== null ? c + k : null));
    return {
      y,
      cl,
      ucl: line(width),
      lcl: line(-width),
      ucl2: line((2 * width) / 3),
      lcl2: line((-2 * width) / 3),
      ...(include === undefined ? {} : { include }),
    };
  });

/** y → −y, cl → −cl, upper and lower lines swapped and negated. */
function flip(series: RuleSeries): RuleSeries {
  const neg = (a: readonly (number | null)[] | undefined): (number | null)[] =>
    (a ?? []).map((v) => (v === null ? null : -v));
  return {
    y: neg(series.y),
    cl: neg(series.cl),
    ucl: neg(series.lcl),
    lcl: neg(series.ucl),
    ucl2: neg(series.lcl2),
    lcl2: neg(series.ucl2),
    ...(series.include === undefined ? {} : { include: series.include }),
  };
}

/** Findings as sortable keys, optionally with directions mirrored. */
function keys(findings: readonly RuleFinding[], mirror = false): string[] {
  const turn = (d: RuleFinding['direction']): RuleFinding['direction'] =>
    !mirror || d === null ? d : d === 'up' ? 'down' : 'up';
  return findings.map((f) => `${f.rule}|${f.points.join(',')}|${String(turn(f.direction))}`).sort();
}

describe.each(PRESETS.map((preset) => [preset.id, preset] as const))(
  '%s properties',
  (_, preset) => {
    it('never throws on well-formed input and returns a consistent result', () => {
      fc.assert(
        fc.property(seriesArb, (series) => {
          const result = preset.evaluate(series);
          expect(result.preset).toBe(preset.id);
          expect(result.pointRules).toHaveLength(series.y.length);
          expect(result.signal).toBe(result.findings.length > 0);
          for (const finding of result.findings) {
            expect(finding.points.length).toBeGreaterThan(0);
            for (let k = 0; k < finding.points.length; k++) {
              const i = finding.points[k];
              expect(Number.isInteger(i) && i >= 0 && i < series.y.length).toBe(true);
              if (k > 0) {
                expect(i).toBeGreaterThan(finding.points[k - 1]);
              }
              expect(result.pointRules[i]).toContain(finding.rule);
            }
          }
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('throws only a ValidationError when the arrays differ in length', () => {
      fc.assert(
        fc.property(
          seriesArb,
          fc.constantFrom('cl', 'ucl', 'lcl', 'ucl2', 'include'),
          fc.integer({ min: 1, max: 3 }),
          (series, field, extra) => {
            const longer = { ...series, [field]: [...series.y.map(() => true), ...Array(extra)] };
            expect(() => preset.evaluate(longer)).toThrow(ValidationError);
          },
        ),
        { seed: SEED, numRuns: 100 },
      );
    });

    it('mirrors: flipping the series flips every direction and keeps the points', () => {
      fc.assert(
        fc.property(seriesArb, (series) => {
          const original = preset.evaluate(series);
          const flipped = preset.evaluate(flip(series));
          expect(keys(flipped.findings, true)).toEqual(keys(original.findings));
          expect(flipped.pointRules.map((r) => [...r].sort())).toEqual(
            original.pointRules.map((r) => [...r].sort()),
          );
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('never puts a point on the centre line, or an excluded or missing point, in a run rule', () => {
      fc.assert(
        fc.property(seriesArb, (series) => {
          const runRules = new Set(['shift', 'longest_run', 'trend', 'two_of_three_beyond_2sigma']);
          for (const finding of preset.evaluate(series).findings) {
            if (!runRules.has(finding.rule)) {
              continue;
            }
            for (const i of finding.points) {
              expect(series.include?.[i] ?? true).toBe(true);
              expect(series.y[i]).not.toBeNull();
              if (finding.rule !== 'trend') {
                expect(series.y[i]).not.toBe(series.cl[i]);
              }
            }
          }
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('gives the same findings when rebuilt from its own parameters', () => {
      const twin = makeRuleSet(preset, { ...preset.parameters }, { id: `${preset.id}-twin` });
      expect(twin.version).toBe(preset.version);
      fc.assert(
        fc.property(seriesArb, (series) => {
          expect(twin.evaluate(series).findings).toEqual(preset.evaluate(series).findings);
        }),
        { seed: SEED, numRuns: 100 },
      );
    });
  },
);

describe('presets that skip points on the centre line', () => {
  it('ihi-run shifts and anhoej long runs keep their length when centre-line points are added', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(-2, -1, 1, 2), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 8 }),
        (base, positions) => {
          const y: number[] = [...base];
          for (const p of positions) {
            y.splice(Math.min(p, y.length), 0, 0);
          }
          const chart = (values: readonly number[]): RuleSeries => ({
            y: values,
            cl: values.map(() => 0),
            ucl: values.map(() => null),
            lcl: values.map(() => null),
          });
          for (const preset of [RULE_SET_PRESETS['ihi-run'], RULE_SET_PRESETS.anhoej]) {
            const lengths = (values: readonly number[]): number[] =>
              preset
                .evaluate(chart(values))
                .findings.filter((f) => f.rule === 'shift' || f.rule === 'longest_run')
                .map((f) => f.points.length);
            expect(lengths(y)).toEqual(lengths(base));
          }
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});
