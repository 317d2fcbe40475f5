/**
 * Runs the `sankofa` command against a test database, for the CLI's end-to-end tests: exit code,
 * stdout and stderr, never a throw. In this process by default (the same program as the binary,
 * without starting Node and tsx each time); with `{ process: true }` as a real child process
 * through bin/sankofa.mjs, for the smoke tests that keep the binary itself covered.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli, type CliRun } from './run-cli.ts';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../bin/sankofa.mjs');

export type SankofaRun = CliRun;

export interface RunSankofaOptions {
  /** The environment (default `process.env`); DATABASE_URL is set on top of it. */
  readonly env?: NodeJS.ProcessEnv;
  /** Run `bin/sankofa.mjs` in a child process instead of in this one. */
  readonly process?: boolean;
  /** Largest stdout/stderr kept from a child process (default Node's 1 MiB). */
  readonly maxBuffer?: number;
}

/** `sankofa ARGS…` with `DATABASE_URL=databaseUrl`; a child process gets two minutes. */
export async function runSankofa(
  databaseUrl: string,
  args: readonly string[],
  options: RunSankofaOptions = {},
): Promise<SankofaRun> {
  const env = { ...(options.env ?? process.env), DATABASE_URL: databaseUrl };
  if (options.process !== true) {
    return runCli(args, { env });
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env,
      timeout: 120_000,
      ...(options.maxBuffer === undefined ? {} : { maxBuffer: options.maxBuffer }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as SankofaRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
