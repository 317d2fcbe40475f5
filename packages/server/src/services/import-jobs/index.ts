/** Data value imports as background jobs: the `import_jobs` rows and the in-process runner. */
export {
  createImportJob,
  DATA_VALUE_IMPORT_KIND,
  failImportJob,
  failInterruptedImportJobs,
  findImportJob,
  listImportJobs,
  presentImportJob,
  presentImportJobListItem,
} from './job-store.ts';
export {
  createImportJobRunner,
  describeFailure,
  type ImportJobRunner,
  type QueuedImportJob,
} from './job-runner.ts';
export {
  throttleProgress,
  type EngineProgress,
  type ProgressThrottle,
} from './progress-throttle.ts';
