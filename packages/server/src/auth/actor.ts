import type { Locale, Role } from '@sankofa/core';

/** A role held on an org unit; it covers the unit's whole subtree. */
export interface Assignment {
  readonly role: Role;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly path: string;
  readonly level: number;
}

/** The signed-in user a request acts for. */
export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly locale: Locale;
  readonly assignments: readonly Assignment[];
  readonly sessionId: string;
  readonly csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook when the session cookie is valid. */
    actor: Actor | undefined;
  }
}
