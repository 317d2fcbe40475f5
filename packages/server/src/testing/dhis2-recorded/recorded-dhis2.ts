/**
 * A local HTTP server (node:http, port 0) that answers like DHIS2 2.40 from the recorded
 * responses in this folder, for tests of the pull connector. It checks credentials as DHIS2
 * does, logs every request, and can be told to fail or hang on chosen requests.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The personal access token the recorded instance accepts. */
export const RECORDED_TOKEN = 'd2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092';
/** The Basic credentials it accepts (DHIS2's demo `admin` / `district`). */
export const RECORDED_BASIC = { username: 'admin', password: 'district' } as const;
/** Its level-1 org unit. */
export const RECORDED_ROOT = 'ImspTQPwCqd';
/** `serverDate` of `system-info.json`. */
export const RECORDED_SERVER_DATE = '2026-11-20T10:15:30.123';

/** One request the server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly params: URLSearchParams;
  readonly authorization: string | undefined;
}

/** Makes matching requests fail with `status`, answer after `hangMs`, answer `body` or redirect. */
export interface Fault {
  /** The path, e.g. `/api/dataValueSets.json`. */
  readonly path: string;
  /** Further narrows the requests hit, e.g. to one data set. */
  readonly when?: (params: URLSearchParams) => boolean;
  readonly status?: number;
  readonly hangMs?: number;
  /** Answer 200 with this JSON instead (e.g. a data value set with a bad value). */
  readonly body?: unknown;
  /** Answer 302 to this URL instead. */
  readonly redirectTo?: string;
  /** How many requests it hits (Infinity: all). */
  times: number;
}

export interface RecordedDhis2 {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** What `/api/system/info` says the server time is (tests move it between pulls). */
  serverDate: string;
  /** Adds a fault; the first fault matching a request applies. */
  fail(fault: Fault): void;
  clearFaults(): void;
  /** Requests to `path`, optionally narrowed. */
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

/** Reason phrases of the error pages a proxy in front of DHIS2 (nginx) serves. */
const PROXY_REASONS: Readonly<Record<number, string>> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

const json = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as unknown;

/** DHIS2's JSON error body (`WebMessage`). */
function webMessage(status: number, httpStatus: string, message: string, errorCode?: string) {
  return {
    httpStatus,
    httpStatusCode: status,
    status: 'ERROR',
    message,
    ...(errorCode === undefined ? {} : { errorCode }),
  };
}

function authorized(header: string | undefined): boolean {
  const basic = Buffer.from(`${RECORDED_BASIC.username}:${RECORDED_BASIC.password}`).toString(
    'base64',
  );
  return header === `ApiToken ${RECORDED_TOKEN}` || header === `Basic ${basic}`;
}

/** The answer to an authorized request: [status, body]. */
function answer(path: string, params: URLSearchParams, serverDate: string): [number, unknown] {
  switch (path) {
    case '/api/system/info':
      return [200, { ...(json('system-info.json') as object), serverDate }];
    case '/api/metadata.json':
      return [
        200,
        json(
          params.get('filter')?.startsWith('lastUpdated:gt:') === true
            ? 'metadata-updated.json'
            : 'metadata.json',
        ),
      ];
    case '/api/dataSets.json':
      return [200, json('data-sets.json')];
    case '/api/organisationUnits.json':
      return [200, json('organisation-units-level-1.json')];
    case '/api/dataValueSets.json': {
      const dataSet = params.get('dataSet') ?? '';
      const known = (json('data-sets.json') as { dataSets: { id: string }[] }).dataSets.some(
        (d) => d.id === dataSet,
      );
      if (!known) {
        return [
          409,
          webMessage(409, 'Conflict', `Data set does not exist: \`${dataSet}\``, 'E2016'),
        ];
      }
      if (params.get('orgUnit') !== RECORDED_ROOT || params.get('children') !== 'true') {
        return [
          409,
          webMessage(
            409,
            'Conflict',
            'At least one valid organisation unit must be specified',
            'E2006',
          ),
        ];
      }
      const updated = params.has('lastUpdated');
      if (
        !updated &&
        !(params.has('startDate') && params.has('endDate')) &&
        !params.has('period')
      ) {
        return [
          409,
          webMessage(
            409,
            'Conflict',
            'At least one valid period, start/end dates, or last updated must be specified',
            'E2002',
          ),
        ];
      }
      return [200, json(`data-value-sets/${dataSet}${updated ? '-updated' : ''}.json`)];
    }
    default:
      return [
        404,
        '<!doctype html><html><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1></body></html>',
      ];
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) {
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type =
    typeof body === 'string' ? 'text/html;charset=utf-8' : 'application/json;charset=UTF-8';
  response.writeHead(status, { 'Content-Type': type }).end(text);
}

/**
 * Starts the recorded DHIS2 on a free port.
 *
 * @example
 *   const dhis2 = await startRecordedDhis2();
 *   dhis2.fail({ path: '/api/system/info', status: 503, times: 1 });
 *   await pullFromDhis2(db, { baseUrl: dhis2.url, token: RECORDED_TOKEN });
 *   await dhis2.close();
 */
export async function startRecordedDhis2(): Promise<RecordedDhis2> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state = { serverDate: RECORDED_SERVER_DATE };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const params = url.searchParams;
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      params,
      authorization: request.headers.authorization,
    });
    const respond = () => {
      if (!authorized(request.headers.authorization)) {
        send(response, 401, webMessage(401, 'Unauthorized', 'Unauthorized'));
        return;
      }
      const [status, body] = answer(url.pathname, params, state.serverDate);
      send(response, status, body);
    };
    const fault = faults.find(
      (f) => f.times > 0 && f.path === url.pathname && (f.when?.(params) ?? true),
    );
    if (fault === undefined) {
      respond();
      return;
    }
    fault.times -= 1;
    if (fault.hangMs !== undefined) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond();
      }, fault.hangMs);
      timers.add(timer);
      return;
    }
    if (fault.redirectTo !== undefined) {
      response.writeHead(302, { Location: fault.redirectTo }).end();
      return;
    }
    if (fault.body !== undefined) {
      send(response, 200, fault.body);
      return;
    }
    const status = fault.status ?? 503;
    if (status === 401) {
      send(response, 401, webMessage(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    const title = `${status} ${PROXY_REASONS[status] ?? 'Error'}`;
    send(
      response,
      status,
      `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`,
    );
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get serverDate() {
      return state.serverDate;
    },
    set serverDate(value: string) {
      state.serverDate = value;
    },
    fail: (fault) => faults.push(fault),
    clearFaults: () => faults.splice(0),
    requestsTo: (path) => requests.filter((r) => r.path === path),
    close: async () => {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
