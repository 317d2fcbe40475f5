/**
 * FHIR R4 MeasureReports out, the mirror of the reader in `@sankofa/core`'s
 * `fhir-measure-report.ts` (IHE QRPH mADX), so that an export re-imports to the same values:
 *
 * - a `collection` Bundle of `summary` MeasureReports, one per data element × org unit × period
 *   (× attribute option combo, when values carry one other than the default);
 * - **data element** → `group.code.coding[0].code`;
 * - **org unit** → `reporter.identifier.value`;
 * - **period** → `period.start`/`end`, the period's first and last days;
 * - **category option combo** → a stratum whose `component`s are the combo's categories
 *   (`code`) and options (`value`), under a stratifier coded with those categories; the default
 *   combo has no stratum and its value is the group's `measureScore`. A combo whose options are
 *   not known is written as the one component `categoryOptionCombo` = the combo's identifier;
 * - **value** → `measureScore.value`, a number: values that are not numbers, and deleted
 *   values, have no place in a MeasureReport and are skipped (`onSkip` says which);
 * - a non-default **attribute option combo** → the extension `urn:sankofa:attributeOptionCombo`
 *   (mADX has no place for it and the reader does not read it).
 */
import { parsePeriodId, toFhirPeriod } from '@sankofa/core';
import type { ExportedDataValue } from './exported-data-value.ts';

/** One category of an option combo and the option it takes. */
export interface CategoryOptionPair {
  readonly category: string;
  readonly option: string;
}

export interface FhirWriterOptions {
  /**
   * The categories and options of an option combo, in the category combo's order: `[]` for a
   * default combo, `undefined` when not known.
   */
  readonly categoryOptions: (optionCombo: string) => readonly CategoryOptionPair[] | undefined;
  /** Told of each value the format cannot carry. */
  readonly onSkip?: (value: ExportedDataValue, reason: string) => void;
}

/** The extension that carries a non-default attribute option combo. */
export const ATTRIBUTE_OPTION_COMBO_EXTENSION = 'urn:sankofa:attributeOptionCombo';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Json = Record<string, unknown>;
const concept = (code: string): Json => ({ coding: [{ code }] });

function pairsOf(options: FhirWriterOptions, combo: string): readonly CategoryOptionPair[] {
  return options.categoryOptions(combo) ?? [{ category: 'categoryOptionCombo', option: combo }];
}

/**
 * The groups of one report: one per set of categories (usually one), and one per value of a
 * default option combo (normally one; the reader reads each group's score as a value).
 */
function groupsOf(values: readonly ExportedDataValue[], options: FhirWriterOptions): Json[] {
  const code = concept(values[0].dataElement);
  const groups: Json[] = [];
  const stratified = new Map<string, { categories: string[]; strata: Json[] }>();
  for (const v of values) {
    const pairs = pairsOf(options, v.categoryOptionCombo);
    const measureScore = { value: Number(v.value) };
    if (pairs.length === 0) {
      groups.push({ code, measureScore });
      continue;
    }
    const categories = pairs.map((p) => p.category);
    const key = JSON.stringify(categories);
    let group = stratified.get(key);
    if (group === undefined) {
      group = { categories, strata: [] };
      stratified.set(key, group);
      groups.push({
        code,
        stratifier: [{ code: categories.map(concept), stratum: group.strata }],
      });
    }
    group.strata.push({
      component: pairs.map((p) => ({ code: concept(p.category), value: concept(p.option) })),
      measureScore,
    });
  }
  return groups;
}

function report(values: readonly ExportedDataValue[], options: FhirWriterOptions): Json {
  const { dataElement, orgUnit, period, attributeOptionCombo } = values[0];
  const aoc = options.categoryOptions(attributeOptionCombo);
  return {
    resourceType: 'MeasureReport',
    ...(aoc !== undefined && aoc.length === 0
      ? {}
      : {
          extension: [{ url: ATTRIBUTE_OPTION_COMBO_EXTENSION, valueString: attributeOptionCombo }],
        }),
    status: 'complete',
    type: 'summary',
    measure: `urn:sankofa:dataElement:${dataElement}`,
    reporter: { identifier: { value: orgUnit } },
    period: toFhirPeriod(parsePeriodId(period)),
    group: groupsOf(values, options),
  };
}

/** The reports of one data element × period × org unit, split by attribute option combo. */
function* reportsOf(values: readonly ExportedDataValue[], options: FhirWriterOptions) {
  const byAoc = new Map<string, ExportedDataValue[]>();
  for (const v of values) {
    const same = byAoc.get(v.attributeOptionCombo) ?? [];
    same.push(v);
    byAoc.set(v.attributeOptionCombo, same);
  }
  for (const same of byAoc.values()) {
    yield report(same, options);
  }
}

/**
 * Writes values as a Bundle of MeasureReports, a chunk per report. Values must come ordered so
 * that those of one data element, period and org unit are next to each other (the exporter's
 * key order does that); only one such run is held in memory.
 */
export async function* writeFhirMeasureReports(
  values: AsyncIterable<ExportedDataValue>,
  options: FhirWriterOptions,
): AsyncGenerator<string> {
  yield '{"resourceType":"Bundle","type":"collection","entry":[';
  let run: ExportedDataValue[] = [];
  let first = true;
  const flush = function* (): Generator<string> {
    for (const resource of reportsOf(run, options)) {
      yield (first ? '' : ',') + JSON.stringify({ resource });
      first = false;
    }
    run = [];
  };
  for await (const v of values) {
    if (v.deleted || v.value === null || !NUMBER.test(v.value)) {
      options.onSkip?.(v, v.deleted ? 'deleted' : 'not a number');
      continue;
    }
    const head = run[0];
    if (
      head !== undefined &&
      (head.dataElement !== v.dataElement || head.period !== v.period || head.orgUnit !== v.orgUnit)
    ) {
      yield* flush();
    }
    run.push(v);
  }
  if (run.length > 0) {
    yield* flush();
  }
  yield ']}\n';
}
