export * from './value-type.ts';
export * from './aggregate.ts';
