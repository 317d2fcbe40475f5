export * from './data-value-record.ts';
