/**
 * Evaluates a parsed indicator expression.
 *
 * Missing-data rule: SKIP_IF_ALL_VALUES_MISSING, which dhis2-core
 * `DefaultExpressionService.getIndicatorValueObject` applies to an indicator's numerator and to
 * its denominator separately: when every data item met during evaluation has no data, the
 * expression has no value (null); otherwise a missing item counts as 0 once an operator uses
 * it. `if` and `firstNonNull` evaluate lazily as DHIS2's do, so items of a branch not taken
 * are not met (DHIS2 `CommonExpressionVisitor` itemsFound / itemValuesFound). `isNull`, `isNotNull`, `firstNonNull`, `greatest`, `least` and the branches of `if` see
 * the raw missing value (as DHIS2's functions do). An expression without data items (`1`,
 * `C{…}`) always has a value.
 *
 * No value (null) rather than a number: division or `%` by zero (never Infinity), an unknown
 * constant `C{…}` or group `OUG{…}`, `[days]` without a period. DHIS2 itself rejects unknown
 * constants when the indicator is saved.
 */
import type { DataItemRef, ExpressionNode } from './expression-ast.ts';

/** Where an evaluation gets its inputs. Missing data is `null`. */
export interface ExpressionInputs {
  /** The aggregated value of a data item for the org unit and period evaluated. */
  dataItem(ref: DataItemRef): number | null;
  /** The value of a constant `C{id}`; undefined when unknown. */
  constant?(id: string): number | undefined;
  /** The number of org units in group `id` within the org unit evaluated. */
  orgUnitGroupCount?(id: string): number | undefined;
  /** Days in the period evaluated, for `[days]`. */
  days?: number;
}

// NaN marks "no value" inside the evaluation (it propagates through arithmetic); null marks
// "missing data item" until an operator turns it into 0.
type Value = number | null;

/** Data items met while evaluating, and how many had data (DHIS2 `itemsFound` / `itemValuesFound`). */
interface Tally {
  found: number;
  present: number;
}

const num = (v: Value): number => (v === null ? 0 : v);
const bool = (b: boolean): number => (b ? 1 : 0);

function evaluateNode(node: ExpressionNode, inputs: ExpressionInputs, tally: Tally): Value {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'dataItem': {
      const value = inputs.dataItem(node);
      tally.found++;
      if (value !== null) {
        tally.present++;
      }
      return value;
    }
    case 'constant':
      return inputs.constant?.(node.id) ?? NaN;
    case 'orgUnitGroupCount':
      return inputs.orgUnitGroupCount?.(node.id) ?? NaN;
    case 'days':
      return inputs.days ?? NaN;
    case 'unary': {
      const v = num(evaluateNode(node.operand, inputs, tally));
      return node.operator === '-'
        ? -v
        : node.operator === '+'
          ? v
          : Number.isNaN(v)
            ? NaN
            : bool(v === 0);
    }
    case 'binary': {
      const a = num(evaluateNode(node.left, inputs, tally));
      const b = num(evaluateNode(node.right, inputs, tally));
      switch (node.operator) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0 ? NaN : a / b;
        case '%':
          return b === 0 ? NaN : a % b;
        case '^':
          return a ** b;
        case '<':
          return bool(a < b);
        case '<=':
          return bool(a <= b);
        case '>':
          return bool(a > b);
        case '>=':
          return bool(a >= b);
        case '==':
          return bool(a === b);
        case '!=':
          return bool(a !== b);
        case '&&':
          return bool(a !== 0 && b !== 0);
        case '||':
          return bool(a !== 0 || b !== 0);
      }
      break;
    }
    case 'call': {
      // `if` and `firstNonNull` evaluate lazily, as DHIS2: items of a branch not taken are not met.
      if (node.name === 'if') {
        const condition = num(evaluateNode(node.args[0], inputs, tally));
        return Number.isNaN(condition)
          ? NaN
          : evaluateNode(node.args[condition !== 0 ? 1 : 2], inputs, tally);
      }
      if (node.name === 'firstNonNull') {
        for (const arg of node.args) {
          const value = evaluateNode(arg, inputs, tally);
          if (value !== null) {
            return value;
          }
        }
        return null;
      }
      const raw = node.args.map((arg) => evaluateNode(arg, inputs, tally));
      switch (node.name) {
        case 'isNull':
          return bool(raw[0] === null);
        case 'isNotNull':
          return bool(raw[0] !== null);
        case 'greatest':
        case 'least': {
          const present = raw.filter((v): v is number => v !== null);
          if (present.length === 0) {
            return null;
          }
          return node.name === 'greatest' ? Math.max(...present) : Math.min(...present);
        }
      }
    }
  }
  return NaN;
}

/**
 * Evaluates `node`; returns null when the expression has no value (all data missing, division by
 * zero, unknown constant).
 */
export function evaluateExpression(node: ExpressionNode, inputs: ExpressionInputs): number | null {
  // One tally for every evaluation (a scan evaluates 1.5 million expressions); an evaluation
  // started from inside another (an input that evaluates an expression) puts the outer counts
  // back when it ends.
  const outerFound = TALLY.found;
  const outerPresent = TALLY.present;
  TALLY.found = 0;
  TALLY.present = 0;
  let value: Value;
  let found: number;
  let present: number;
  try {
    value = evaluateNode(node, inputs, TALLY);
    found = TALLY.found;
    present = TALLY.present;
  } finally {
    TALLY.found = outerFound;
    TALLY.present = outerPresent;
  }
  if (found > 0 && present === 0) {
    return null;
  }
  return value === null ? 0 : Number.isFinite(value) ? value : null;
}

const TALLY: Tally = { found: 0, present: 0 };
