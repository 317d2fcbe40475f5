export * from './common.ts';
export * from './org-units.ts';
export * from './metadata.ts';
export * from './data-values.ts';
export * from './me.ts';
export * from './users.ts';
export * from './imports.ts';
export * from './completeness.ts';
