/** The DHIS2 pull connector: `pullFromDhis2` and what it stores and reports. */
export { pullFromDhis2, type PullOptions, type PullProgress } from './pull-from-dhis2.ts';
export {
  DEFAULT_CONNECTION_NAME,
  findDhis2Connection,
  saveDhis2Connection,
  type Dhis2Connection,
  type Dhis2ConnectionInput,
} from './connection-store.ts';
export {
  Dhis2Client,
  Dhis2Error,
  type Dhis2Credentials,
  type Dhis2ErrorCode,
} from './dhis2-client.ts';
export { readSystemInfo, type Dhis2SystemInfo } from './system-info.ts';
export type { PullActor } from './pull-steps.ts';
export type * from './pull-report.ts';
export {
  createDhis2PullService,
  dhis2SchedulerEnabled,
  type Dhis2PullService,
  type Dhis2PullServiceOptions,
} from './pull-service.ts';
export {
  createDhis2PullRunner,
  Dhis2PullNotStarted,
  type Dhis2PullProgress,
  type Dhis2PullRunner,
} from './pull-runner.ts';
export { createDhis2Scheduler, type Dhis2Scheduler, type SchedulerTick } from './scheduler.ts';
export {
  findDhis2Schedule,
  nextPullAt,
  saveDhis2Schedule,
  validateSchedule,
  type Dhis2Schedule,
} from './schedule.ts';
export { findDhis2Run, listDhis2Runs, type Dhis2RunSummary } from './run-history.ts';
export {
  checkDhis2Connection,
  resolveConnection,
  type Dhis2ConnectionCheck,
  type Dhis2ConnectionFields,
} from './connection-settings.ts';
