/**
 * Evaluates a parsed indicator expression.
 *
 * Missing-data rule (DHIS2's default for indicators, SKIP_IF_ALL_VALUES_MISSING): when every
 * data item in the expression has no data, the expression has no value (null); otherwise
 * missing items count as 0. `isNull`, `isNotNull` and `firstNonNull` see the raw missing value.
 * Division by zero gives no value (null), never Infinity.
 */
import type { DataItemRef, ExpressionNode } from './expression-ast.ts';
import { collectDataItems } from './expression-parser.ts';

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

const num = (v: Value): number => (v === null ? 0 : v);
const bool = (b: boolean): number => (b ? 1 : 0);

function evaluateNode(node: ExpressionNode, inputs: ExpressionInputs): Value {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'dataItem':
      return inputs.dataItem(node);
    case 'constant':
      return inputs.constant?.(node.id) ?? NaN;
    case 'orgUnitGroupCount':
      return inputs.orgUnitGroupCount?.(node.id) ?? NaN;
    case 'days':
      return inputs.days ?? NaN;
    case 'unary': {
      const v = num(evaluateNode(node.operand, inputs));
      return node.operator === '-'
        ? -v
        : node.operator === '+'
          ? v
          : Number.isNaN(v)
            ? NaN
            : bool(v === 0);
    }
    case 'binary': {
      const a = num(evaluateNode(node.left, inputs));
      const b = num(evaluateNode(node.right, inputs));
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
      const raw = node.args.map((arg) => evaluateNode(arg, inputs));
      switch (node.name) {
        case 'if':
          return num(raw[0]) !== 0 ? raw[1] : raw[2];
        case 'isNull':
          return bool(raw[0] === null);
        case 'isNotNull':
          return bool(raw[0] !== null);
        case 'firstNonNull':
          return raw.find((v) => v !== null) ?? null;
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
  const items = collectDataItems(node);
  if (items.length > 0 && items.every((item) => inputs.dataItem(item) === null)) {
    return null;
  }
  const value = evaluateNode(node, inputs);
  return value === null ? 0 : Number.isFinite(value) ? value : null;
}
