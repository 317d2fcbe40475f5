/**
 * The categories and options of every category and attribute option combo, for the FHIR
 * writer's strata. Metadata, not values: small enough to hold whole.
 */
import type { IdScheme } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CategoryOptionPair } from '../../interop/writers/index.ts';
import { DEFAULT_COMBO_ID } from '../write-data-value.ts';
import { identify } from './identify.ts';

/**
 * @returns A function from an option combo's identifier (in `scheme`) to its category → option
 *   pairs in category order: `[]` for a combo of the default category combo, `undefined` when the
 *   combo is unknown or its options do not cover its categories.
 */
export async function loadOptionComboLookup(
  db: Kysely<Database>,
  scheme: IdScheme,
): Promise<(combo: string) => readonly CategoryOptionPair[] | undefined> {
  const combos = [
    ...(await db
      .selectFrom('categoryOptionCombos as c')
      .innerJoin('categoryCombos as cc', 'cc.id', 'c.categoryComboId')
      .select(['c.id', 'c.code', 'c.name', 'c.categoryComboId', 'cc.name as comboName'])
      .execute()),
    ...(await db
      .selectFrom('attributeOptionCombos as c')
      .innerJoin('categoryCombos as cc', 'cc.id', 'c.categoryComboId')
      .select(['c.id', 'c.code', 'c.name', 'c.categoryComboId', 'cc.name as comboName'])
      .execute()),
  ];
  const categories = new Map(
    (await db.selectFrom('categories').select(['id', 'code', 'name']).execute()).map((c) => [
      c.id,
      c,
    ]),
  );
  const options = new Map(
    (await db.selectFrom('categoryOptions').select(['id', 'code', 'name']).execute()).map((o) => [
      o.id,
      o,
    ]),
  );
  const comboCategories = await db
    .selectFrom('categoryComboCategories')
    .selectAll()
    .orderBy('sortOrder')
    .execute();
  const memberships = new Set(
    (await db.selectFrom('categoryCategoryOptions').selectAll().execute()).map(
      (m) => `${m.categoryId}/${m.categoryOptionId}`,
    ),
  );
  const comboOptions = new Map<string, string[]>();
  for (const row of await db.selectFrom('optionComboOptions').selectAll().execute()) {
    const own = comboOptions.get(row.optionComboId) ?? [];
    own.push(row.categoryOptionId);
    comboOptions.set(row.optionComboId, own);
  }

  const lookup = new Map<string, readonly CategoryOptionPair[] | undefined>();
  for (const combo of combos) {
    const key = identify(scheme, combo);
    if (combo.id === DEFAULT_COMBO_ID || combo.comboName === 'default') {
      lookup.set(key, []);
      continue;
    }
    const own = comboOptions.get(combo.id) ?? [];
    const cats = comboCategories.filter((c) => c.categoryComboId === combo.categoryComboId);
    const pairs = cats.map((c) => {
      const option = own.find((o) => memberships.has(`${c.categoryId}/${o}`));
      const category = categories.get(c.categoryId);
      const named = option === undefined ? undefined : options.get(option);
      return category === undefined || named === undefined
        ? undefined
        : { category: identify(scheme, category), option: identify(scheme, named) };
    });
    lookup.set(key, pairs.length > 0 && pairs.every((p) => p !== undefined) ? pairs : undefined);
  }
  return (combo) => lookup.get(combo);
}
