/**
 * Where tests find the reference cases: `SANKOFA_VALIDATION_DATA`, else the copy vendored at
 * the repository root (`validation-data/`, see its VENDORED.md). Test support only.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the validation data folder, with a trailing separator. */
export const VALIDATION_DATA = join(
  process.env.SANKOFA_VALIDATION_DATA ||
    fileURLToPath(new URL('../../../validation-data/', import.meta.url)),
  '/',
);

/** A path inside the validation data folder. */
export function validationPath(...parts: string[]): string {
  return join(VALIDATION_DATA, ...parts);
}
