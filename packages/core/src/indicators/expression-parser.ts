/**
 * Parser for DHIS2 indicator expressions (numerator / denominator syntax, as in DHIS2's
 * `expression.g4` grammar): data items `#{…}`, constants `C{…}`, org-unit group counts `OUG{…}`,
 * `[days]`, numbers, `+ - * / % ^`, comparisons, `&& || !`, parentheses and the functions in
 * `FUNCTION_NAMES`. Precedence, loosest first: `||`, `&&`, `== !=`, `< <= > >=`, `+ -`,
 * `* / %`, unary `- + !`, `^` (right-associative).
 */
import { ValidationError } from '../errors.ts';
import {
  FUNCTION_NAMES,
  type BinaryOperator,
  type DataItemRef,
  type ExpressionNode,
  type FunctionName,
} from './expression-ast.ts';

type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'item'; prefix: string; body: string; at: number }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'end'; at: number };

const OPERATORS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '<',
  '>',
  '!',
  '(',
  ')',
  ',',
];
const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

function fail(field: string, expression: string, at: number, message: string): never {
  throw ValidationError.of(
    field,
    'invalid_expression',
    `${message} at position ${at + 1} of "${expression}"`,
  );
}

function tokenize(expression: string, field: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const item = /^(#|C|OUG|R|D|A|I)\{([^}]*)\}/.exec(expression.slice(i));
    if (item !== null) {
      tokens.push({ kind: 'item', prefix: item[1], body: item[2].trim(), at: i });
      i += item[0].length;
      continue;
    }
    if (expression.startsWith('[days]', i)) {
      tokens.push({ kind: 'name', value: '[days]', at: i });
      i += 6;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(expression.slice(i));
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expression.slice(i));
    if (name !== null) {
      tokens.push({ kind: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => expression.startsWith(o, i));
    if (op === undefined) {
      fail(field, expression, i, `Unexpected character "${c}"`);
    }
    tokens.push({ kind: 'op', value: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: expression.length });
  return tokens;
}

function dataItem(body: string, fail: (m: string) => never): DataItemRef {
  const parts = body.split('.');
  if (parts.length > 3 || !UID.test(parts[0])) {
    fail(`Data item #{${body}} must be #{de}, #{de.coc} or #{de.coc.aoc} with 11-character ids`);
  }
  const combo = (p: string | undefined): string | null => {
    if (p === undefined || p === '*') {
      return null;
    }
    if (!UID.test(p)) {
      fail(`"${p}" in #{${body}} is not an 11-character id or *`);
    }
    return p;
  };
  return {
    dataElementId: parts[0],
    categoryOptionComboId: combo(parts[1]),
    attributeOptionComboId: combo(parts[2]),
  };
}

const LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

/**
 * Parses an indicator expression into a syntax tree.
 *
 * @param field - what to name in errors, e.g. `numerator`
 * @throws ValidationError with code `invalid_expression` naming the position
 * @example parseExpression('(#{fbfJHSPpUQD}-#{cYeuwXTCPkU})/#{fbfJHSPpUQD}')
 */
export function parseExpression(expression: string, field = 'expression'): ExpressionNode {
  if (expression.trim() === '') {
    fail(field, expression, 0, 'Empty expression');
  }
  const tokens = tokenize(expression, field);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const error = (message: string): never => fail(field, expression, peek().at, message);
  const isOp = (value: string): boolean => {
    const t = peek();
    return t.kind === 'op' && t.value === value;
  };
  const expect = (value: string): void => {
    if (!isOp(value)) {
      error(`Expected "${value}"`);
    }
    pos++;
  };

  const binary = (level: number): ExpressionNode => {
    if (level === LEVELS.length) {
      return unary();
    }
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.kind !== 'op' || !LEVELS[level].includes(t.value as BinaryOperator)) {
        return left;
      }
      pos++;
      left = {
        kind: 'binary',
        operator: t.value as BinaryOperator,
        left,
        right: binary(level + 1),
      };
    }
  };
  const unary = (): ExpressionNode => {
    const t = peek();
    if (t.kind === 'op' && (t.value === '-' || t.value === '+' || t.value === '!')) {
      pos++;
      return { kind: 'unary', operator: t.value, operand: unary() };
    }
    return power();
  };
  const power = (): ExpressionNode => {
    const base = primary();
    if (!isOp('^')) {
      return base;
    }
    pos++;
    return { kind: 'binary', operator: '^', left: base, right: unary() };
  };
  const primary = (): ExpressionNode => {
    const t = peek();
    pos++;
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.value };
      case 'item':
        if (t.prefix === '#') {
          return { kind: 'dataItem', ...dataItem(t.body, (m) => fail(field, expression, t.at, m)) };
        }
        if (t.prefix === 'C' || t.prefix === 'OUG') {
          if (!UID.test(t.body)) {
            fail(field, expression, t.at, `${t.prefix}{${t.body}} needs an 11-character id`);
          }
          return t.prefix === 'C'
            ? { kind: 'constant', id: t.body }
            : { kind: 'orgUnitGroupCount', id: t.body };
        }
        return fail(
          field,
          expression,
          t.at,
          `${t.prefix}{…} items (reporting rates, tracker data) are not supported in Sankofa indicators`,
        );
      case 'name': {
        if (t.value === '[days]') {
          return { kind: 'days' };
        }
        if (!(FUNCTION_NAMES as readonly string[]).includes(t.value)) {
          return fail(
            field,
            expression,
            t.at,
            `Unknown function "${t.value}"; known: ${FUNCTION_NAMES.join(', ')}`,
          );
        }
        expect('(');
        const args: ExpressionNode[] = [];
        if (!isOp(')')) {
          args.push(binary(0));
          while (isOp(',')) {
            pos++;
            args.push(binary(0));
          }
        }
        expect(')');
        const name = t.value as FunctionName;
        const arity = {
          if: [3, 3],
          isNull: [1, 1],
          isNotNull: [1, 1],
          firstNonNull: [1, 99],
          greatest: [1, 99],
          least: [1, 99],
        }[name];
        if (args.length < arity[0] || args.length > arity[1]) {
          fail(
            field,
            expression,
            t.at,
            `${name}() takes ${arity[0] === arity[1] ? arity[0] : `at least ${arity[0]}`} argument(s), got ${args.length}`,
          );
        }
        return { kind: 'call', name, args };
      }
      case 'op':
        if (t.value === '(') {
          const inner = binary(0);
          expect(')');
          return inner;
        }
        return fail(field, expression, t.at, `Unexpected "${t.value}"`);
      case 'end':
        return fail(field, expression, t.at, 'Unexpected end of expression');
    }
  };

  const tree = binary(0);
  if (peek().kind !== 'end') {
    error('Unexpected text after the expression');
  }
  return tree;
}

/** Every data item an expression refers to, in order of appearance. */
export function collectDataItems(node: ExpressionNode): DataItemRef[] {
  switch (node.kind) {
    case 'dataItem':
      return [
        {
          dataElementId: node.dataElementId,
          categoryOptionComboId: node.categoryOptionComboId,
          attributeOptionComboId: node.attributeOptionComboId,
        },
      ];
    case 'unary':
      return collectDataItems(node.operand);
    case 'binary':
      return [...collectDataItems(node.left), ...collectDataItems(node.right)];
    case 'call':
      return node.args.flatMap(collectDataItems);
    case 'number':
    case 'constant':
    case 'orgUnitGroupCount':
    case 'days':
      return [];
  }
}
