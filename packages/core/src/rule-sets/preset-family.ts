/**
 * What a preset family provides — a parameter schema and a way to build a preset from checked
 * parameters — and the one place a preset object is put together and frozen.
 */
import type { ParameterSchema } from './parameter-schema.ts';
import { freezeParameters } from './parameter-schema.ts';
import type { RuleSeries, RuleSetFamily, RuleSetPreset, RuleSetResult } from './rule-set-types.ts';

/** The descriptive part of a preset. */
export interface PresetMeta {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly source: string;
  readonly derivedFrom?: { readonly id: string; readonly version: string };
}

/** A family of presets sharing one evaluator. */
export interface PresetFamily {
  readonly family: RuleSetFamily;
  readonly schema: ParameterSchema;
  /**
   * Builds a preset.
   * @throws ValidationError when a parameter is unknown, missing or out of range.
   */
  create(meta: PresetMeta, parameters: Readonly<Record<string, unknown>>): RuleSetPreset;
}

/**
 * Puts a preset together and freezes it, so the registry cannot be changed by its users.
 * @param meta - Id, version, name, source.
 * @param family - The evaluator family.
 * @param parameters - The checked parameters, stored as data.
 * @param evaluate - The evaluator bound to those parameters.
 */
export function definePreset(
  meta: PresetMeta,
  family: RuleSetFamily,
  parameters: Readonly<Record<string, unknown>>,
  evaluate: (series: RuleSeries) => RuleSetResult,
): RuleSetPreset {
  const preset: RuleSetPreset = {
    id: meta.id,
    version: meta.version,
    name: meta.name,
    source: meta.source,
    family,
    parameters: freezeParameters(parameters),
    ...(meta.derivedFrom === undefined
      ? {}
      : { derivedFrom: Object.freeze({ ...meta.derivedFrom }) }),
    evaluate,
  };
  return Object.freeze(preset);
}
