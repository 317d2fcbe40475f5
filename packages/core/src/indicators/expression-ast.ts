/**
 * The syntax tree of a DHIS2 indicator expression, e.g. `(#{a}-#{b.c})/#{a}` or
 * `if(isNull(#{a}),0,#{a})*C{k}`.
 */

/** A data item `#{de}`, `#{de.coc}`, `#{de.coc.aoc}` or `#{de.*.aoc}`. */
export interface DataItemRef {
  readonly dataElementId: string;
  /** A category option combo id; null means all of them (`#{de}` or `#{de.*…}`). */
  readonly categoryOptionComboId: string | null;
  /** An attribute option combo id; null means all of them. */
  readonly attributeOptionComboId: string | null;
}

export type ExpressionNode =
  | { readonly kind: 'number'; readonly value: number }
  | ({ readonly kind: 'dataItem' } & DataItemRef)
  | { readonly kind: 'constant'; readonly id: string }
  | { readonly kind: 'orgUnitGroupCount'; readonly id: string }
  | { readonly kind: 'days' }
  | { readonly kind: 'unary'; readonly operator: '-' | '+' | '!'; readonly operand: ExpressionNode }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    }
  | {
      readonly kind: 'call';
      readonly name: FunctionName;
      readonly args: readonly ExpressionNode[];
    };

export type BinaryOperator =
  '+' | '-' | '*' | '/' | '%' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/** Functions DHIS2 indicator expressions may call. */
export const FUNCTION_NAMES = [
  'if',
  'isNull',
  'isNotNull',
  'firstNonNull',
  'greatest',
  'least',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
