import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countReport } from './test-report.mjs';

/** A real report: one file with a failed test two `describe`s deep, one file that did not load. */
const failing = JSON.parse(
  readFileSync(new URL('./__fixtures__/vitest-report-failing.json', import.meta.url), 'utf8'),
);

describe('countReport', () => {
  it('counts a failed test once, however deep its describe blocks, and a file that did not load', () => {
    expect(failing.numFailedTestSuites).toBe(4);
    expect(countReport(failing)).toEqual({ passed: 2, failed: 2, skipped: 0 });
  });

  it('counts a file whose tests passed but whose hook threw', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [
        { status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
        { status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'skipped' }] },
      ],
    };
    expect(countReport(report)).toEqual({ passed: 3, failed: 1, skipped: 2 });
  });

  it('counts one failure when Vitest exits non-zero with nothing failed, or leaves no report', () => {
    const passing = { ...failing, numFailedTests: 0, testResults: [] };
    expect(countReport(passing, 1)).toEqual({ passed: 2, failed: 1, skipped: 0 });
    expect(countReport(passing, 0)).toEqual({ passed: 2, failed: 0, skipped: 0 });
    expect(countReport(failing, 1)).toEqual({ passed: 2, failed: 2, skipped: 0 });
    expect(countReport(null, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});
