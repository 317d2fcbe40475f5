/**
 * FHIR R4 MeasureReports (one resource, or a Bundle of them) read as data values, following
 * IHE QRPH mADX where it applies (https://profiles.ihe.net/QRPH/mADX/):
 *
 * - **data element** ← `group.code.coding[0].code` (mADX requires it); a group without one is
 *   rejected, since nothing else names a data element.
 * - **period** ← `period.start`/`end`, the DHIS2 period with exactly those first and last days.
 * - **org unit** ← `subject` when it is a Location or Organization (mADX: the place reported
 *   on), else `reporter`: the reference's `identifier.value`, else the id in `Type/id`, else the
 *   `identifier` of a contained resource (`#id`). Patients are never places.
 * - **categories** ← strata: `stratum.component[].code` → `.value`, or `stratifier.code` →
 *   `stratum.value`; a composite `AGE_GROUP:SEX` → `P0Y--P1Y:F` splits on `:` into two
 *   categories (the style of the R4 `hiv-indicators` example).
 * - **value**, summary reports: `measureScore.value` (how mADX reports disaggregated counts), else
 *   the count of the only population, else of `numerator`. A group with strata gives one value
 *   per stratum and none for its total: DHIS2 stores a data element under one category combo, and
 *   the total is the sum of the disaggregations.
 * - **value**, individual reports: the chosen population's count (1 when the subject is in it),
 *   summed over all individual reports with the same data element, period, org unit and stratum.
 * - `subject-list` and `data-collection` reports carry no values to import and are rejected.
 */
import { ValidationError, type Issue, type Warning } from '../errors.ts';
import type { RawDataValue } from './data-value-record.ts';
import { periodFromFhir } from './fhir-period.ts';

type Json = Readonly<Record<string, unknown>>;

/** The values read from MeasureReports, and what was skipped. */
export interface MeasureReportValues {
  readonly values: readonly RawDataValue[];
  /** e.g. Bundle entries that are not MeasureReports. */
  readonly warnings: readonly Warning[];
}

const obj = (x: unknown): Json | undefined =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : undefined;
const list = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);
const text = (x: unknown): string | undefined =>
  typeof x === 'string' && x !== '' ? x : undefined;

/** A CodeableConcept's code: its first coding's code, else its text. */
function conceptCode(concept: unknown): string | undefined {
  const c = obj(concept);
  return text(obj(list(c?.coding)[0])?.code) ?? text(c?.text);
}

const PLACE_TYPES = ['Location', 'Organization'];

/** An org unit identifier from a Reference, or the reason there is none. */
function placeOf(reference: unknown, report: Json): { id: string } | { reason: string } {
  const ref = obj(reference);
  const identifier = text(obj(ref?.identifier)?.value);
  if (identifier !== undefined) {
    return { id: identifier };
  }
  const target = text(ref?.reference);
  if (target === undefined) {
    return { reason: 'has no reference or identifier' };
  }
  if (target.startsWith('#')) {
    const contained = list(report.contained)
      .map(obj)
      .find((r) => r?.id === target.slice(1));
    const id = text(obj(list(contained?.identifier)[0])?.value);
    return id !== undefined
      ? { id }
      : {
          reason: `${target} is a contained ${text(contained?.resourceType) ?? 'resource'} without an identifier`,
        };
  }
  const parts = target.replace(/\/_history\/[^/]+$/, '').split('/');
  const [type, id] = parts.slice(-2);
  return PLACE_TYPES.includes(type) && text(id) !== undefined
    ? { id }
    : { reason: `${target} is not a Location or Organization` };
}

/** Splits `A:B` / `a:b` into two categories when both sides have the same number of parts. */
function categoriesOf(stratifier: Json, stratum: Json): Record<string, string> | string {
  const components = list(stratum.component).map(obj);
  if (components.length > 0) {
    const options: Record<string, string> = {};
    for (const component of components) {
      const category = conceptCode(component?.code);
      const option = conceptCode(component?.value);
      if (category === undefined || option === undefined) {
        return 'has a component without a code or value';
      }
      options[category] = option;
    }
    return options;
  }
  const codes = list(stratifier.code).map(conceptCode);
  const option = conceptCode(stratum.value);
  if (codes.length !== 1 || codes[0] === undefined || option === undefined) {
    return 'needs one stratifier code and a stratum value, or stratum components';
  }
  const categories = codes[0].split(':');
  const options = option.split(':');
  if (categories.length !== options.length) {
    return { [codes[0]]: option };
  }
  return Object.fromEntries(categories.map((c, i) => [c, options[i]]));
}

/** The value of a group or stratum, or the reason there is none. */
function valueOf(node: Json, individual: boolean): string | { reason: string } {
  const score = obj(node.measureScore)?.value;
  if (!individual && typeof score === 'number') {
    return String(score);
  }
  const populations = list(node.population).map(obj);
  const chosen =
    populations.length === 1
      ? populations[0]
      : populations.find((p) => conceptCode(p?.code) === 'numerator');
  const count = chosen?.count;
  if (typeof count === 'number') {
    return String(count);
  }
  const codes = populations.map((p) => conceptCode(p?.code) ?? '?').join(', ');
  return {
    reason:
      populations.length === 0
        ? 'has no measureScore and no population count'
        : `has populations ${codes} but no measureScore or numerator count to import`,
  };
}

interface Draft extends Omit<RawDataValue, 'row'> {
  readonly key: string;
}

function readReport(report: Json, at: string, drafts: Draft[], issues: Issue[]): void {
  const fail = (field: string, message: string): void => {
    issues.push({ field: `${at}${field}`, code: 'unsupported_measure_report', message });
  };
  const type = text(report.type);
  if (type === 'subject-list') {
    return fail(
      'type',
      'subject-list reports list the subjects in each population; import the summary or individual reports instead',
    );
  }
  if (type === 'data-collection' || type === 'data-exchange') {
    return fail(
      'type',
      `${type} reports carry the data a measure is computed from, not its results`,
    );
  }
  if (type !== 'summary' && type !== 'individual') {
    return fail('type', `type ${JSON.stringify(report.type)} is not summary or individual`);
  }
  if (report.status === 'error') {
    fail('status', 'the report says its measure could not be computed (status error)');
  }
  let period: string | undefined;
  try {
    period = periodFromFhir(obj(report.period) ?? {}, `${at}period`).id;
  } catch (error) {
    if (!(error instanceof ValidationError)) {
      throw error;
    }
    issues.push(...error.issues);
  }
  const subject = placeOf(report.subject, report);
  const place = 'id' in subject ? subject : placeOf(report.reporter, report);
  if ('reason' in place) {
    fail('reporter', `no org unit: the subject is not a place and the reporter ${place.reason}`);
  }
  const orgUnit = 'id' in place ? place.id : undefined;
  const individual = type === 'individual';
  list(report.group).forEach((g, gi) => {
    const group = obj(g) ?? {};
    const name = `group[${gi}]${text(group.id) === undefined ? '' : ` (${String(group.id)})`}`;
    const dataElement = conceptCode(group.code);
    if (dataElement === undefined) {
      return fail(
        `group[${gi}].code`,
        `${name} has no code: mADX names the data element with group.code.coding[0].code`,
      );
    }
    const strata = list(group.stratifier).flatMap((s, si) =>
      list(obj(s)?.stratum).map((st, ti) => ({
        stratifier: obj(s) ?? {},
        stratum: obj(st) ?? {},
        path: `group[${gi}].stratifier[${si}].stratum[${ti}]`,
      })),
    );
    const nodes =
      strata.length > 0
        ? strata
        : [{ stratifier: undefined, stratum: group, path: `group[${gi}]` }];
    for (const { stratifier, stratum, path } of nodes) {
      const value = valueOf(stratum, individual);
      const categories = stratifier === undefined ? undefined : categoriesOf(stratifier, stratum);
      if (typeof value !== 'string') {
        fail(path, `${path} ${value.reason}`);
      } else if (typeof categories === 'string') {
        fail(path, `${path} ${categories}`);
      } else {
        const options =
          categories === undefined
            ? ''
            : JSON.stringify(
                Object.entries(categories).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
              );
        drafts.push({
          key: `${dataElement}\u0000${period}\u0000${orgUnit}\u0000${options}`,
          dataElement,
          period,
          orgUnit,
          ...(categories === undefined ? {} : { categoryOptions: categories }),
          value,
        });
      }
    }
  });
}

/** Sums individual reports' counts per data element, period, org unit and stratum. */
function sumIndividuals(drafts: readonly Draft[]): Draft[] {
  const sums = new Map<string, Draft>();
  for (const draft of drafts) {
    const seen = sums.get(draft.key);
    sums.set(
      draft.key,
      seen === undefined
        ? draft
        : { ...seen, value: String(Number(seen.value) + Number(draft.value)) },
    );
  }
  return [...sums.values()];
}

/**
 * Reads FHIR R4 MeasureReports as data values (mapping in this module's header).
 *
 * @param resource - A parsed MeasureReport or Bundle.
 * @returns The values, numbered by `row` in order, plus warnings for skipped Bundle entries.
 * @throws ValidationError (`unsupported_measure_report`, `invalid_fhir_period`) naming the
 *   element path of every problem (`entry[0].resource.group[1].code`); nothing is read then.
 */
export function fromFhirMeasureReports(resource: unknown): MeasureReportValues {
  const root = obj(resource);
  const warnings: Warning[] = [];
  const reports: [Json, string][] = [];
  if (root?.resourceType === 'MeasureReport') {
    reports.push([root, '']);
  } else if (root?.resourceType === 'Bundle') {
    list(root.entry).forEach((entry, i) => {
      const r = obj(obj(entry)?.resource);
      if (r?.resourceType === 'MeasureReport') {
        reports.push([r, `entry[${i}].resource.`]);
      } else {
        warnings.push({
          code: 'skipped_resource',
          message: `entry[${i}] is a ${text(r?.resourceType) ?? 'non-resource'}, not a MeasureReport: skipped`,
        });
      }
    });
  }
  if (reports.length === 0) {
    throw ValidationError.of(
      'resourceType',
      'unsupported_measure_report',
      'Expected a FHIR MeasureReport or a Bundle of MeasureReports',
    );
  }
  const summaries: Draft[] = [];
  const individuals: Draft[] = [];
  const issues: Issue[] = [];
  for (const [report, at] of reports) {
    readReport(report, at, report.type === 'individual' ? individuals : summaries, issues);
  }
  if (issues.length > 0) {
    const name =
      reports.length === 1
        ? `MeasureReport ${text(reports[0][0].id) ?? ''}`.trim()
        : 'The MeasureReports';
    throw new ValidationError(
      `${name} cannot be imported: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  }
  const values = [...summaries, ...sumIndividuals(individuals)].map(
    ({ key: _key, ...value }, i) => ({ row: i + 1, ...value }),
  );
  return { values, warnings };
}
