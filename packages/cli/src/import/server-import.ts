/**
 * The server's data value readers and import engine, as the `import` command uses them. The one
 * place the CLI reaches into `@sankofa/server`'s sources: when the package's index exports these,
 * this file becomes a re-export of `@sankofa/server`.
 */
export {
  detectDataValueFormat,
  openDataValueReader,
} from '../../../server/src/interop/readers/index.ts';
export {
  importDataValues,
  type DataValueImportOptions,
} from '../../../server/src/services/data-value-import/index.ts';
