/**
 * Reading the CSV files `sankofa analyze` takes: a header row, then data rows. Rows are counted
 * from 1 at the first data row (the numbering `--range`, `--exclude` and `--part` use); errors
 * name the row, its line in the file and the column.
 */
import { readFileSync } from 'node:fs';
import { ValidationError } from '@sankofa/core';
import { parse } from 'csv-parse/sync';

export interface InputTable {
  readonly path: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string>[];
}

/** Reads a CSV file with a header; throws ValidationError for unreadable or ragged files. */
export function readInputTable(path: string): InputTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw ValidationError.of(
      '--input',
      'unreadable_file',
      `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  let records: string[][];
  try {
    // csv-parse without `columns` yields arrays of strings.
    const parsed: unknown = parse(text, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
    records = parsed as string[][];
  } catch (error) {
    throw ValidationError.of(
      '--input',
      'invalid_csv',
      `${path} is not valid CSV: ${(error as Error).message}`,
    );
  }
  if (records.length === 0) {
    throw ValidationError.of(
      '--input',
      'empty_file',
      `${path} is empty: expected a header row and data rows`,
    );
  }
  const columns = records[0].map((c) => c.trim());
  const rows = records.slice(1).map((record, index) => {
    if (record.length !== columns.length) {
      throw ValidationError.of(
        'row',
        'wrong_column_count',
        `has ${record.length} fields but the header has ${columns.length} (line ${index + 2})`,
        index + 1,
      );
    }
    return Object.fromEntries(columns.map((c, i) => [c, record[i]]));
  });
  return { path, columns, rows };
}

/** Throws unless every named column is in the header. */
export function requireColumns(table: InputTable, names: readonly string[]): void {
  const missing = names.filter((n) => !table.columns.includes(n));
  if (missing.length > 0) {
    throw new ValidationError(
      `${table.path} lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (it has: ${table.columns.join(', ')})`,
      missing.map((field) => ({
        field,
        code: 'missing_column',
        message: `column ${field} is required`,
      })),
    );
  }
}

const MISSING = new Set(['', 'NA', 'NaN', 'null', 'NULL']);

export interface NumberRules {
  /** Allow empty/NA cells (returned as null). */
  readonly missing?: boolean;
  readonly integer?: boolean;
  /** Smallest allowed value. */
  readonly min?: number;
  /** Values must be greater than this (e.g. 0 for a denominator). */
  readonly greaterThan?: number;
}

/** Reads a numeric column, naming the row, line and column of the first bad cell. */
export function numericColumn(
  table: InputTable,
  column: string,
  rules: NumberRules = {},
): (number | null)[] {
  return table.rows.map((row, index) => {
    const raw = row[column];
    const at = (message: string, code: string): ValidationError =>
      ValidationError.of(
        column,
        code,
        `${message} (line ${index + 2} of ${table.path})`,
        index + 1,
      );
    if (MISSING.has(raw)) {
      if (rules.missing === true) {
        return null;
      }
      throw at(`is empty but column ${column} needs a number in every row`, 'required');
    }
    const value = Number(raw);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw) || !Number.isFinite(value)) {
      throw at(`"${raw}" is not a number`, 'not_a_number');
    }
    if (rules.integer === true && !Number.isInteger(value)) {
      throw at(`${raw} must be a whole number`, 'not_an_integer');
    }
    if (rules.min !== undefined && value < rules.min) {
      throw at(`${raw} must be at least ${rules.min}`, 'out_of_range');
    }
    if (rules.greaterThan !== undefined && !(value > rules.greaterThan)) {
      throw at(
        `${raw} must be greater than ${rules.greaterThan}`,
        rules.greaterThan === 0 && value === 0 ? 'zero_denominator' : 'out_of_range',
      );
    }
    return value;
  });
}

/** Parses a comma-separated list of 1-based row numbers for a flag, checking the range. */
export function rowList(
  flag: string,
  raw: string | undefined,
  rowCount: number,
): number[] | undefined {
  if (raw === undefined) {
    return undefined;
  }
  return raw.split(',').map((part) => {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 1 || n > rowCount) {
      throw ValidationError.of(
        flag,
        'invalid_row',
        `${flag} ${raw}: "${part}" is not a row between 1 and ${rowCount}`,
      );
    }
    return n;
  });
}
