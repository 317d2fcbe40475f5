/** The readable end of `sankofa import`: the outcome, the counts, and a table of the conflicts. */
import type { ImportConflict, ImportSummary } from '@sankofa/core';

/** Conflicts printed before "…and N more". */
export const CONFLICTS_SHOWN = 50;

/** The rows of a conflict, shortened: `3, 7, 9 (+12 more)`. */
function rowsText(indexes: readonly number[]): string {
  const shown = indexes.slice(0, 3).join(', ');
  return indexes.length > 3 ? `${shown} (+${indexes.length - 3} more)` : shown;
}

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}

/** The conflicts as an aligned table: row, field, object, code, message. */
export function conflictTable(conflicts: readonly ImportConflict[]): string[] {
  const header = ['row', 'field', 'object', 'code', 'message'];
  const rows = conflicts
    .slice(0, CONFLICTS_SHOWN)
    .map((c) => [
      rowsText(c.indexes),
      c.property,
      clip(c.object, 40),
      c.errorCode,
      clip(c.value, 100),
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...rows.map(line)];
  if (conflicts.length > CONFLICTS_SHOWN) {
    lines.push(`…and ${conflicts.length - CONFLICTS_SHOWN} more`);
  }
  return lines;
}

/**
 * The summary as lines of text.
 *
 * @param file - The file as the user named it.
 * @param format - The format it was read as.
 */
export function summaryLines(file: string, format: string, summary: ImportSummary): string[] {
  const { importCount: n, importOptions: o } = summary;
  const mode = [o.dryRun ? 'dry run' : '', o.skipInvalid ? 'skip invalid' : '', o.importStrategy]
    .filter((m) => m !== '')
    .join(', ');
  const lines = [
    `${file} (${format}; ${mode}): ${summary.status}`,
    `  imported ${n.imported}, updated ${n.updated}, ignored ${n.ignored}, deleted ${n.deleted}`,
  ];
  if (summary.stats !== undefined) {
    const { rows, seconds } = summary.stats;
    const perSecond = seconds > 0 ? Math.round(rows / seconds) : rows;
    lines.push(
      `  ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${perSecond.toLocaleString('en')} rows/s)`,
    );
  }
  if (summary.description !== '') {
    lines.push(`  ${summary.description}`);
  }
  if (o.dryRun && summary.description === '') {
    lines.push('  dry run: nothing was written');
  }
  if (summary.conflicts.length > 0) {
    lines.push('', `Conflicts (${summary.conflicts.length}):`, ...conflictTable(summary.conflicts));
  }
  return lines;
}
