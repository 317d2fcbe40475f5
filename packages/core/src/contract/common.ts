/**
 * Shared pieces of the HTTP contract. Pure JSON-Schema objects (TypeBox): the server validates
 * requests and responses with them and publishes them as OpenAPI; the web app derives its types.
 */
import { Type, type Static } from 'typebox';

/** A DHIS2-style UID: 11 characters, a letter then letters or digits. */
export const Uid = Type.String({
  pattern: '^[A-Za-z][A-Za-z0-9]{10}$',
  description: 'DHIS2-style UID',
});

/** A DHIS2 period id such as `202401`, `2024Q1`, `2024W3` (dashed daily/monthly forms accepted). */
export const PeriodIdSchema = Type.String({
  minLength: 4,
  maxLength: 20,
  description: 'DHIS2 period id',
});

/** One problem with a request, naming the field. */
export const IssueSchema = Type.Object({
  row: Type.Optional(Type.Integer()),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

/** The one error envelope every API error uses. */
export const ErrorEnvelope = Type.Object(
  {
    error: Type.String({ description: 'stable snake_case error id, e.g. not_authenticated' }),
    status: Type.Integer(),
    message: Type.String(),
    issues: Type.Optional(Type.Array(IssueSchema)),
  },
  { $id: 'ErrorEnvelope' },
);
export type ErrorEnvelope = Static<typeof ErrorEnvelope>;

/** The roles a user can hold on an org unit, weakest first. */
export const ROLES = ['viewer', 'contributor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Union([
  Type.Literal('viewer'),
  Type.Literal('contributor'),
  Type.Literal('manager'),
  Type.Literal('admin'),
]);

/** The four languages of the interface. */
export const LOCALES = ['en', 'fr', 'pt', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = Type.Union([
  Type.Literal('en'),
  Type.Literal('fr'),
  Type.Literal('pt'),
  Type.Literal('es'),
]);

export const OkResponse = Type.Object({ ok: Type.Literal(true) });
