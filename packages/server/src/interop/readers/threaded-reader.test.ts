import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError, type RawDataValue } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, sample } from './read-all.test-support.ts';
import { openThreadedDataValueReader } from './threaded-reader.ts';

async function readThreaded(path: string) {
  const reader = await openThreadedDataValueReader(path);
  const values: RawDataValue[] = [];
  for await (const value of reader.values()) {
    values.push(value);
  }
  return { format: reader.format, header: reader.header, values, progress: reader.progress() };
}

describe('openThreadedDataValueReader', () => {
  let dir: string;
  let big: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sankofa-threaded-'));
    big = join(dir, 'big.csv');
    // 10,000 values: more than two batches between the threads, and a short last batch.
    const lines = ['dataelement,period,orgunit,catoptcombo,attroptcombo,value'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(`de${i % 7},2024${String((i % 12) + 1).padStart(2, '0')},ou${i},coc,aoc,${i}`);
    }
    await writeFile(big, `${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same format, header and values as the plain reader, in order', async () => {
    for (const path of [big, sample('dhis2-docs', 'bulk.json')]) {
      const plain = await readAll(path);
      const threaded = await readThreaded(path);
      expect(threaded.format).toBe(plain.format);
      expect(threaded.header).toEqual(plain.header);
      expect(threaded.values).toEqual(plain.values);
      expect(threaded.progress.bytesRead).toBe(threaded.progress.totalBytes);
      expect(threaded.values.length).toBe(path === big ? 10_000 : 4);
    }
  });

  it('throws the ValidationError the plain reader throws, with its message', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"dataValues":[],"orgUnitIdScheme":"ATTRIBUTE:abc"}');
    const plain = await readAll(bad).catch((error: unknown) => error);
    expect(plain).toBeInstanceOf(ValidationError);
    const threaded = await readThreaded(bad).catch((error: unknown) => error);
    expect(threaded).toBeInstanceOf(ValidationError);
    expect((threaded as ValidationError).message).toBe((plain as ValidationError).message);
    expect((threaded as ValidationError).issues).toEqual((plain as ValidationError).issues);
  });

  it('reports a missing file as an error, not a hang', async () => {
    await expect(openThreadedDataValueReader(join(dir, 'missing.csv'))).rejects.toThrow();
  });

  it('stops its thread when the loop stops early or when closed unread', async () => {
    const reader = await openThreadedDataValueReader(big);
    let n = 0;
    for await (const value of reader.values()) {
      expect(value.row).toBeGreaterThan(0);
      n += 1;
      if (n === 5000) {
        break;
      }
    }
    expect(n).toBe(5000);
    const unread = await openThreadedDataValueReader(big);
    await unread.close?.();
    await unread.close?.();
  });
});
