/**
 * Data value readers (issue #4): values per second reading a synthetic file of 1,000,000 values
 * (times --scale) in each streamed format, by the clock and per CPU-second (steadier on a shared
 * machine), and the heap growth while reading.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvMapping } from '@sankofa/core';
import { openDataValueReader } from '../packages/server/src/interop/readers/index.ts';
import {
  writeSyntheticFile,
  type SyntheticFormat,
} from '../packages/server/src/interop/readers/synthetic-files.test-support.ts';
import type { BenchOptions } from './bench-support.ts';

const FORMATS: readonly SyntheticFormat[] = ['dhis2-json', 'dhis2-csv', 'csv', 'dhis2-xml', 'adx'];

const MAPPING = parseCsvMapping({
  orgUnit: 'facility',
  dataElement: 'indicator',
  period: 'date',
  periodFormat: 'date',
  periodType: 'Monthly',
  value: 'count',
  delimiter: ';',
});

export async function run(options: BenchOptions): Promise<void> {
  const count = Math.round(1_000_000 * (options.scale ?? 1));
  const dir = await mkdtemp(join(tmpdir(), 'sankofa-read-bench-'));
  try {
    for (const format of FORMATS) {
      const path = join(dir, `values.${format}`);
      await writeSyntheticFile(path, format, count);
      const megabytes = (await stat(path)).size / 1e6;
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const reader = await openDataValueReader(path, {
        format,
        ...(format === 'csv' ? { csvMapping: MAPPING } : {}),
      });
      let read = 0;
      for await (const _value of reader.values()) {
        read++;
        if (read % 100_000 === 0) {
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      console.log(
        `read ${format.padEnd(10)}: ${read} values (${megabytes.toFixed(0)} MB) in ${seconds.toFixed(2)} s = ` +
          `${Math.round(read / seconds)} values/s, ${(megabytes / seconds).toFixed(0)} MB/s; ` +
          `CPU ${cpuSeconds.toFixed(2)} s = ${Math.round(read / cpuSeconds)} values per CPU-second; ` +
          `peak heap growth ${((peak - heapBefore) / 1e6).toFixed(0)} MB`,
      );
      await rm(path);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
