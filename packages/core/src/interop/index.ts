export * from './data-value-record.ts';
export * from './data-value-set-header.ts';
export * from './period-from-dates.ts';
export * from './adx-period.ts';
export * from './fhir-period.ts';
export * from './fhir-measure-report.ts';
export * from './csv-mapping.ts';
export * from './csv-mapping-apply.ts';
