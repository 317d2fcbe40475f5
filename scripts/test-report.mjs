/**
 * The counts of a Vitest JSON report, for the `N passed, N failed` line `.ci/run` reads.
 *
 * Vitest's `numFailedTestSuites` counts every failed file and every `describe` block around a
 * failed test, so one failed test nested two levels deep would add three. Here a failure is a
 * failed test, or a file that failed outside any test (it did not load, a hook threw); and when
 * Vitest exits non-zero with nothing failed in its report (an unhandled error, no test files) or
 * leaves no report, that counts as one failure.
 */

/**
 * @param {{ numPassedTests: number, numFailedTests: number, numPendingTests: number,
 *   numTodoTests?: number, testResults?: { status: string,
 *   assertionResults: { status: string }[] }[] } | null} report - Null when Vitest wrote none.
 * @param {number} [exitCode] - Vitest's exit code.
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function countReport(report, exitCode = 0) {
  if (report === null) {
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const filesFailedOutsideTests = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  const failed = report.numFailedTests + filesFailedOutsideTests;
  return {
    passed: report.numPassedTests,
    failed: failed === 0 && exitCode !== 0 ? 1 : failed,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
  };
}
