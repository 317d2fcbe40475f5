/**
 * Collects import conflicts as DHIS2 reports them: one conflict per object, code, field and
 * message, with the 1-based rows of every value that has it. The list is capped so memory stays
 * flat on a file where every row is wrong; the summary says how many were left out.
 */
import type { ImportConflict } from '@sankofa/core';

/** Distinct conflicts kept in the summary. */
export const MAX_CONFLICTS = 1000;
/** Rows kept per conflict. */
export const MAX_CONFLICT_ROWS = 1000;

/** DHIS2's data value import error codes (`DataValueImportConflict`, `ErrorCode` E76xx). */
export const CONFLICT_CODES = {
  dataSetNotFound: 'E7600',
  orgUnitHeaderNotFound: 'E7603',
  attributeOptionComboHeaderNotFound: 'E7604',
  dataElementNotFound: 'E7610',
  periodNotValid: 'E7611',
  orgUnitNotFound: 'E7612',
  categoryOptionComboNotFound: 'E7613',
  attributeOptionComboNotFound: 'E7615',
  orgUnitNotInHierarchy: 'E7617',
  valueNotDefined: 'E7618',
  valueNotValid: 'E7619',
  commentNotValid: 'E7620',
  periodTypeNotValid: 'E7632',
  categoryOptionComboNotInCombo: 'E7634',
  storedByNotValid: 'E7637',
} as const;

interface Entry {
  readonly object: string;
  readonly value: string;
  readonly errorCode: string;
  readonly property: string;
  readonly indexes: number[];
}

/** A conflict of one value, before rows are grouped. */
export type ValueProblem = Omit<ImportConflict, 'indexes'>;

/** Groups conflicts by object, code, field and message, keeping at most `MAX_CONFLICTS`. */
export class ConflictCollector {
  private readonly entries = new Map<string, Entry>();
  /** Occurrences (value × conflict) seen, listed or not. */
  occurrences = 0;
  /** Occurrences not listed because a cap was reached. */
  omitted = 0;

  /** Records `problem` for the value on `row` (0 for the set-level header). */
  add(problem: ValueProblem, row: number): void {
    this.occurrences += 1;
    const key = `${problem.errorCode}\u0000${problem.property}\u0000${problem.object}\u0000${problem.value}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      if (this.entries.size >= MAX_CONFLICTS) {
        this.omitted += 1;
        return;
      }
      entry = { ...problem, indexes: [] };
      this.entries.set(key, entry);
    }
    if (row > 0) {
      if (entry.indexes.length < MAX_CONFLICT_ROWS) {
        entry.indexes.push(row);
      } else {
        this.omitted += 1;
      }
    }
  }

  get size(): number {
    return this.occurrences;
  }

  /** The conflicts in the order first seen. */
  list(): ImportConflict[] {
    return [...this.entries.values()].map((e) => ({
      object: e.object,
      value: e.value,
      errorCode: e.errorCode,
      property: e.property,
      indexes: e.indexes,
    }));
  }
}
