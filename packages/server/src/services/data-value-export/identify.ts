/** Output id schemes: how an exported object is named. */
import type { IdScheme } from '@sankofa/core';

/** The names an object has. */
export interface Named {
  readonly id: string;
  readonly code?: string | null;
  readonly name?: string | null;
}

/**
 * The identifier of an object under an id scheme. An object without a code (or name) keeps its
 * uid, so every value stays identifiable.
 */
export function identify(scheme: IdScheme, object: Named): string {
  if (scheme === 'code') {
    return object.code ?? object.id;
  }
  if (scheme === 'name') {
    return object.name ?? object.id;
  }
  return object.id;
}
