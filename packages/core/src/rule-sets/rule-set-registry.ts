/**
 * The presets Sankofa ships, lookup by id, and variants built from a preset by overriding some of
 * its parameters. A variant gets its own id and a version naming its overrides, so a stored
 * signal always says exactly which rules produced it.
 */
import { ValidationError } from '../errors.ts';
import { ANHOEJ_FAMILY, ANHOEJ_PRESET } from './anhoej-preset.ts';
import { IHI_RUN_FAMILY, IHI_RUN_PRESET } from './ihi-run-preset.ts';
import { MDC_2024_PRESET, MDC_CLASSIC_7_PRESET, MDC_FAMILY } from './mdc-presets.ts';
import type { PresetFamily } from './preset-family.ts';
import type {
  BuiltInRuleSetId,
  RuleParameterValue,
  RuleSetFamily,
  RuleSetPreset,
} from './rule-set-types.ts';

/** Every built-in preset by id. */
export const RULE_SET_PRESETS: Readonly<Record<BuiltInRuleSetId, RuleSetPreset>> = Object.freeze({
  anhoej: ANHOEJ_PRESET,
  'ihi-run': IHI_RUN_PRESET,
  'mdc-2024': MDC_2024_PRESET,
  'mdc-classic-7': MDC_CLASSIC_7_PRESET,
});

/** The preset used when none is chosen. */
export const DEFAULT_RULE_SET: BuiltInRuleSetId = 'anhoej';

const FAMILIES: Readonly<Record<RuleSetFamily, PresetFamily>> = {
  anhoej: ANHOEJ_FAMILY,
  'ihi-run': IHI_RUN_FAMILY,
  mdc: MDC_FAMILY,
};

/** Whether `id` names a built-in preset. */
export function isBuiltInRuleSetId(id: string): id is BuiltInRuleSetId {
  return Object.hasOwn(RULE_SET_PRESETS, id);
}

/**
 * The built-in preset with this id.
 * @param id - A preset id such as `anhoej` or `mdc-2024`.
 * @returns The preset.
 * @throws ValidationError for an unknown id; the message lists the known ids.
 * @example
 * getRuleSetPreset('mdc-2024').evaluate(series).findings;
 */
export function getRuleSetPreset(id: string): RuleSetPreset {
  if (isBuiltInRuleSetId(id)) {
    return RULE_SET_PRESETS[id];
  }
  const known = Object.keys(RULE_SET_PRESETS).join(', ');
  throw ValidationError.of(
    'ruleSet',
    'unknown_rule_set',
    `Unknown rule set "${id}"; known: ${known}`,
  );
}

/** Naming of a variant. */
export interface MakeRuleSetOptions {
  /** Id of the variant; default `<base id>-custom`. Must not be a built-in id. */
  readonly id?: string;
  /** Display name; default `<base name> (custom)`. */
  readonly name?: string;
}

/** Canonical `key=value` list of the parameters that differ from the base, sorted by key. */
function describeChanges(
  base: RuleSetPreset,
  overrides: Readonly<Record<string, RuleParameterValue>>,
): string {
  return Object.keys(overrides)
    .filter((key) => overrides[key] !== base.parameters[key])
    .sort()
    .map((key) => `${key}=${String(overrides[key])}`)
    .join(',');
}

/**
 * A variant of a preset with some parameters changed.
 * @param base - The preset to start from (built-in or itself a variant).
 * @param overrides - Parameters to change; each must be one the base's family understands.
 * @param options - Id and name of the variant.
 * @returns A new preset. Its version is the base version plus the changed parameters, e.g.
 *   `2024.1+shiftLength=7,trendLength=7`; with no change it keeps the base version.
 * @throws ValidationError for an unknown or out-of-range parameter, or a built-in id.
 * @example
 * const mdc7 = makeRuleSet(getRuleSetPreset('mdc-2024'), { shiftLength: 7, trendLength: 7 });
 * mdc7.id; // 'mdc-2024-custom'
 */
export function makeRuleSet(
  base: RuleSetPreset,
  overrides: Readonly<Record<string, RuleParameterValue>>,
  options: MakeRuleSetOptions = {},
): RuleSetPreset {
  const id = options.id ?? `${base.id}-custom`;
  if (isBuiltInRuleSetId(id)) {
    throw ValidationError.of('id', 'reserved_rule_set_id', `"${id}" is a built-in rule set id`);
  }
  if (id.trim() === '') {
    throw ValidationError.of('id', 'required', 'A rule set id must not be empty');
  }
  const changes = describeChanges(base, overrides);
  return FAMILIES[base.family].create(
    {
      id,
      version: changes === '' ? base.version : `${base.version}+${changes}`,
      name: options.name ?? `${base.name} (custom)`,
      source: base.source,
      derivedFrom: { id: base.id, version: base.version },
    },
    { ...base.parameters, ...overrides },
  );
}
