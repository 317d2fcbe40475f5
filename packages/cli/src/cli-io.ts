/**
 * Where a command reads its environment and writes its output: the real process for the
 * `sankofa` binary, or buffers when the CLI runs in-process (the end-to-end tests). Commands
 * never touch `process.stdout`, `process.stderr`, `process.env` or `process.exit` themselves.
 */
import { CommanderError, type Command } from 'commander';

/** An output stream: stdout or stderr, a pipe, a file or a buffer. */
export type CliStream = NodeJS.WritableStream & {
  /** True for a terminal: progress bars then redraw in place. */
  readonly isTTY?: boolean;
  readonly columns?: number;
  hasColors?(): boolean;
};

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** The environment: DATABASE_URL, SANKOFA_DHIS2_TOKEN, PORT… */
  readonly env: NodeJS.ProcessEnv;
  /**
   * The exit code a command that ran to the end asks for (1 when an import was refused, say);
   * undefined means 0.
   */
  exitCode: number | undefined;
}

/** The real process: its streams, its environment, and `process.exitCode`. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    get exitCode() {
      return typeof process.exitCode === 'number' ? process.exitCode : undefined;
    },
    set exitCode(code: number | undefined) {
      process.exitCode = code;
    },
  };
}

/** Writes lines of text to a stream, each ending in a newline (as console.log does). */
export function writeLines(stream: CliStream, ...lines: string[]): void {
  stream.write(`${lines.join('\n')}\n`);
}

/** Commands whose command-line errors exit with this code instead of commander's 1. */
const usageExitCodes = new WeakMap<Command, number>();

/** Makes commander's own errors on this command (bad flag, missing argument…) exit with `code`. */
export function usageExitCode<C extends Command>(command: C, code: number): C {
  usageExitCodes.set(command, code);
  return command;
}

/** Commander's colour choice from the environment (NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE). */
function colourFromEnv(env: NodeJS.ProcessEnv): boolean | undefined {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') {
    return false;
  }
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) {
    return true;
  }
  return undefined;
}

/**
 * Points a command and all its subcommands at `io`: help and errors go to its streams, and
 * instead of calling `process.exit` commander throws a CommanderError carrying the exit code
 * (0 after `--help` or `--version`), which the caller turns into the process's exit code.
 */
export function attachIo(command: Command, io: CliIo): void {
  // Commander's defaults, on io's streams: a terminal's width, else 80.
  const columns = (stream: CliStream) => (stream.isTTY === true ? stream.columns : undefined) ?? 80;
  const colours = (stream: CliStream) =>
    colourFromEnv(io.env) ?? (stream.isTTY === true && stream.hasColors?.() === true);
  command.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    getOutHelpWidth: () => columns(io.stdout),
    getErrHelpWidth: () => columns(io.stderr),
    getOutHasColors: () => colours(io.stdout),
    getErrHasColors: () => colours(io.stderr),
  });
  command.exitOverride((error) => {
    const usage = usageExitCodes.get(command);
    throw usage === undefined || error.exitCode === 0
      ? error
      : new CommanderError(usage, error.code, error.message);
  });
  for (const sub of command.commands) {
    attachIo(sub, io);
  }
}

/**
 * What a failed run prints and the exit code it gets: commander has already printed its own
 * errors; any other error is printed as `sankofa: message`, with each validation issue after it.
 */
export function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    return error.exitCode;
  }
  const lines = [`sankofa: ${error instanceof Error ? error.message : String(error)}`];
  // Validation errors carry each problem with its row and field.
  const issues =
    (error as { issues?: { row?: number; field: string; message: string }[] } | null)?.issues ?? [];
  if (issues.length > 1) {
    for (const i of issues) {
      lines.push(`  - ${i.row === undefined ? '' : `row ${i.row}, `}${i.field}: ${i.message}`);
    }
  }
  writeLines(io.stderr, ...lines);
  return 1;
}
