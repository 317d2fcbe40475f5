/**
 * Kysely table types. Columns are snake_case in SQL and camelCase here (CamelCasePlugin).
 * Conventions, the same on SQLite and PostgreSQL: ids are DHIS2-style text UIDs; timestamps are
 * ISO-8601 UTC text; dates are `YYYY-MM-DD` text; booleans are integers 0/1; JSON is text.
 */
import type { Generated } from 'kysely';

/** 0 or 1: booleans are integers so both dialects store and return the same thing. */
export type Flag = 0 | 1;

export interface OrgUnitTable {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  parentId: string | null;
  /** 1 for a root (country), parent level + 1 below. */
  level: number;
  /** `/rootId/…/id`, as DHIS2 writes it. */
  path: string;
  openingDate: string | null;
  closedDate: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Ancestor-or-self pairs of the hierarchy: subtree queries and scope checks are one indexed join. */
export interface OrgUnitClosureTable {
  ancestorId: string;
  descendantId: string;
  /** 0 for the unit itself, 1 for its parent, … */
  depth: number;
}

export interface OrgUnitGroupTable {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrgUnitGroupMemberTable {
  orgUnitGroupId: string;
  orgUnitId: string;
}

export interface CategoryComboTable {
  id: string;
  code: string | null;
  name: string;
  /** `disaggregation` for category option combos, `attribute` for attribute option combos. */
  dataDimensionType: 'disaggregation' | 'attribute';
  createdAt: string;
  updatedAt: string;
}

export interface CategoryOptionComboTable {
  id: string;
  code: string | null;
  name: string;
  categoryComboId: string;
  createdAt: string;
  updatedAt: string;
}

export type AttributeOptionComboTable = CategoryOptionComboTable;

export interface DataElementTable {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  description: string | null;
  /** DHIS2 value type: NUMBER, INTEGER, INTEGER_ZERO_OR_POSITIVE, PERCENTAGE, BOOLEAN, TEXT… */
  valueType: string;
  /** DHIS2 aggregation type: SUM, AVERAGE, AVERAGE_SUM_ORG_UNIT, LAST, COUNT, NONE… */
  aggregationType: string;
  domainType: string;
  categoryComboId: string;
  zeroIsSignificant: Flag;
  createdAt: string;
  updatedAt: string;
}

export interface DataElementGroupTable {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DataElementGroupMemberTable {
  dataElementGroupId: string;
  dataElementId: string;
}

export interface PeriodTable {
  /** The canonical DHIS2 period id, e.g. `202401`, `2024Q1`, `2024W3`. */
  id: string;
  periodType: string;
  startDate: string;
  endDate: string;
}

export interface DataValueTable {
  dataElementId: string;
  periodId: string;
  orgUnitId: string;
  categoryOptionComboId: string;
  attributeOptionComboId: string;
  /** The value as DHIS2 carries it: always text. */
  value: string | null;
  /** The value as a number when it is one, so aggregation needs no casts. */
  numericValue: number | null;
  storedBy: string | null;
  createdAt: string;
  lastUpdated: string;
  comment: string | null;
  followUp: Flag;
  /** Soft delete, as DHIS2 (`deleted: true` with `includeDeleted`). */
  deleted: Flag;
}

export interface IndicatorTypeTable {
  id: string;
  name: string;
  factor: number;
  /** DHIS2 `number`: a numerator-only indicator (no denominator). */
  number: Flag;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorTable {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  description: string | null;
  numerator: string;
  numeratorDescription: string | null;
  denominator: string;
  denominatorDescription: string | null;
  indicatorTypeId: string;
  annualized: Flag;
  decimals: number | null;
  /** proportion, rate, count or mean. */
  kind: string;
  /** up, down or none: which way is better. */
  desiredDirection: string;
  target: number | null;
  /** run, i, p, pp, u, up, c, g, t. */
  defaultChartType: string;
  /** Outbreak detection applies (e.g. confirmed malaria cases). */
  notifiable: Flag;
  /** `local` when set here, `external` when set by an outside programme. */
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: string;
  active: Flag;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface UserRoleTable {
  userId: string;
  /** admin, manager, contributor or viewer. */
  role: string;
  /** The role covers this org unit and its whole subtree. */
  orgUnitId: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only ever in the cookie. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurredAt: string;
  /** Null for the system (migrations, demo loader, CLI without a user). */
  userId: string | null;
  /** Who, in words, when there is no user (e.g. `cli`, `demo`). */
  actor: string;
  /** create, update, delete, login, logout, import… */
  action: string;
  entityType: string;
  entityId: string;
  orgUnitId: string | null;
  /** JSON of the entity before the write, null on create. */
  before: string | null;
  /** JSON of the entity after the write, null on delete. */
  after: string | null;
  requestId: string | null;
}

/** Key-value settings of this installation (e.g. when the demo was loaded). */
export interface SettingTable {
  key: string;
  value: string;
  updatedAt: string;
}

/** Metadata rows with DHIS2's naming columns. */
interface NamedMetadata {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CategoryTable extends NamedMetadata {
  dataDimensionType: 'disaggregation' | 'attribute';
}

export interface CategoryOptionTable extends NamedMetadata {
  startDate: string | null;
  endDate: string | null;
}

export interface CategoryCategoryOptionTable {
  categoryId: string;
  categoryOptionId: string;
  sortOrder: number;
}

export interface CategoryComboCategoryTable {
  categoryComboId: string;
  categoryId: string;
  sortOrder: number;
}

/** The category options that make a category or attribute option combo. */
export interface OptionComboOptionTable {
  optionComboId: string;
  categoryOptionId: string;
}

export interface DataSetTable extends NamedMetadata {
  /** DHIS2 period type of the data set's reports, e.g. `Monthly`. */
  periodType: string;
  categoryComboId: string | null;
  openFuturePeriods: number;
  expiryDays: number;
  timelyDays: number;
}

export interface DataSetElementTable {
  dataSetId: string;
  dataElementId: string;
  categoryComboId: string | null;
}

export interface DataSetOrgUnitTable {
  dataSetId: string;
  orgUnitId: string;
}

/** A data set report marked complete for an org unit and period. */
export interface CompleteRegistrationTable {
  dataSetId: string;
  periodId: string;
  orgUnitId: string;
  attributeOptionComboId: string;
  completedAt: string;
  storedBy: string | null;
  lastUpdated: string;
}

export interface ConstantTable extends NamedMetadata {
  value: number;
}

/** An import run: its options, progress while it runs and its DHIS2-shaped summary after. */
export interface ImportJobTable {
  id: string;
  userId: string | null;
  actor: string;
  /** `data-values` or `metadata`. */
  kind: string;
  format: string;
  fileName: string | null;
  /** JSON of the import options. */
  options: string;
  /** queued, running, done, failed. */
  status: string;
  /** JSON `{ rows, bytes, totalBytes }` while running. */
  progress: string | null;
  /** JSON import summary when finished. */
  summary: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A DHIS2 instance Sankofa pulls from. */
export interface Dhis2ConnectionTable {
  id: string;
  name: string;
  baseUrl: string;
  /** JSON `{ kind: 'token' | 'basic', … }`; secrets stay in the database file, never in logs. */
  auth: string;
  rootOrgUnitId: string | null;
  /** Server time of the last complete pull: the next pull asks for values updated since. */
  lastUpdatedWatermark: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A signal the scan found in an indicator × org unit series (see migrations/0004-signals.ts). */
export interface SignalTable {
  id: string;
  indicatorId: string;
  orgUnitId: string;
  /** outbreak, sustained_shift, trend, single_point, runs, peer_outlier. */
  kind: string;
  /** A rule-set RuleId, `outbreak:<method>` or `funnel`. */
  rule: string;
  ruleSetId: string;
  ruleSetVersion: string;
  /** up, down or null. */
  direction: string | null;
  firstPeriod: string;
  lastPeriod: string;
  /** JSON array of DHIS2 period ids. */
  periodIds: string;
  explanationCode: string;
  /** JSON object of numbers. */
  explanationValues: string;
  summary: string;
  /** new, acknowledged, under_review, actioned, dismissed. */
  status: string;
  statusReason: string | null;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  /** 0 once a scan no longer finds it. */
  stillPresent: Flag;
  population: number | null;
  createdAt: string;
  updatedAt: string;
}

/** What the last scan of a series saw: a scan skips series whose fingerprint is unchanged. */
export interface SignalSeriesStateTable {
  indicatorId: string;
  orgUnitId: string;
  fingerprint: string;
  scannedAt: string;
}

/** Baseline and phase splits of a chart, shared by everyone who sees it (audited). */
export interface ChartSettingsTable {
  indicatorId: string;
  orgUnitId: string;
  /** Last period of the baseline (freeze), or null. */
  baselineEnd: string | null;
  /** JSON array of period ids, each the last period of a phase but the last. */
  phaseEnds: string;
  /** A rule-set preset chosen for this series; null = the default. */
  ruleSetId: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** When the app pulls from a DHIS2 connection by itself (off, every N hours, daily at HH:MM UTC). */
export interface Dhis2ScheduleTable {
  connectionId: string;
  /** off, interval, daily. */
  kind: string;
  everyHours: number | null;
  /** HH:MM, UTC. */
  dailyAt: string | null;
  /** When the scheduler last started (or tried to start) a pull. */
  lastTriggeredAt: string | null;
  /** Why that attempt failed before a run was recorded. */
  lastError: string | null;
  updatedAt: string;
}

/** One pull: resumable because each finished chunk is recorded. */
export interface Dhis2SyncRunTable {
  id: Generated<number>;
  connectionId: string;
  /** running, done, failed. */
  status: string;
  since: string | null;
  until: string;
  /** JSON array of chunk keys already imported. */
  chunksDone: string;
  report: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface Database {
  orgUnits: OrgUnitTable;
  orgUnitClosure: OrgUnitClosureTable;
  orgUnitGroups: OrgUnitGroupTable;
  orgUnitGroupMembers: OrgUnitGroupMemberTable;
  categoryCombos: CategoryComboTable;
  categoryOptionCombos: CategoryOptionComboTable;
  attributeOptionCombos: AttributeOptionComboTable;
  dataElements: DataElementTable;
  dataElementGroups: DataElementGroupTable;
  dataElementGroupMembers: DataElementGroupMemberTable;
  periods: PeriodTable;
  dataValues: DataValueTable;
  indicatorTypes: IndicatorTypeTable;
  indicators: IndicatorTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  auditEvents: AuditEventTable;
  settings: SettingTable;
  categories: CategoryTable;
  categoryOptions: CategoryOptionTable;
  categoryCategoryOptions: CategoryCategoryOptionTable;
  categoryComboCategories: CategoryComboCategoryTable;
  optionComboOptions: OptionComboOptionTable;
  dataSets: DataSetTable;
  dataSetElements: DataSetElementTable;
  dataSetOrgUnits: DataSetOrgUnitTable;
  completeRegistrations: CompleteRegistrationTable;
  constants: ConstantTable;
  importJobs: ImportJobTable;
  dhis2Connections: Dhis2ConnectionTable;
  dhis2Schedules: Dhis2ScheduleTable;
  signals: SignalTable;
  signalSeriesState: SignalSeriesStateTable;
  chartSettings: ChartSettingsTable;
  dhis2SyncRuns: Dhis2SyncRunTable;
}
