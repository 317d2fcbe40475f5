/**
 * DHIS2's decision for one incoming value, from what is stored under its key and the import
 * strategy: CREATE never touches a live value, UPDATE never creates, DELETE only deletes live
 * values, an unchanged value is ignored (DHIS2 counts it `ignored`), and a value that asks to be
 * removed (`deleted: true`, an empty value) deletes. The staging SQL (`staging-sql.ts`) encodes
 * the same table as a CASE expression for the set-based path.
 */
import type { ImportStrategy } from '@sankofa/core';

/** What is stored under the value's key: nothing, a soft-deleted value, the same value, another. */
export type StoredState = 'none' | 'gone' | 'same' | 'live';

/** What the import does with the value. */
export type ImportAction = 'insert' | 'undelete' | 'update' | 'delete' | 'ignore';

export function importAction(
  strategy: ImportStrategy,
  state: StoredState,
  remove: boolean,
): ImportAction {
  if (state === 'live' || state === 'same') {
    if (strategy === 'DELETE') {
      return 'delete';
    }
    if (strategy === 'CREATE') {
      return 'ignore';
    }
    if (remove) {
      return 'delete';
    }
    return state === 'live' ? 'update' : 'ignore';
  }
  if (strategy === 'UPDATE' || strategy === 'DELETE' || remove) {
    return 'ignore';
  }
  return state === 'gone' ? 'undelete' : 'insert';
}
