/**
 * Builds a `RuleSetResult` from a preset's findings: the signal flag and, per point, the rules
 * that flagged it.
 */
import type { RuleFinding, RuleId, RuleSetResult, RuleSetWarning } from './rule-set-types.ts';

const NO_RULES: readonly RuleId[] = Object.freeze([]);
/** A point's rules when one rule flagged it: one shared, frozen list per rule. */
const ONE_RULE = new Map<RuleId, readonly RuleId[]>();

function oneRule(rule: RuleId): readonly RuleId[] {
  let rules = ONE_RULE.get(rule);
  if (rules === undefined) {
    rules = Object.freeze([rule]);
    ONE_RULE.set(rule, rules);
  }
  return rules;
}

/**
 * Assembles the result of one evaluation.
 * @param preset - Id and version of the preset that ran.
 * @param n - Number of points in the series.
 * @param findings - Findings in the preset's rule order.
 * @param warnings - Caveats on the result.
 */
export function assembleResult(
  preset: { readonly id: string; readonly version: string },
  n: number,
  findings: readonly RuleFinding[],
  warnings: readonly RuleSetWarning[],
): RuleSetResult {
  // Most points have no rule and share one empty list; a point flagged by one rule shares that
  // rule's list; a point gets a list of its own on its second rule.
  const pointRules = new Array<readonly RuleId[]>(n).fill(NO_RULES);
  for (const finding of findings) {
    for (const i of finding.points) {
      const rules = pointRules[i];
      if (rules === NO_RULES) {
        pointRules[i] = oneRule(finding.rule);
      } else if (!rules.includes(finding.rule)) {
        pointRules[i] = [...rules, finding.rule];
      }
    }
  }
  return {
    preset: preset.id,
    version: preset.version,
    findings,
    signal: findings.length > 0,
    pointRules,
    warnings,
  };
}

/**
 * A warning with a stable code, numbers for `web`, and an English sentence for logs.
 * @param code - snake_case code, e.g. `runs_table_out_of_range`.
 * @param message - English sentence for logs and the CLI.
 * @param values - The numbers `web` puts into its translated sentence.
 */
export function ruleWarning(
  code: string,
  message: string,
  values: Readonly<Record<string, number>>,
): RuleSetWarning {
  return { code, message, values };
}
