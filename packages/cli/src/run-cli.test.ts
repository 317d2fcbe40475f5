import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('runCli', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    expect(process.exitCode).toBe(exitCode);
  });

  it('prints the version and help on its stdout, exiting 0', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const help = await runCli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sankofa import \[options\] <file>/);
    expect(help.stderr).toBe('');
  });

  it("exits 1 on commander's errors, and 2 on those of import and export", async () => {
    const unknown = await runCli(['nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: unknown command 'nope'/);
    const importUsage = await runCli(['import']);
    expect(importUsage).toMatchObject({ code: 2, stdout: '' });
    expect(importUsage.stderr).toMatch(/missing required argument 'file'/);
    const exportUsage = await runCli(['export', '--format', 'xlsx']);
    expect(exportUsage.code).toBe(2);
    expect(exportUsage.stderr).toMatch(/--format.*xlsx.*invalid/);
  });

  it('reads DATABASE_URL from the environment given, and prints errors as the binary does', async () => {
    const bad = await runCli(['migrate'], { env: { DATABASE_URL: 'mysql://localhost/x' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^sankofa: unsupported database URL "mysql:\/\/localhost\/x"/);
  });

  it('runs side by side without mixing output', async () => {
    const runs = await Promise.all([
      runCli(['--version']),
      runCli(['nope']),
      runCli(['--version']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 1, 0]);
    expect(runs.map((r) => r.stdout)).toEqual(['0.1.0\n', '', '0.1.0\n']);
  });
});
