/** Types of test-report.mjs, for its test. */
export interface VitestReport {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numPendingTests: number;
  readonly numTodoTests?: number;
  readonly testResults?: readonly {
    readonly status: string;
    readonly assertionResults: readonly { readonly status: string }[];
  }[];
}

export function countReport(
  report: VitestReport | null,
  exitCode?: number,
): {
  passed: number;
  failed: number;
  skipped: number;
};
