import { describe, expect, it } from 'vitest';
import { throttleProgress, type EngineProgress } from './progress-throttle.ts';

const at = (rows: number): EngineProgress => ({ rows, bytesRead: rows * 10, totalBytes: 1000 });

describe('throttleProgress', () => {
  it('writes at most once per interval and one write at a time, keeping the latest', async () => {
    let clock = 0;
    const written: number[] = [];
    let release: () => void = () => undefined;
    const throttle = throttleProgress(
      (p) => {
        written.push(p.rows);
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      500,
      () => clock,
    );
    throttle.report(at(1));
    clock = 499;
    throttle.report(at(2));
    expect(written).toEqual([]);
    clock = 500;
    throttle.report(at(3));
    expect(written).toEqual([3]);
    clock = 2000;
    throttle.report(at(4)); // the first write is still in flight: skipped
    expect(written).toEqual([3]);
    release();
    await throttle.flush();
    throttle.report(at(5));
    expect(written).toEqual([3, 5]);
    expect(throttle.latest()).toEqual(at(5));
    release();
    await throttle.flush();
  });

  it('swallows a failed write (progress is advisory)', async () => {
    let clock = 0;
    const throttle = throttleProgress(
      () => Promise.reject(new Error('locked')),
      500,
      () => clock,
    );
    clock = 600;
    throttle.report(at(1));
    await expect(throttle.flush()).resolves.toBeUndefined();
  });
});
