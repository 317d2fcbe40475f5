/**
 * Data value imports as background jobs: the `import_jobs` rows and the runner (a worker thread
 * on SQLite files, in process otherwise).
 */
export {
  createImportJob,
  DATA_VALUE_IMPORT_KIND,
  failImportJob,
  failInterruptedImportJobs,
  findImportJob,
  listImportJobs,
  presentImportJob,
  presentImportJobListItem,
  withLiveProgress,
} from './job-store.ts';
export {
  createImportJobRunner,
  describeFailure,
  type ImportJobRunner,
  type ImportJobRunnerOptions,
  type QueuedImportJob,
} from './job-runner.ts';
export {
  throttleProgress,
  type EngineProgress,
  type ProgressThrottle,
} from './progress-throttle.ts';
