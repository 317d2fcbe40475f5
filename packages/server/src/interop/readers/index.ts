export { detectDataValueFormat } from './detect-format.ts';
export { openDataValueReader, type OpenDataValueReaderOptions } from './open-data-value-reader.ts';
