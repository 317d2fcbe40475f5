import type { ImportConflict, ImportSummary } from '@sankofa/core';
import { defaultIdSchemes } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { CONFLICTS_SHOWN, conflictTable, summaryLines } from './print-summary.ts';

const conflict = (i: number, indexes: number[] = [i]): ImportConflict => ({
  object: `OrgUnit${String(i).padStart(4, '0')}`,
  value: `Organisation unit not found: \`OrgUnit${i}\``,
  errorCode: 'E7612',
  property: 'orgUnit',
  indexes,
});

const summary = (conflicts: ImportConflict[]): ImportSummary => ({
  responseType: 'ImportSummary',
  status: conflicts.length > 0 ? 'WARNING' : 'SUCCESS',
  description: '',
  importOptions: {
    dryRun: false,
    importStrategy: 'CREATE_AND_UPDATE',
    skipInvalid: true,
    idSchemes: defaultIdSchemes('other'),
  },
  importCount: { imported: 5, updated: 1, ignored: conflicts.length, deleted: 0 },
  conflicts,
  dataSetComplete: false,
  stats: { rows: 6 + conflicts.length, seconds: 2 },
});

describe('conflictTable', () => {
  it('aligns row, field, object, code and message, shortening long row lists', () => {
    const [header, first] = conflictTable([conflict(1, [3, 7, 9, 12, 15])]);
    expect(header).toMatch(/^row\s+field\s+object\s+code\s+message$/);
    expect(first).toMatch(/^3, 7, 9 \(\+2 more\)\s+orgUnit\s+OrgUnit0001\s+E7612\s+Organisation/);
    expect(header.indexOf('field')).toBe(first.indexOf('orgUnit'));
  });

  it(`shows the first ${CONFLICTS_SHOWN} conflicts, then says how many more`, () => {
    const lines = conflictTable(Array.from({ length: 73 }, (_, i) => conflict(i + 1)));
    expect(lines).toHaveLength(1 + CONFLICTS_SHOWN + 1);
    expect(lines.at(-1)).toBe('…and 23 more');
  });
});

describe('summaryLines', () => {
  it('gives the outcome, the counts, the speed and the conflicts', () => {
    const text = summaryLines('june.json', 'dhis2-json', summary([conflict(4)])).join('\n');
    expect(text).toContain('june.json (dhis2-json; skip invalid, CREATE_AND_UPDATE): WARNING');
    expect(text).toContain('imported 5, updated 1, ignored 1, deleted 0');
    expect(text).toContain('7 rows in 2.0 s (4 rows/s)');
    expect(text).toContain('Conflicts (1):');
  });

  it('has no conflicts section when there are none', () => {
    expect(summaryLines('a.csv', 'dhis2-csv', summary([])).join('\n')).not.toContain('Conflicts');
  });
});
