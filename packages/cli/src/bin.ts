/** Entry point of the `sankofa` command. */
import { processIo, reportFailure } from './cli-io.ts';
import { buildProgram } from './program.ts';

// `sankofa analyze … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

const io = processIo();
// A command that ran to the end leaves its exit code in process.exitCode (through io); a failure
// (or --help, --version) ends the process now, whatever is still open.
buildProgram(io)
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.exit(reportFailure(error, io));
  });
