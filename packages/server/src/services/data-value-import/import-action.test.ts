import type { ImportStrategy } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { importAction, type StoredState } from './import-action.ts';

const STRATEGIES: ImportStrategy[] = ['CREATE', 'UPDATE', 'CREATE_AND_UPDATE', 'DELETE'];
const STATES: StoredState[] = ['none', 'gone', 'same', 'live'];

describe('importAction', () => {
  // The whole table, as DHIS2's DataValueSetImportValidator and importer behave.
  const expected: Record<ImportStrategy, Record<StoredState, [string, string]>> = {
    // [keep the value, remove it]
    CREATE: {
      none: ['insert', 'ignore'],
      gone: ['undelete', 'ignore'],
      same: ['ignore', 'ignore'],
      live: ['ignore', 'ignore'],
    },
    UPDATE: {
      none: ['ignore', 'ignore'],
      gone: ['ignore', 'ignore'],
      same: ['ignore', 'delete'],
      live: ['update', 'delete'],
    },
    CREATE_AND_UPDATE: {
      none: ['insert', 'ignore'],
      gone: ['undelete', 'ignore'],
      same: ['ignore', 'delete'],
      live: ['update', 'delete'],
    },
    DELETE: {
      none: ['ignore', 'ignore'],
      gone: ['ignore', 'ignore'],
      same: ['delete', 'delete'],
      live: ['delete', 'delete'],
    },
  };
  for (const strategy of STRATEGIES) {
    for (const state of STATES) {
      it(`${strategy} on a ${state} value`, () => {
        expect([importAction(strategy, state, false), importAction(strategy, state, true)]).toEqual(
          expected[strategy][state],
        );
      });
    }
  }
});
