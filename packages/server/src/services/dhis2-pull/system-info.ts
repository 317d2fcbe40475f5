/**
 * `GET /api/system/info`: proves the URL is a DHIS2 instance Sankofa can read and gives the
 * server's own clock, which becomes the next incremental pull's `lastUpdated`.
 */
import { Dhis2Error, type Dhis2Client } from './dhis2-client.ts';

/** The oldest DHIS2 release the connector is written against (personal access tokens: 2.37). */
export const MIN_DHIS2_VERSION = { major: 2, minor: 36 } as const;

/** What the pull keeps from DHIS2's system info. */
export interface Dhis2SystemInfo {
  /** As DHIS2 reports it, e.g. `2.40.3` or `2.41-SNAPSHOT`. */
  readonly version: string;
  /**
   * The server's time at the request, as DHIS2 writes it (local to `serverTimeZoneId`, no
   * offset): kept verbatim because DHIS2 compares `lastUpdated` in that same time.
   */
  readonly serverDate: string;
  readonly serverTimeZoneId: string | null;
  readonly systemName: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `2.40.3` → 2.40; DHIS2's newer `41.0.1`/`v42` numbering → 2.41/2.42. */
export function parseDhis2Version(version: string): { major: number; minor: number } | null {
  const match = /^v?(\d+)(?:\.(\d+))?/.exec(version);
  if (match === null) {
    return null;
  }
  const first = Number(match[1]);
  return first === 2 ? { major: 2, minor: Number(match[2] ?? 0) } : { major: 2, minor: first };
}

/**
 * Reads and checks `/api/system/info`.
 *
 * @throws Dhis2Error: `unauthorized` on 401, `not_dhis2` on 404 or when the answer has no
 *   `version` and `serverDate` (not DHIS2), or when the version is older than 2.36
 */
export async function readSystemInfo(client: Dhis2Client): Promise<Dhis2SystemInfo> {
  let info: unknown;
  try {
    info = await client.getJson('/api/system/info');
  } catch (error) {
    if (
      error instanceof Dhis2Error &&
      (error.code === 'not_found' || error.code === 'invalid_response')
    ) {
      throw new Dhis2Error(
        'not_dhis2',
        `${client.baseUrl} does not look like a DHIS2 instance (GET /api/system/info: ${error.message}); give the instance's base URL, e.g. https://dhis2.example.org or https://host/dhis`,
        error.status,
      );
    }
    throw error;
  }
  const fields = typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {};
  const version = text(fields.version);
  const serverDate = text(fields.serverDate);
  if (version === null || serverDate === null) {
    throw new Dhis2Error(
      'not_dhis2',
      `${client.baseUrl} answered /api/system/info without a version and serverDate: it does not look like a DHIS2 instance`,
    );
  }
  const parsed = parseDhis2Version(version);
  if (parsed === null || parsed.minor < MIN_DHIS2_VERSION.minor) {
    throw new Dhis2Error(
      'not_dhis2',
      `DHIS2 at ${client.baseUrl} is version ${version}; Sankofa pulls from DHIS2 ${MIN_DHIS2_VERSION.major}.${MIN_DHIS2_VERSION.minor} or later`,
    );
  }
  return {
    version,
    serverDate,
    serverTimeZoneId: text(fields.serverTimeZoneId),
    systemName: text(fields.systemName),
  };
}
