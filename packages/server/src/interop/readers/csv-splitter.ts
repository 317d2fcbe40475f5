/**
 * A streaming CSV record splitter (RFC 4180): fields separated by a delimiter, records by LF or
 * CRLF, double-quoted fields that may hold delimiters, newlines and doubled quotes. Unquoted
 * fields are trimmed (as DHIS2's CSV reader does), empty lines are skipped, and each record
 * carries the exact line it starts on. A record without quotes, the common case, is split with
 * one native `split`, which makes this several times faster than a general parser.
 */
import { ValidationError } from '@sankofa/core';

/** One CSV record: its cells and the line it starts on. */
export interface CsvRecord {
  readonly cells: readonly string[];
  readonly line: number;
}

function malformedCsv(line: number, message: string): ValidationError {
  return ValidationError.of('csv', 'invalid_csv', `Malformed CSV at line ${line}: ${message}`);
}

/** The chunk-fed splitter; call `feed` for each chunk and `end` after the last. */
export class CsvSplitter {
  private rest = '';
  private line = 1;

  constructor(private readonly delimiter: string) {}

  /** The complete records in `chunk` (with what was left of the previous one). */
  feed(chunk: string): CsvRecord[] {
    const text = this.rest + chunk;
    const records: CsvRecord[] = [];
    let start = 0;
    let quote = -2;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline < 0) {
        break;
      }
      if (quote !== -1 && quote < start) {
        quote = text.indexOf('"', start);
      }
      if (quote < 0 || quote > newline) {
        this.simple(text.slice(start, newline), records);
        start = newline + 1;
        continue;
      }
      const end = this.quoted(text, start, records, false);
      if (end < 0) {
        break;
      }
      start = end;
    }
    this.rest = text.slice(start);
    return records;
  }

  /** The last record (a file need not end with a newline); throws on an unclosed quote. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    const text = this.rest;
    this.rest = '';
    if (text.includes('"')) {
      this.quoted(text, 0, records, true);
    } else if (text !== '') {
      this.simple(text, records);
    }
    return records;
  }

  private simple(lineText: string, records: CsvRecord[]): void {
    const body = lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText;
    if (body.trim() !== '') {
      const cells = body.split(this.delimiter);
      for (let i = 0; i < cells.length; i++) {
        cells[i] = cells[i].trim();
      }
      records.push({ cells, line: this.line });
    }
    this.line++;
  }

  /**
   * Splits one record with quoted fields starting at `start`.
   *
   * @returns The index after the record's newline, or -1 when the record is not complete in
   *   `text` (and `final` is false).
   */
  private quoted(text: string, start: number, records: CsvRecord[], final: boolean): number {
    const cells: string[] = [];
    const delimiter = this.delimiter;
    let lines = 0;
    let i = start;
    for (;;) {
      // One field, from i.
      while (text[i] === ' ' || text[i] === '\t') {
        i++;
      }
      let cell: string;
      if (text[i] === '"') {
        cell = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            if (!final) {
              return -1;
            }
            throw malformedCsv(this.line, 'a quoted field is never closed');
          }
          cell += text.slice(from, close);
          if (text[close + 1] === '"') {
            cell += '"';
            from = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        for (let n = cell.indexOf('\n'); n >= 0; n = cell.indexOf('\n', n + 1)) {
          lines++;
        }
        while (text[i] === ' ' || text[i] === '\t' || text[i] === '\r') {
          i++;
        }
      } else {
        let stop = i;
        while (stop < text.length && text[stop] !== delimiter && text[stop] !== '\n') {
          if (text[stop] === '"') {
            throw malformedCsv(
              this.line + lines,
              `a quote inside the unquoted field starting ${JSON.stringify(text.slice(i, stop + 1))}`,
            );
          }
          stop++;
        }
        cell = text.slice(i, stop).trim();
        i = stop;
      }
      cells.push(cell);
      if (i >= text.length) {
        if (!final) {
          return -1;
        }
        records.push({ cells, line: this.line });
        this.line += lines + 1;
        return i;
      }
      if (text[i] === '\n') {
        records.push({ cells, line: this.line });
        this.line += lines + 1;
        return i + 1;
      }
      if (text[i] !== delimiter) {
        throw malformedCsv(
          this.line + lines,
          `expected a delimiter or the end of the line after a quoted field, found ${JSON.stringify(text[i])}`,
        );
      }
      i++;
    }
  }
}
