/**
 * The `sankofa` command run inside this process: same program, same exit codes and output as
 * the binary, with the environment given and stdout and stderr captured. Used by the CLI's
 * end-to-end tests, which would otherwise pay for starting Node and tsx on every call.
 */
import { Writable } from 'node:stream';
import { reportFailure, type CliIo } from './cli-io.ts';
import { buildProgram } from './program.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** The environment the command sees (default `process.env`): DATABASE_URL and the like. */
  readonly env?: NodeJS.ProcessEnv;
}

/** A stream that keeps what is written to it; not a terminal, like a pipe. */
class Capture extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer | string, encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    done();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/**
 * Runs `sankofa ARGS…` with `io`: resolves to the exit code the process would have, never
 * throws. Errors are printed on `io.stderr` as the binary prints them.
 */
export async function runCliWithIo(args: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...args], { from: 'user' });
    return io.exitCode ?? 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/**
 * Runs `sankofa ARGS…` in this process and returns its exit code, stdout and stderr.
 *
 * @example
 * const { code, stdout } = await runCli(['migrate'], { env: { DATABASE_URL: 'sqlite:x.sqlite' } });
 */
export async function runCli(
  args: readonly string[],
  options: RunCliOptions = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, env: options.env ?? process.env, exitCode: undefined };
  const code = await runCliWithIo(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
