/**
 * Runs the real `sankofa` command in a child process against a test database, for the CLI's
 * end-to-end tests: exit code, stdout and stderr, never a throw.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../bin/sankofa.mjs');

export interface SankofaRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunSankofaOptions {
  /** The environment (default `process.env`); DATABASE_URL is set on top of it. */
  readonly env?: NodeJS.ProcessEnv;
  /** Largest stdout/stderr kept (default Node's 1 MiB). */
  readonly maxBuffer?: number;
}

/** `sankofa ARGS…` with `DATABASE_URL=databaseUrl`; each process gets two minutes. */
export async function runSankofa(
  databaseUrl: string,
  args: readonly string[],
  options: RunSankofaOptions = {},
): Promise<SankofaRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...(options.env ?? process.env), DATABASE_URL: databaseUrl },
      timeout: 120_000,
      ...(options.maxBuffer === undefined ? {} : { maxBuffer: options.maxBuffer }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as SankofaRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
