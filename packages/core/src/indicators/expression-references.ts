/**
 * What an indicator expression refers to, so a caller can load exactly those inputs: data
 * items, constants `C{…}`, org-unit groups `OUG{…}` and whether it uses `[days]`.
 */
import type { DataItemRef, ExpressionNode } from './expression-ast.ts';
import { collectDataItems } from './expression-parser.ts';

export interface ExpressionReferences {
  readonly dataItems: readonly DataItemRef[];
  /** Distinct constant ids, in order of first appearance. */
  readonly constantIds: readonly string[];
  /** Distinct org-unit group ids, in order of first appearance. */
  readonly orgUnitGroupIds: readonly string[];
  readonly usesDays: boolean;
}

function walk(node: ExpressionNode, visit: (n: ExpressionNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'unary':
      walk(node.operand, visit);
      break;
    case 'binary':
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case 'call':
      node.args.forEach((arg) => walk(arg, visit));
      break;
    case 'number':
    case 'dataItem':
    case 'constant':
    case 'orgUnitGroupCount':
    case 'days':
      break;
  }
}

/**
 * The references of one or more expressions (e.g. an indicator's numerator and denominator).
 *
 * @example collectReferences(parseExpression('#{fbfJHSPpUQD}*C{Gfd3ppDfq8E}')).constantIds
 */
export function collectReferences(...nodes: readonly ExpressionNode[]): ExpressionReferences {
  const constants = new Set<string>();
  const groups = new Set<string>();
  let usesDays = false;
  for (const node of nodes) {
    walk(node, (n) => {
      if (n.kind === 'constant') {
        constants.add(n.id);
      } else if (n.kind === 'orgUnitGroupCount') {
        groups.add(n.id);
      } else if (n.kind === 'days') {
        usesDays = true;
      }
    });
  }
  return {
    dataItems: nodes.flatMap(collectDataItems),
    constantIds: [...constants],
    orgUnitGroupIds: [...groups],
    usesDays,
  };
}
