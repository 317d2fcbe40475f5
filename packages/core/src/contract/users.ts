import { Type, type Static } from 'typebox';
import { LocaleSchema, RoleSchema, Uid } from './common.ts';
import { RoleAssignmentSchema } from './me.ts';

export const UserSchema = Type.Object({
  id: Uid,
  email: Type.String(),
  name: Type.String(),
  locale: LocaleSchema,
  active: Type.Boolean(),
  roles: Type.Array(RoleAssignmentSchema),
});
export type User = Static<typeof UserSchema>;

export const UserListResponse = Type.Object({ users: Type.Array(UserSchema) });
export const UserResponse = Type.Object({ user: UserSchema });

export const UserCreateBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 10, maxLength: 1024 }),
    locale: Type.Optional(LocaleSchema),
    roles: Type.Array(
      Type.Object({ role: RoleSchema, orgUnitId: Uid }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 50,
      },
    ),
  },
  { additionalProperties: false },
);
export type UserCreateBody = Static<typeof UserCreateBody>;

export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String(),
  userId: Type.Union([Uid, Type.Null()]),
  actor: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  orgUnitId: Type.Union([Uid, Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export const AuditEventListResponse = Type.Object({ auditEvents: Type.Array(AuditEventSchema) });
export const AuditEventQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type AuditEventQuery = Static<typeof AuditEventQuery>;
