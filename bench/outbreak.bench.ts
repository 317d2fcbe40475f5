/**
 * farringtonFlexible on 1,000 weekly series × 5 years (260 weeks; the last 52 monitored, b = 3,
 * w = 3, the package's other defaults), single thread (issue #3). Where R and surveillance are
 * installed (`apt-get install r-base-core r-cran-surveillance`), R times the same call on the
 * first `--r-series` series (default 40: R takes most of a second per series) and the ratio of
 * series per second is printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectOutbreaks } from '@sankofa/core';
import { poisson, seededRandom, type BenchOptions } from './bench-support.ts';

const WEEKS = 260;
const CONTROL = { b: 3, w: 3, first: WEEKS - 51, last: WEEKS };

function makeSeries(count: number): number[][] {
  const random = seededRandom(7);
  return Array.from({ length: count }, () => {
    const level = 2 + random() * 30;
    const amplitude = random() * 0.8;
    const phase = random() * 2 * Math.PI;
    return Array.from({ length: WEEKS }, (_, t) => {
      const outbreak = t > 230 && t < 236 && random() < 0.3 ? 3 : 1;
      return poisson(
        random,
        level * outbreak * (1 + amplitude * Math.sin((2 * Math.PI * t) / 52 + phase)),
      );
    });
  });
}

function timeR(series: readonly number[][]): number | undefined {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(surveillance))'], {
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-bench-r-'));
  try {
    const csv = join(dir, 'series.csv');
    writeFileSync(csv, series.map((s) => s.join(',')).join('\n'));
    const script = `suppressMessages(library(surveillance))
m <- as.matrix(read.csv("${csv}", header = FALSE))
t <- system.time(for (i in seq_len(nrow(m))) {
  s <- sts(observed = m[i, ], frequency = 52, start = c(2019, 1))
  farringtonFlexible(s, control = list(range = ${CONTROL.first}:${CONTROL.last}, b = ${CONTROL.b}, w = ${CONTROL.w}))
})
cat(t[["elapsed"]], "\\n")`;
    const result = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', timeout: 30 * 60_000 });
    return result.status === 0 ? Number(result.stdout.trim().split(/\s+/).pop()) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run(options: BenchOptions): Promise<void> {
  const count = Math.round(1000 * (options.scale ?? 1));
  const series = makeSeries(count);
  const started = performance.now();
  let alarms = 0;
  for (const observed of series) {
    const result = detectOutbreaks(
      { observed },
      {
        method: 'farrington-flexible',
        range: { first: CONTROL.first, last: CONTROL.last },
        b: CONTROL.b,
        w: CONTROL.w,
      },
    );
    alarms += result.points.filter((p) => p.alarm).length;
  }
  const seconds = (performance.now() - started) / 1000;
  const ours = count / seconds;
  console.log(
    `farringtonFlexible: ${count} series × ${WEEKS} weeks (52 monitored) in ${seconds.toFixed(1)} s = ${ours.toFixed(1)} series/s (${alarms} alarms)`,
  );
  const rCount = Math.min(count, options.rSeries ?? 40);
  const rSeconds = timeR(series.slice(0, rCount));
  if (rSeconds === undefined) {
    console.log(
      'R surveillance: not installed here (apt-get install r-base-core r-cran-surveillance to compare)',
    );
  } else {
    const theirs = rCount / rSeconds;
    console.log(
      `R surveillance::farringtonFlexible: ${rCount} series in ${rSeconds.toFixed(1)} s = ${theirs.toFixed(2)} series/s; Sankofa is ${(ours / theirs).toFixed(1)}× faster`,
    );
  }
  return Promise.resolve();
}
