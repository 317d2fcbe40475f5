/** Entry point of the `sankofa` command. */
import { buildProgram } from './program.ts';

// `sankofa analyze … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(`sankofa: ${error instanceof Error ? error.message : String(error)}`);
    // Validation errors carry each problem with its row and field.
    const issues =
      (error as { issues?: { row?: number; field: string; message: string }[] }).issues ?? [];
    if (issues.length > 1) {
      for (const i of issues) {
        console.error(`  - ${i.row === undefined ? '' : `row ${i.row}, `}${i.field}: ${i.message}`);
      }
    }
    process.exit(1);
  });
