/**
 * Properties of parse + evaluate over arbitrary arithmetic (fast-check): the evaluator agrees
 * with JavaScript on +, -, * over integers written with full parentheses, and an expression
 * whose data items are all missing never has a value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './expression-evaluator.ts';
import { parseExpression } from './expression-parser.ts';

interface Term {
  readonly text: string;
  readonly value: number;
}

const ITEM = 'fbfJHSPpUQD';

const terms: fc.Arbitrary<Term> = fc.letrec<{ term: Term }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 50 }).map((n) => ({ text: String(n), value: n })),
    fc.tuple(tie('term'), fc.constantFrom('+', '-', '*'), tie('term')).map(([a, op, b]) => ({
      text: `(${a.text}${op}${b.text})`,
      value: op === '+' ? a.value + b.value : op === '-' ? a.value - b.value : a.value * b.value,
    })),
  ),
})).term;

describe('expression properties', () => {
  it('agrees with JavaScript arithmetic', () => {
    fc.assert(
      fc.property(terms, (t) => {
        expect(evaluateExpression(parseExpression(t.text), { dataItem: () => null })).toBe(t.value);
      }),
    );
  });

  it('has no value when every data item is missing', () => {
    fc.assert(
      fc.property(terms, fc.constantFrom('+', '-', '*', '/'), (t, op) => {
        const node = parseExpression(`${t.text}${op}#{${ITEM}}`);
        expect(evaluateExpression(node, { dataItem: () => null })).toBeNull();
      }),
    );
  });
});
