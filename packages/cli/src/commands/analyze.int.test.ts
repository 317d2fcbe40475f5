/**
 * `sankofa analyze` end to end: bad files exit non-zero with a message naming the row and
 * column; a good file prints one JSON document (through the real binary, as a process).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../bin/sankofa.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sankofa-analyze-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** `sankofa analyze ARGS…` in this process. */
const analyze = (...args: string[]) => runCli(['analyze', ...args]);

/** `sankofa analyze ARGS…` through bin/sankofa.mjs in a child process. */
async function analyzeProcess(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'analyze', ...args], {
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sankofa analyze with bad files', () => {
  it.each([
    [
      'a non-numeric value',
      ['spc', '--input', file('nonnum.csv', 'x,y,n\n1,5,10\n2,abc,10\n3,4,10\n'), '--chart', 'p'],
      /Row 2, y: "abc" is not a number \(line 3/,
    ],
    [
      'a missing column',
      ['spc', '--input', file('no-n.csv', 'x,y\n1,5\n2,6\n'), '--chart', 'p'],
      /lacks column n/,
    ],
    [
      'a zero denominator',
      ['spc', '--input', file('zero.csv', 'x,y,n\n1,5,10\n2,3,0\n'), '--chart', 'u'],
      /Row 2, n: 0 must be greater than 0/,
    ],
    [
      'too few rows for EARS',
      [
        'outbreak',
        '--input',
        file('short.csv', 't,observed\n1,3\n2,4\n3,5\n'),
        '--method',
        'ears-c1',
        '--range',
        '2:3',
      ],
      /Row 2, --range: .*needs 7 rows before/,
    ],
    [
      'a negative count',
      [
        'outbreak',
        '--input',
        file('neg.csv', 'observed\n3\n-1\n'),
        '--method',
        'cusum',
        '--range',
        '2:2',
      ],
      /Row 2, observed/,
    ],
    [
      'a proportion above 1',
      [
        'funnel',
        '--input',
        file('ygtn.csv', 'unit,y,n\nA,5,10\nB,12,10\nC,3,10\n'),
        '--type',
        'proportion',
      ],
      /Row 2, y: .*exceeds n/,
    ],
    [
      'a non-numeric outcome',
      [
        'its',
        '--input',
        file('its.csv', 'time,aces,smokban\n1,5,0\n2,x,1\n'),
        '--outcome',
        'aces',
        '--time',
        'time',
        '--intervention',
        'smokban',
      ],
      /Row 2, aces: "x" is not a number/,
    ],
  ])('exits non-zero for %s, naming row and column', async (_name, args, message) => {
    const result = await analyze(...args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  // The binary starts tsx: seconds on a busy machine.
  it('prints one JSON document for a good file', { timeout: 120_000 }, async () => {
    const input = file(
      'good.csv',
      `x,y\n${Array.from({ length: 12 }, (_, i) => `${i + 1},${10 + (i % 3)}`).join('\n')}\n`,
    );
    const result = await analyzeProcess('spc', '--input', input, '--chart', 'c', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.chart).toBe('c');
    expect(json.points).toHaveLength(12);
    expect(Object.keys(json.points[0]).sort()).toEqual(
      [
        'baseline',
        'cl',
        'i',
        'include',
        'lcl',
        'lcl95',
        'n',
        'part',
        'runsSignal',
        'sigmaSignal',
        'ucl',
        'ucl95',
        'x',
        'y',
      ].sort(),
    );
    expect(Object.keys(json.parts[0]).sort()).toEqual(
      [
        'crossings',
        'crossingsMin',
        'firstIndex',
        'longestRun',
        'longestRunMax',
        'nObs',
        'nUseful',
        'part',
        'runsSignal',
        'sigmaSignals',
      ].sort(),
    );
  });
});
