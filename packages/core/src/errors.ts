/**
 * Typed errors that carry data. Core never logs: it throws these for bad input and returns
 * statistical caveats as `warnings` in results.
 */

/** One problem with input, named precisely enough for a person to fix it. */
export interface Issue {
  /** 1-based row of the input, when the input has rows. */
  readonly row?: number;
  /** The field, column or option that is wrong (e.g. `period`, `n`, `--freeze`). */
  readonly field: string;
  /** Stable snake_case code, e.g. `invalid_period`, `required`, `not_a_number`. */
  readonly code: string;
  /** English sentence for logs and the CLI; the web translates by `code`. */
  readonly message: string;
}

/** Input that cannot be used as given. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly Issue[];

  constructor(message: string, issues: readonly Issue[] = []) {
    super(message);
    this.issues = issues;
  }

  /** A validation error about a single field. */
  static of(field: string, code: string, message: string, row?: number): ValidationError {
    const issue: Issue =
      row === undefined ? { field, code, message } : { row, field, code, message };
    return new ValidationError(row === undefined ? message : `Row ${row}, ${field}: ${message}`, [
      issue,
    ]);
  }
}

/** Too little data for a method to give an answer. */
export class InsufficientDataError extends Error {
  override readonly name = 'InsufficientDataError';
  /** How many observations the method needs. */
  readonly needed: number;
  /** How many it got. */
  readonly got: number;

  constructor(message: string, needed: number, got: number) {
    super(message);
    this.needed = needed;
    this.got = got;
  }
}

/** A caveat on a result that is still usable ("fewer than 12 points"). */
export interface Warning {
  readonly code: string;
  readonly message: string;
}
