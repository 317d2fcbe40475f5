/**
 * The query string of `GET /api/data-value-sets`, DHIS2's `/api/dataValueSets` parameters: the
 * schema (validated by Fastify, published in OpenAPI) and its reading into an export filter.
 * List parameters may repeat (`orgUnit=a&orgUnit=b`) or hold commas (`orgUnit=a,b`), as DHIS2.
 */
import type { Issue } from '@sankofa/core';
import { Type, type Static } from 'typebox';
import { ApiError } from '../../errors.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../interop/writers/index.ts';
import type { DataValueExportFilter } from '../../services/data-value-export/index.ts';

const List = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 12_000 }), { maxItems: 1000, description }),
  );

/** Short names of the formats, as the `format` parameter takes them. */
const FORMAT_NAMES = { json: 'dhis2-json', csv: 'dhis2-csv', fhir: 'fhir' } as const;

/** The query string schema: DHIS2's parameter names, and `format`. */
export const DataValueSetsQuery = Type.Object(
  {
    dataSet: List('data set uids: their data elements'),
    dataElementGroup: List('data element group uids'),
    dataElement: List('data element uids'),
    period: List('period ids, e.g. 202401, 2024Q1'),
    startDate: Type.Optional(
      Type.String({ description: 'with endDate: periods within, YYYY-MM-DD' }),
    ),
    endDate: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
    orgUnit: List('org unit uids'),
    orgUnitGroup: List('org unit group uids'),
    children: Type.Optional(
      Type.Boolean({ description: 'include every descendant of the org units' }),
    ),
    attributeOptionCombo: List('attribute option combo uids'),
    lastUpdated: Type.Optional(
      Type.String({ description: 'values updated since: date or date-time (UTC)' }),
    ),
    lastUpdatedDuration: Type.Optional(
      Type.String({ pattern: '^\\d+[dhms]$', description: 'e.g. 10d, 12h' }),
    ),
    includeDeleted: Type.Optional(
      Type.Boolean({ description: 'include soft-deleted values, marked deleted' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, description: 'at most this many values' })),
    idScheme: Type.Optional(
      Type.Union([Type.Literal('uid'), Type.Literal('code'), Type.Literal('name')], {
        description:
          'how to name data elements, org units and option combos in the output (default uid)',
      }),
    ),
    format: Type.Optional(
      Type.Union(
        [...Object.keys(FORMAT_NAMES), ...EXPORT_FORMATS].map((f) => Type.Literal(f)),
        { description: 'json (default), csv or fhir; else the Accept header decides' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type DataValueSetsQuery = Static<typeof DataValueSetsQuery>;

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;
const UID_LISTS = [
  'dataSet',
  'dataElementGroup',
  'dataElement',
  'orgUnit',
  'orgUnitGroup',
  'attributeOptionCombo',
] as const;

const split = (list: readonly string[] | undefined): string[] | undefined =>
  list
    ?.flatMap((item) => item.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Reads the query string as an export filter: lists split on commas, uids checked.
 *
 * @throws ApiError 400 naming each list item that is not a uid.
 */
export function toExportFilter(q: DataValueSetsQuery): DataValueExportFilter {
  const issues: Issue[] = [];
  const lists: Partial<Record<(typeof UID_LISTS)[number] | 'period', string[]>> = {};
  for (const name of UID_LISTS) {
    const items = split(q[name]);
    for (const bad of (items ?? []).filter((i) => !UID.test(i))) {
      issues.push({
        field: `querystring.${name}`,
        code: 'invalid_uid',
        message: `querystring.${name} "${bad}" is not a uid`,
      });
    }
    if (items !== undefined) {
      lists[name] = items;
    }
  }
  if (issues.length > 0) {
    throw new ApiError('bad_request', issues.map((i) => i.message).join('; '), issues);
  }
  const period = split(q.period);
  return {
    ...lists,
    ...(period === undefined ? {} : { period }),
    ...(q.startDate === undefined ? {} : { startDate: q.startDate }),
    ...(q.endDate === undefined ? {} : { endDate: q.endDate }),
    ...(q.children === undefined ? {} : { children: q.children }),
    ...(q.lastUpdated === undefined ? {} : { lastUpdated: q.lastUpdated }),
    ...(q.lastUpdatedDuration === undefined ? {} : { lastUpdatedDuration: q.lastUpdatedDuration }),
    ...(q.includeDeleted === undefined ? {} : { includeDeleted: q.includeDeleted }),
    ...(q.limit === undefined ? {} : { limit: q.limit }),
    ...(q.idScheme === undefined ? {} : { idScheme: q.idScheme }),
  };
}

const ACCEPTED: readonly [RegExp, ExportFormat][] = [
  [/application\/fhir\+json/, 'fhir'],
  [/(text|application)\/csv/, 'dhis2-csv'],
  [/application\/json/, 'dhis2-json'],
];

/** The format: the `format` parameter, else the first Accept media type we write, else JSON. */
export function exportFormatOf(
  format: string | undefined,
  accept: string | undefined,
): ExportFormat {
  if (format !== undefined) {
    return format in FORMAT_NAMES
      ? FORMAT_NAMES[format as keyof typeof FORMAT_NAMES]
      : (format as ExportFormat);
  }
  const types = (accept ?? '').split(',').map((t) => t.trim());
  for (const type of types) {
    const found = ACCEPTED.find(([pattern]) => pattern.test(type));
    if (found !== undefined) {
      return found[1];
    }
  }
  return 'dhis2-json';
}
