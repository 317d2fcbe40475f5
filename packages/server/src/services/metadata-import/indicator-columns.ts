/**
 * What Sankofa adds to a DHIS2 indicator, chosen when the import creates it, and the check of
 * its expressions with core's parser.
 *
 * - kind, from the indicator type: factor 100 → `proportion`; factor 1 with `number` →
 *   `count`; any other factor (1 000, 10 000, 1 without `number`…) → `rate`.
 * - default chart, from the kind: `p` (proportion), `u` (rate), `c` (count). These charts assume
 *   the numerator (and denominator) are counts, so when an expression is anything but a sum of
 *   data items (functions, constants, products, `[days]`…) the chart is `run`, which assumes
 *   nothing about the distribution.
 * - desired direction `none`, not notifiable, no target, source `external`: a person decides
 *   those in Sankofa; a later import never overwrites them (see `import-indicators.ts`).
 */
import { ValidationError, parseExpression, type ExpressionNode } from '@sankofa/core';
import type { ReportBuilder } from './metadata-import-report.ts';
import type { IndicatorInput } from './metadata-objects.ts';

export type IndicatorKind = 'proportion' | 'rate' | 'count';

/** Sankofa's columns for a new indicator. */
export interface IndicatorSankofaColumns {
  readonly kind: IndicatorKind;
  readonly desiredDirection: 'none';
  readonly target: null;
  readonly defaultChartType: 'p' | 'u' | 'c' | 'run';
  readonly notifiable: 0;
  readonly source: 'external';
}

/** The kind an indicator type implies. */
export function kindOfIndicatorType(factor: number, number: boolean): IndicatorKind {
  if (factor === 100) {
    return 'proportion';
  }
  return factor === 1 && number ? 'count' : 'rate';
}

/** True for `#{a}`, `#{a.b} + #{c}`, `(…)` of those: counts that add up. */
function isSumOfDataItems(node: ExpressionNode): boolean {
  switch (node.kind) {
    case 'dataItem':
      return true;
    case 'binary':
      return node.operator === '+' && isSumOfDataItems(node.left) && isSumOfDataItems(node.right);
    case 'unary':
      return node.operator === '+' && isSumOfDataItems(node.operand);
    case 'call':
    case 'constant':
    case 'days':
    case 'number':
    case 'orgUnitGroupCount':
      return false;
  }
}

/** Sankofa's columns for a new indicator of this type with these (valid) expressions. */
export function chooseIndicatorColumns(
  numerator: ExpressionNode,
  denominator: ExpressionNode,
  factor: number,
  number: boolean,
): IndicatorSankofaColumns {
  const kind = kindOfIndicatorType(factor, number);
  const countsOnly =
    isSumOfDataItems(numerator) &&
    (kind === 'count'
      ? denominator.kind === 'number' && denominator.value === 1
      : isSumOfDataItems(denominator));
  const chart = !countsOnly ? 'run' : kind === 'proportion' ? 'p' : kind === 'rate' ? 'u' : 'c';
  return {
    kind,
    desiredDirection: 'none',
    target: null,
    defaultChartType: chart,
    notifiable: 0,
    source: 'external',
  };
}

/**
 * Parses an indicator's numerator and denominator; each invalid one is an error naming the
 * indicator and the field.
 *
 * @returns both trees, or null when either is invalid
 */
export function parseIndicatorExpressions(
  indicator: IndicatorInput,
  report: ReportBuilder,
): { numerator: ExpressionNode; denominator: ExpressionNode } | null {
  const parsed: Partial<Record<'numerator' | 'denominator', ExpressionNode>> = {};
  for (const field of ['numerator', 'denominator'] as const) {
    try {
      parsed[field] = parseExpression(indicator.row[field], field);
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        throw error;
      }
      report.error({
        objectType: 'indicator',
        id: indicator.row.id,
        field,
        code: error.issues[0]?.code ?? 'invalid_expression',
        message: `${field} of indicator "${indicator.row.id}" (${indicator.row.name}): ${error.message}`,
      });
    }
  }
  const { numerator, denominator } = parsed;
  return numerator === undefined || denominator === undefined ? null : { numerator, denominator };
}
