/** The SPC engine on 10,000 series of 36 points for each chart type (issue #3). */
import { computeSpcChart, SPC_CHART_TYPES, type SpcInput } from '@sankofa/core';
import { poisson, seededRandom, type BenchOptions } from './bench-support.ts';

function makeSeries(count: number): SpcInput[] {
  const random = seededRandom(42);
  return Array.from({ length: count }, () => {
    const size = 200 + Math.floor(random() * 2000);
    const rate = 0.05 + random() * 0.3;
    const n = Array.from({ length: 36 }, () => size + Math.floor(random() * 100));
    return {
      x: Array.from({ length: 36 }, (_, i) => i + 1),
      y: n.map((k) => Math.max(1, poisson(random, k * rate * (random() < 0.5 ? 0.02 : 0.01)))),
      n,
    };
  });
}

export function run(options: BenchOptions): Promise<void> {
  const count = Math.round(10_000 * (options.scale ?? 1));
  const series = makeSeries(count);
  for (const chart of SPC_CHART_TYPES) {
    const started = performance.now();
    for (const input of series) {
      computeSpcChart(input, { chart });
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `spc ${chart.padEnd(3)}: ${count} series × 36 points in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} series/s`,
    );
  }
  return Promise.resolve();
}
