/**
 * Resolves a value's category option combo and attribute option combo: by identifier, by the
 * ADX/FHIR map of category → option (the combo whose options are exactly those, preferring the
 * data element's or data set's category combo), or DHIS2's default combo.
 */
import type { RawDataValue } from '@sankofa/core';
import { DEFAULT_COMBO_ID } from '../write-data-value.ts';
import { CONFLICT_CODES as C, type ValueProblem } from './conflicts.ts';
import {
  optionSetKey,
  type IndexedDataElement,
  type IndexedDataSet,
  type IndexedOptionCombo,
  type SchemeLookup,
} from './metadata-index.ts';
import { problem, text, type ResolveContext } from './resolve-types.ts';

/** Resolves `{ category → option }` to the option combo whose options are exactly those. */
function comboFromOptions(
  ctx: ResolveContext,
  options: Readonly<Record<string, string>>,
  lookup: SchemeLookup<IndexedOptionCombo>,
  categoryComboId: string | null,
): IndexedOptionCombo | string {
  const optionIds: string[] = [];
  for (const [category, option] of Object.entries(options)) {
    if (ctx.index.categories.find(ctx.schemes.category, category) === undefined) {
      return `category \`${category}\` not found`;
    }
    const found = ctx.index.categoryOptions.find(ctx.schemes.categoryOption, option);
    if (found === undefined) {
      return `category option \`${option}\` of category \`${category}\` not found`;
    }
    optionIds.push(found.id);
  }
  const candidates = (ctx.index.combosByOptions.get(optionSetKey(optionIds)) ?? [])
    .map((id) => lookup.find('uid', id))
    .filter((c): c is IndexedOptionCombo => c !== undefined);
  const match =
    candidates.find((c) => c.categoryComboId === categoryComboId) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  const named = Object.entries(options)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return match ?? `no option combo has exactly the options ${named}`;
}

export function resolveCoc(
  ctx: ResolveContext,
  raw: RawDataValue,
  de: IndexedDataElement,
): IndexedOptionCombo | { ok: false; problem: ValueProblem } {
  const lookup = ctx.index.categoryOptionCombos;
  const given = text(raw.categoryOptionCombo);
  if (given !== undefined) {
    const coc = lookup.find(ctx.schemes.categoryOptionCombo, given);
    return (
      coc ??
      problem(
        C.categoryOptionComboNotFound,
        'categoryOptionCombo',
        given,
        `Category option combo not found or not accessible for writing data: \`${given}\``,
      )
    );
  }
  if (raw.categoryOptions !== undefined && Object.keys(raw.categoryOptions).length > 0) {
    const coc = comboFromOptions(ctx, raw.categoryOptions, lookup, de.categoryComboId);
    if (typeof coc === 'string') {
      const object = Object.values(raw.categoryOptions).join(',');
      return problem(
        C.categoryOptionComboNotFound,
        'categoryOptionCombo',
        object,
        `Category option combo not found or not accessible for writing data: ${coc}`,
      );
    }
    return coc;
  }
  return (
    lookup.find('uid', DEFAULT_COMBO_ID) ??
    problem(
      C.categoryOptionComboNotFound,
      'categoryOptionCombo',
      DEFAULT_COMBO_ID,
      'The default category option combo does not exist',
    )
  );
}

function aocNotFound(object: string, detail: string): { ok: false; problem: ValueProblem } {
  return problem(
    C.attributeOptionComboNotFound,
    'attributeOptionCombo',
    object,
    `Attribute option combo not found or not accessible for writing data: ${detail}`,
  );
}

export function resolveAoc(
  ctx: ResolveContext,
  raw: RawDataValue,
  dataSet: IndexedDataSet | undefined,
): IndexedOptionCombo | { ok: false; problem: ValueProblem } {
  if (ctx.header.attributeOptionCombo !== undefined) {
    return ctx.header.attributeOptionCombo;
  }
  const lookup = ctx.index.attributeOptionCombos;
  const given = text(raw.attributeOptionCombo);
  if (given !== undefined) {
    return (
      lookup.find(ctx.schemes.attributeOptionCombo, given) ?? aocNotFound(given, `\`${given}\``)
    );
  }
  const options = raw.attributeOptions ?? ctx.header.attributeOptions;
  if (options !== undefined && Object.keys(options).length > 0) {
    const aoc = comboFromOptions(ctx, options, lookup, dataSet?.categoryComboId ?? null);
    return typeof aoc === 'string' ? aocNotFound(Object.values(options).join(','), aoc) : aoc;
  }
  return (
    lookup.find('uid', DEFAULT_COMBO_ID) ??
    aocNotFound(DEFAULT_COMBO_ID, 'the default combo does not exist')
  );
}
