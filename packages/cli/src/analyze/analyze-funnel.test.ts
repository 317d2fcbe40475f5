/**
 * `sankofa analyze funnel`: the CLI's reading of the CSV and flags must give what
 * `computeFunnel` gives (whose numbers are checked against Spiegelhalter 2005 and FunnelPlotR
 * 0.6.0 in packages/core/src/funnel), and bad input must name the row, line and column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { computeFunnel, ValidationError } from '@sankofa/core';
import { analyseFunnelFile, analyzeFunnelCommand } from './analyze-funnel.ts';

const dir = mkdtempSync(join(tmpdir(), 'sankofa-funnel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function csv(text: string): string {
  const path = join(dir, `case-${++files}.csv`);
  writeFileSync(path, text);
  return path;
}

/** The 16 districts of packages/core/src/funnel/__fixtures__/funnel-reference.R. */
const y = [12, 45, 80, 150, 210, 260, 300, 420, 395, 640, 700, 1150, 980, 1400, 30, 5];
const n = [40, 120, 260, 410, 500, 700, 720, 1000, 1100, 1500, 1900, 2400, 2600, 3000, 60, 25];
const units = y.map((value, k) => ({ unit: `D${k + 1}`, y: value, n: n[k] }));
const districts = csv(`unit,y,n\n${units.map((u) => `${u.unit},${u.y},${u.n}`).join('\n')}\n`);

function issueOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    return {
      row: issue.row,
      field: issue.field,
      code: issue.code,
      message: (error as Error).message,
    };
  }
  throw new Error('expected a ValidationError');
}

describe('analyseFunnelFile', () => {
  it('reads unit, y and n and computes what computeFunnel computes', () => {
    for (const overdispersion of [false, true]) {
      const funnel = analyseFunnelFile({ input: districts, type: 'proportion', overdispersion });
      expect(funnel).toEqual(computeFunnel(units, { type: 'proportion', overdispersion }));
    }
  });

  it('passes --target and --multiply on the reported scale', () => {
    const funnel = analyseFunnelFile({
      input: districts,
      type: 'rate',
      target: '400',
      multiply: '1000',
    });
    expect(funnel.target).toBe(400);
    expect(funnel).toEqual(computeFunnel(units, { type: 'rate', target: 400, multiply: 1000 }));
  });

  it.each<[string, string, string, Partial<{ row: number; field: string; code: string }>]>([
    [
      'a missing column',
      'unit,y\nA,1\nB,2\n',
      'proportion',
      { field: 'n', code: 'missing_column' },
    ],
    [
      'a non-numeric y',
      'unit,y,n\nA,1,10\nB,x,10\n',
      'rate',
      { row: 2, field: 'y', code: 'not_a_number' },
    ],
    [
      'n = 0',
      'unit,y,n\nA,1,10\nB,0,0\n',
      'rate',
      { row: 2, field: 'n', code: 'zero_denominator' },
    ],
    [
      'y > n',
      'unit,y,n\nA,1,10\nB,3,10\nC,12,10\n',
      'proportion',
      { row: 3, field: 'y', code: 'exceeds_denominator' },
    ],
    [
      'a fractional count',
      'unit,y,n\nA,1.5,10\nB,3,10\n',
      'proportion',
      { row: 1, field: 'y', code: 'not_an_integer' },
    ],
    [
      'a repeated unit',
      'unit,y,n\nA,1,10\nB,3,10\nA,2,10\n',
      'rate',
      { row: 3, field: 'unit', code: 'duplicate_unit' },
    ],
    [
      'an empty unit',
      'unit,y,n\nA,1,10\n,3,10\n',
      'rate',
      { row: 2, field: 'unit', code: 'required' },
    ],
    ['one row', 'unit,y,n\nA,1,10\n', 'proportion', { field: '--input', code: 'too_few_rows' }],
  ])('rejects %s', (_label, text, type, expected) => {
    const issue = issueOf(() => analyseFunnelFile({ input: csv(text), type: type as 'rate' }));
    expect(issue).toMatchObject(expected);
    if (expected.row !== undefined) {
      expect(issue.message).toContain(`line ${expected.row + 1} of`);
    }
  });

  it('names the flag for a bad --target or --multiply', () => {
    expect(
      issueOf(() => analyseFunnelFile({ input: districts, type: 'rate', target: 'abc' })),
    ).toMatchObject({
      field: '--target',
      code: 'not_a_number',
    });
    expect(
      issueOf(() => analyseFunnelFile({ input: districts, type: 'proportion', target: '1' })),
    ).toMatchObject({
      field: '--target',
      code: 'out_of_range',
    });
    expect(
      issueOf(() => analyseFunnelFile({ input: districts, type: 'rate', multiply: '0' })),
    ).toMatchObject({
      field: '--multiply',
      code: 'out_of_range',
    });
  });
});

describe('analyzeFunnelCommand', () => {
  async function run(args: string[]): Promise<{ out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    try {
      await analyzeFunnelCommand().parseAsync(args, { from: 'user' });
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    return { out: out.join(''), err: err.join('') };
  }

  it('prints one JSON document with --json', async () => {
    const { out } = await run(['--input', districts, '--type', 'proportion', '--json']);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual([
      'type',
      'multiply',
      'target',
      'overdispersion',
      'units',
      'curve',
      'unadjustedCurve',
      'warnings',
    ]);
    expect(Object.keys(json.units[0])).toEqual([
      'row',
      'unit',
      'y',
      'n',
      'value',
      'z',
      'lower95',
      'upper95',
      'lower998',
      'upper998',
      'outlier',
      'outlier95',
    ]);
    expect(json.units.filter((u: { outlier: string | null }) => u.outlier !== null)).toHaveLength(
      6,
    );
    expect(json.warnings[0].code).toBe('overdispersion_detected');
  });

  it('prints a table and lists the outliers with their direction', async () => {
    const { out, err } = await run(['--input', districts, '--type', 'proportion']);
    expect(out).toContain('proportion funnel: target 0.4149 (pooled)');
    expect(out).toContain('limits not adjusted');
    expect(out).toMatch(/outliers beyond 99\.8 %: D3 \(low, 0\.3077\), D9 \(low/);
    expect(out).toContain('D12 (high, 0.4792)');
    expect(err).toContain('warning: φ = 6.47');
    const adjusted = await run(['--input', districts, '--type', 'proportion', '--overdispersion']);
    expect(adjusted.out).toContain('limits adjusted');
    expect(adjusted.out).toContain('outliers beyond 99.8 %: none');
  });
});
