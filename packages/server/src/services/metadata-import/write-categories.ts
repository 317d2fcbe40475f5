/**
 * Writes DHIS2's category model in dependency order: options, categories (with their ordered
 * options), category combos (with their ordered categories), then option combos — each into
 * the category or the attribute option combo table its combo's dimension type asks for (the
 * default into both), with the options that make it.
 */
import type { ComboTables } from './check-references.ts';
import {
  changedOwners,
  countOutcomes,
  linkSets,
  planAllLinks,
  writeObjects,
  type WriteContext,
} from './write-objects.ts';
import { upsertRows, type Outcome } from './table-writes.ts';

/** Writes category options, categories, category combos and option combos. */
export async function writeCategoryModel(
  ctx: WriteContext,
  routes: ReadonlyMap<string, ComboTables>,
): Promise<void> {
  const { input } = ctx;
  await writeObjects(
    ctx,
    'categoryOption',
    'categoryOptions',
    input.categoryOption.map((o) => o.row),
  );
  await writeObjects(
    ctx,
    'category',
    'categories',
    input.category.map((c) => c.row),
    [
      linkSets(
        { table: 'categoryCategoryOptions', ownerColumn: 'categoryId' },
        input.category,
        (c) => c.row.id,
        (c) =>
          c.optionIds?.map((categoryOptionId, sortOrder) => ({
            categoryId: c.row.id,
            categoryOptionId,
            sortOrder,
          })) ?? null,
      ),
    ],
  );
  await writeObjects(
    ctx,
    'categoryCombo',
    'categoryCombos',
    input.categoryCombo.map((c) => c.row),
    [
      linkSets(
        { table: 'categoryComboCategories', ownerColumn: 'categoryComboId' },
        input.categoryCombo,
        (c) => c.row.id,
        (c) =>
          c.categoryIds?.map((categoryId, sortOrder) => ({
            categoryComboId: c.row.id,
            categoryId,
            sortOrder,
          })) ?? null,
      ),
    ],
  );
  await writeOptionCombos(ctx, routes);
}

const RANK: Record<Outcome, number> = { unchanged: 0, updated: 1, created: 2 };

async function writeOptionCombos(
  ctx: WriteContext,
  routes: ReadonlyMap<string, ComboTables>,
): Promise<void> {
  const { input, stored } = ctx;
  const plans = await planAllLinks(ctx.db, [
    linkSets(
      { table: 'optionComboOptions', ownerColumn: 'optionComboId' },
      input.categoryOptionCombo,
      (c) => c.row.id,
      (c) =>
        c.optionIds?.map((categoryOptionId) => ({ optionComboId: c.row.id, categoryOptionId })) ??
        null,
    ),
  ]);
  const touched = changedOwners(plans);
  // One option combo may land in two tables; it counts once, by its biggest change.
  const outcomes = new Map<string, Outcome>();
  for (const table of ['categoryOptionCombos', 'attributeOptionCombos'] as const) {
    const rows = input.categoryOptionCombo
      .filter((c) => routes.get(c.row.id)?.has(table))
      .map((c) => c.row);
    const before =
      table === 'categoryOptionCombos' ? stored.categoryOptionCombos : stored.attributeOptionCombos;
    const written = await upsertRows(ctx.db, table, rows, before, ctx.now, touched);
    for (const [id, outcome] of written) {
      const previous = outcomes.get(id);
      outcomes.set(
        id,
        previous === undefined || RANK[outcome] > RANK[previous] ? outcome : previous,
      );
    }
  }
  for (const plan of plans) {
    await plan.apply();
    ctx.linkLog.add('categoryOptionCombo', plan);
  }
  countOutcomes(ctx.report, 'categoryOptionCombo', outcomes);
}
