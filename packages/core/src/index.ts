export * from './errors.ts';
export * from './contract/index.ts';
export * from './indicators/index.ts';
export * from './data-values/index.ts';
export * from './periods/index.ts';
