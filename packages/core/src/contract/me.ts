import { Type, type Static } from 'typebox';
import { LocaleSchema, RoleSchema, Uid } from './common.ts';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const RoleAssignmentSchema = Type.Object({
  role: RoleSchema,
  orgUnit: Type.Object({
    id: Uid,
    name: Type.String(),
    level: Type.Integer(),
    path: Type.String(),
  }),
});
export type RoleAssignment = Static<typeof RoleAssignmentSchema>;

/** The signed-in user, with the CSRF token to send back as `X-CSRF-Token` on writes. */
export const MeResponse = Type.Object({
  user: Type.Object({
    id: Uid,
    email: Type.String(),
    name: Type.String(),
    locale: LocaleSchema,
    roles: Type.Array(RoleAssignmentSchema),
  }),
  csrfToken: Type.String(),
});
export type MeResponse = Static<typeof MeResponse>;

export const MeUpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MeUpdateBody = Static<typeof MeUpdateBody>;

export const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  version: Type.String(),
});
