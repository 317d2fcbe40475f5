/**
 * Memory stays flat while reading a 1,000,000-value file: the heap left after a full garbage
 * collection is sampled while the values stream and must stay far below what holding them would
 * take (~300 MB for 1M values). Measured: about 5 MB for JSON, 17 MB for CSV.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataValueReader } from './index.ts';
import {
  syntheticValue,
  writeSyntheticFile,
  type SyntheticFormat,
} from './synthetic-files.test-support.ts';

const COUNT = 1_000_000;
const MAX_HEAP_GROWTH = 50e6;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap in use once garbage is collected: what the reader retains. */
function retainedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-streaming-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('streaming readers', () => {
  it.each(['dhis2-json', 'dhis2-csv'] as const)(
    'reads %s with 1,000,000 values in flat memory',
    async (format: SyntheticFormat) => {
      const path = join(dir, `million.${format}`);
      await writeSyntheticFile(path, format, COUNT);
      const before = retainedHeap();
      let peak = before;
      const reader = await openDataValueReader(path);
      expect(reader.format).toBe(format);
      let count = 0;
      for await (const value of reader.values()) {
        count++;
        if (count % 100_000 === 0) {
          peak = Math.max(peak, retainedHeap());
        }
        if (count === 1 || count === 654_321) {
          const expected = syntheticValue(count - 1);
          expect(value).toMatchObject({
            row: count,
            ...expected,
            categoryOptionCombo: 'HllvX50cXC0',
            storedBy: 'bench',
          });
        }
      }
      expect(count).toBe(COUNT);
      expect(reader.progress().bytesRead).toBe(reader.progress().totalBytes);
      expect(peak - before).toBeLessThan(MAX_HEAP_GROWTH);
      await rm(path);
    },
    120_000,
  );
});
