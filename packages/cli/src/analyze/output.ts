/** How `sankofa analyze` prints: one JSON document with `--json`, otherwise a readable table. */
import type { CliStream } from '../cli-io.ts';

/** Prints a JSON document on `out` (stdout); non-finite numbers become null. */
export function printJson(out: CliStream, value: unknown): void {
  out.write(
    `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`,
  );
}

/** A cell as text: numbers to 6 significant digits, booleans as yes/blank, null as blank. */
function cell(value: unknown): string {
  if (value === null || value === undefined || value === false) {
    return '';
  }
  if (value === true) {
    return 'yes';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Prints rows as an aligned table with a header on `out` (stdout). */
export function printTable(
  out: CliStream,
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): void {
  const text = rows.map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padStart(widths[i]))
      .join('  ')
      .trimEnd();
  out.write(`${line(headers)}\n${text.map(line).join('\n')}\n`);
}
