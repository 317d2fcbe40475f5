/**
 * The counts of a Vitest JSON report, for the `N passed, N failed` line `.ci/run` reads.
 *
 * Vitest's `numFailedTestSuites` counts every failed file and every `describe` block around a
 * failed test, so one failed test nested two levels deep would add three. Here a failure is a
 * failed test, or a file that failed outside any test (it did not load, a hook threw).
 */

/**
 * @param {{ numPassedTests: number, numFailedTests: number, numPendingTests: number,
 *   numTodoTests?: number, testResults?: { status: string,
 *   assertionResults: { status: string }[] }[] }} report
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function countReport(report) {
  const filesFailedOutsideTests = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + filesFailedOutsideTests,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
  };
}
