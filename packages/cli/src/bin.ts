/** Entry point of the `sankofa` command. */
import { buildProgram } from './program.ts';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(`sankofa: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
