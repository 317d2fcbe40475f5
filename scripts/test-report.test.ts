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
});
