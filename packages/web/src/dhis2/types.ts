/**
 * The `/api/dhis2` contract as the web app reads it (the server's TypeBox schemas are in
 * `packages/server/src/routes/dhis2/schemas.ts`).
 */

/** off | every N hours | daily at HH:MM UTC. */
export type Dhis2Schedule =
  | { readonly kind: 'off' }
  | { readonly kind: 'interval'; readonly everyHours: number }
  | { readonly kind: 'daily'; readonly at: string };

export interface Dhis2Totals {
  readonly imported: number;
  readonly updated: number;
  readonly deleted: number;
  readonly ignored: number;
  readonly conflicts: number;
}

export interface Dhis2Run {
  readonly id: number;
  readonly status: 'running' | 'done' | 'failed';
  readonly mode: 'full' | 'incremental';
  readonly since: string | null;
  readonly until: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly stepsDone: number;
  readonly stepsTotal: number | null;
  readonly metadata: { readonly created: number; readonly updated: number } | null;
  readonly totals: Dhis2Totals | null;
  readonly errors: readonly string[];
  readonly dhis2Version: string | null;
  readonly progress: {
    readonly step: string;
    readonly message: string;
    readonly chunksEnded: number | null;
    readonly chunksTotal: number | null;
  } | null;
}

export interface Dhis2Connection {
  readonly baseUrl: string;
  readonly auth: { readonly kind: 'token' | 'basic'; readonly username: string | null };
  readonly rootOrgUnitId: string | null;
  readonly lastUpdatedWatermark: string | null;
  readonly schedule: Dhis2Schedule;
  readonly nextPullAt: string | null;
  readonly scheduleError: string | null;
  readonly lastRun: Dhis2Run | null;
}

export interface Dhis2ConnectionResponse {
  readonly connection: Dhis2Connection | null;
  readonly pullRunning: boolean;
}

/** `PUT /api/dhis2/connection`: leave token and password out to keep the stored secret. */
export interface Dhis2ConnectionBody {
  readonly baseUrl: string;
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  readonly rootOrgUnitId?: string | null;
  readonly schedule?: Dhis2Schedule;
}

export interface Dhis2ConnectionTestResponse {
  readonly ok: boolean;
  readonly baseUrl: string;
  readonly dhis2: {
    readonly version: string;
    readonly serverDate: string;
    readonly serverTimeZoneId: string | null;
    readonly systemName: string | null;
  } | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface Dhis2RunListResponse {
  readonly runs: readonly Dhis2Run[];
  readonly pullRunning: boolean;
}
