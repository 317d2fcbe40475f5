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
