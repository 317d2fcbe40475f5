/**
 * Describes and checks a preset family's parameters, so a variant made with `makeRuleSet` can
 * only change what the family's evaluator understands, within sensible bounds.
 */
import { ValidationError, type Issue } from '../errors.ts';
import type { RuleParameters } from './rule-set-types.ts';

/** One parameter: its kind, its bounds or allowed values, and what it means. */
export type ParameterSpec =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number; readonly doc: string }
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly doc: string }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly doc: string }
  | { readonly kind: 'boolean'; readonly doc: string };

/** A family's parameters by name. */
export type ParameterSchema = Readonly<Record<string, ParameterSpec>>;

/** The typed parameter object a schema describes. */
export type ParametersOf<S extends ParameterSchema> = {
  readonly [K in keyof S]: S[K] extends {
    readonly kind: 'enum';
    readonly values: readonly (infer V)[];
  }
    ? V
    : S[K] extends { readonly kind: 'boolean' }
      ? boolean
      : number;
};

function checkValue(key: string, spec: ParameterSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'integer':
    case 'number': {
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (spec.kind === 'number' || Number.isInteger(value)) &&
        value >= spec.min &&
        value <= spec.max;
      return ok
        ? null
        : `${key} must be ${spec.kind === 'integer' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}, got ${String(value)}`;
    }
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? null
        : `${key} must be one of ${spec.values.join(', ')}, got ${String(value)}`;
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : `${key} must be true or false, got ${String(value)}`;
  }
}

/**
 * Checks a full set of parameters against a schema.
 * @param schema - The family's parameter schema.
 * @param raw - Every parameter of the preset (base values merged with overrides).
 * @returns The parameters, typed.
 * @throws ValidationError listing every unknown, missing or out-of-range parameter.
 */
export function parseParameters<S extends ParameterSchema>(
  schema: S,
  raw: Readonly<Record<string, unknown>>,
): ParametersOf<S> {
  const issues: Issue[] = [];
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(schema, key)) {
      const known = Object.keys(schema).join(', ');
      issues.push({
        field: key,
        code: 'unknown_parameter',
        message: `Unknown parameter ${key}; known: ${known}`,
      });
    }
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (!Object.hasOwn(raw, key)) {
      issues.push({ field: key, code: 'required', message: `${key} is required` });
      continue;
    }
    const problem = checkValue(key, spec, raw[key]);
    if (problem !== null) {
      issues.push({ field: key, code: 'invalid_parameter', message: problem });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid rule-set parameters: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) {
    out[key] = raw[key];
  }
  // Every key was checked against its spec above, which is exactly what ParametersOf<S> states.
  return out as ParametersOf<S>;
}

/** The parameters as stored on a preset: a frozen plain record. */
export function freezeParameters(params: Readonly<Record<string, unknown>>): RuleParameters {
  const out: Record<string, number | string | boolean> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      out[key] = value;
    }
  }
  return Object.freeze(out);
}
