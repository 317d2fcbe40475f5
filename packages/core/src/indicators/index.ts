export * from './expression-ast.ts';
export * from './expression-parser.ts';
export * from './expression-references.ts';
export * from './expression-evaluator.ts';
export * from './indicator-value.ts';
