/**
 * The series fingerprint hashes the bytes its documentation lists — the periods' JSON, the
 * settings' JSON (as `JSON.stringify` writes the object), the points as doubles and presence
 * bytes — whatever the series, and one `SeriesFingerprints` gives each series of a scan the
 * fingerprint it would have alone (nothing carries over from the series before).
 */
import { getRuleSetPreset } from '@sankofa/core';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ScanPoint, SeriesToAnalyse } from './series-analysis.ts';
import { SeriesFingerprints } from './series-fingerprint.ts';
import type { ScanIndicator } from './series-input.ts';

/** The format as documented, written the plain way: one hash object, fresh arrays. */
function documented(
  version: string,
  periodsJson: string,
  series: SeriesToAnalyse,
  indicator: ScanIndicator,
  peers: string | null,
): string {
  const numbers = new Float64Array(series.points.length * 3);
  const present = new Uint8Array(series.points.length * 3);
  series.points.forEach((p, i) => {
    [p.value, p.numerator, p.denominator].forEach((v, j) => {
      if (v !== null) {
        numbers[i * 3 + j] = v;
        present[i * 3 + j] = 1;
      }
    });
  });
  const settings = JSON.stringify({
    v: version,
    chart: series.chartType,
    factor: series.factor,
    kind: series.kind,
    notifiable: series.notifiable,
    baselineEnd: series.baselineEnd,
    phaseEnds: series.phaseEnds,
    preset: [series.preset.id, series.preset.version],
    expression: [indicator.numerator, indicator.denominator, indicator.annualized],
    peers,
  });
  return createHash('sha256')
    .update(periodsJson)
    .update(settings)
    .update(new Uint8Array(numbers.buffer))
    .update(present)
    .digest('hex');
}

const number = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: -5, max: 5000 }),
  fc.constantFrom(0, -0),
);
const point: fc.Arbitrary<ScanPoint> = fc.record({
  value: number,
  numerator: number,
  denominator: number,
});
const text = fc.oneof(fc.string(), fc.constantFrom('#{a.b} / #{"c"}', 'ANC ≥ 4 \\ "quoted"'));
const presets = ['anhoej', 'ihi-run', 'mdc-2024', 'mdc-classic-7'].map(getRuleSetPreset);

const seriesCase = fc.record({
  points: fc.array(point, { minLength: 0, maxLength: 40 }),
  chartType: fc.constantFrom('run', 'p', 'pp', 'u', 'i', 'c', 'g'),
  factor: fc.constantFrom(1, 100, 1000, 100_000),
  kind: fc.constantFrom('count', 'proportion', 'rate'),
  notifiable: fc.boolean(),
  baselineEnd: fc.option(text, { nil: null }),
  phaseEnds: fc.array(text, { maxLength: 3 }),
  preset: fc.constantFrom(...presets),
  numerator: text,
  denominator: fc.option(text, { nil: null }),
  annualized: fc.constantFrom(0, 1),
  peers: fc.option(fc.string({ minLength: 64, maxLength: 64 }), { nil: null }),
});

describe('SeriesFingerprints', () => {
  it('hashes the documented bytes, series after series', () => {
    fc.assert(
      fc.property(
        fc.array(seriesCase, { minLength: 1, maxLength: 6 }),
        fc.array(text, { maxLength: 40 }),
        (cases, periodIds) => {
          const periodsJson = JSON.stringify(periodIds);
          const fingerprints = new SeriesFingerprints('3', periodsJson);
          for (const c of cases) {
            const series: SeriesToAnalyse = {
              periodIds,
              points: c.points,
              chartType: c.chartType,
              factor: c.factor,
              kind: c.kind,
              notifiable: c.notifiable,
              baselineEnd: c.baselineEnd,
              phaseEnds: c.phaseEnds,
              preset: c.preset,
            };
            const indicator = {
              numerator: c.numerator,
              denominator: c.denominator,
              annualized: c.annualized,
            } as ScanIndicator;
            expect(fingerprints.of(series, indicator, c.peers)).toBe(
              documented('3', periodsJson, series, indicator, c.peers),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hashes each series' own setting when series of one indicator follow one another", () => {
    fc.assert(
      fc.property(fc.array(seriesCase, { minLength: 2, maxLength: 8 }), (cases) => {
        const periodIds = ['202401', '202402'];
        const periodsJson = JSON.stringify(periodIds);
        const fingerprints = new SeriesFingerprints('3', periodsJson);
        // One indicator object for every series, as in a scan; settings change from unit to unit.
        const indicator = {
          numerator: cases[0].numerator,
          denominator: cases[0].denominator,
          annualized: cases[0].annualized,
        } as ScanIndicator;
        for (const c of [...cases, ...cases]) {
          const series: SeriesToAnalyse = {
            periodIds,
            points: c.points,
            chartType: cases[0].chartType,
            factor: cases[0].factor,
            kind: cases[0].kind,
            notifiable: cases[0].notifiable,
            baselineEnd: c.baselineEnd,
            phaseEnds: [...c.phaseEnds],
            preset: c.preset,
          };
          expect(fingerprints.of(series, indicator, c.peers)).toBe(
            documented('3', periodsJson, series, indicator, c.peers),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grows its buffer for long settings', () => {
    const periodsJson = JSON.stringify(['202401']);
    const fingerprints = new SeriesFingerprints('3', periodsJson);
    const series: SeriesToAnalyse = {
      periodIds: ['202401'],
      points: [{ value: 1, numerator: 2, denominator: 3 }],
      chartType: 'p',
      factor: 100,
      kind: 'proportion',
      notifiable: false,
      baselineEnd: null,
      phaseEnds: [],
      preset: presets[0],
    };
    for (const length of [10, 10_000, 100_000, 10]) {
      const indicator = {
        numerator: '#{x}+'.repeat(length),
        denominator: null,
        annualized: 0,
      } as unknown as ScanIndicator;
      expect(fingerprints.of(series, indicator, null)).toBe(
        documented('3', periodsJson, series, indicator, null),
      );
    }
  });
});
