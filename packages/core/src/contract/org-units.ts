import { Type, type Static } from 'typebox';
import { Uid } from './common.ts';

/** An org unit as the API returns it. */
export const OrgUnitSchema = Type.Object({
  id: Uid,
  code: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Uid, Type.Null()]),
  level: Type.Integer({ minimum: 1 }),
  path: Type.String(),
  childCount: Type.Integer({ minimum: 0 }),
});
export type OrgUnit = Static<typeof OrgUnitSchema>;

export const OrgUnitListResponse = Type.Object({ orgUnits: Type.Array(OrgUnitSchema) });
export type OrgUnitListResponse = Static<typeof OrgUnitListResponse>;

/** One org unit with the chain of ancestors the caller may see (root first). */
export const OrgUnitDetailResponse = Type.Object({
  orgUnit: OrgUnitSchema,
  ancestors: Type.Array(OrgUnitSchema),
});
export type OrgUnitDetailResponse = Static<typeof OrgUnitDetailResponse>;

/**
 * `GET /api/org-units/tree`: the subtrees under the caller's roots (or `root`) down to `depth`
 * levels, flat and ordered by path, so a client builds the tree from `parentId`.
 */
export const OrgUnitTreeResponse = Type.Object({
  rootIds: Type.Array(Uid),
  orgUnits: Type.Array(OrgUnitSchema),
});
export type OrgUnitTreeResponse = Static<typeof OrgUnitTreeResponse>;

export const OrgUnitListQuery = Type.Object({
  parent: Type.Optional(Uid),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
export type OrgUnitListQuery = Static<typeof OrgUnitListQuery>;

export const OrgUnitTreeQuery = Type.Object({
  root: Type.Optional(Uid),
  depth: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, default: 3 })),
});
export type OrgUnitTreeQuery = Static<typeof OrgUnitTreeQuery>;

export const OrgUnitCreateBody = Type.Object(
  {
    parentId: Uid,
    name: Type.String({ minLength: 1, maxLength: 230 }),
    shortName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    openingDate: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type OrgUnitCreateBody = Static<typeof OrgUnitCreateBody>;

export const OrgUnitUpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 230 })),
    shortName: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()]),
    ),
    code: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OrgUnitUpdateBody = Static<typeof OrgUnitUpdateBody>;

export const OrgUnitResponse = Type.Object({ orgUnit: OrgUnitSchema });
