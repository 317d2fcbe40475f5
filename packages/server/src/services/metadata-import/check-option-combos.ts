/**
 * An option combo is one option of each category of its combo — that is how ADX category
 * attributes and FHIR strata find it — so the file's option combos are checked against their
 * combo's categories (from the file, else the database): each must hold exactly one option of
 * every category and nothing else, and no two combos of one category combo may hold the same
 * options. DHIS2's default combo is exempt from the last rule: databases older than DHIS2's
 * fixed default uids (Sierra Leone's `bRowv6yZOF2`) keep their own default beside Sankofa's.
 */
import { DHIS2_DEFAULTS } from './dhis2-metadata.ts';
import type { ReportBuilder } from './metadata-import-report.ts';
import type { MetadataInput } from './metadata-objects.ts';
import type { StoredMetadata } from './stored-metadata.ts';
import { loadRowsWhereIn, type Db } from './table-writes.ts';

/** Owner id → linked ids: the file's lists where it gave them, else the stored links. */
async function linked(
  db: Db,
  fromFile: ReadonlyMap<string, readonly string[]>,
  needed: ReadonlySet<string>,
  link: {
    table: 'categoryComboCategories' | 'categoryCategoryOptions' | 'optionComboOptions';
    owner: string;
    target: string;
  },
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const missing = [...needed].filter((id) => !fromFile.has(id));
  for (const row of await loadRowsWhereIn(db, link.table, link.owner, missing)) {
    const owner = String(row[link.owner]);
    out.set(owner, [...(out.get(owner) ?? []), String(row[link.target])]);
  }
  for (const id of needed) {
    const list = fromFile.get(id);
    if (list !== undefined) {
      out.set(id, [...list]);
    }
  }
  return out;
}

const listed = <T extends { row: { id: string } }>(
  items: readonly T[],
  list: (t: T) => readonly string[] | null,
) =>
  new Map(
    items.flatMap((i) => {
      const l = list(i);
      return l === null ? [] : [[i.row.id, l] as const];
    }),
  );

/** Reports option combos whose options do not fit their combo, and duplicates within a combo. */
export async function checkOptionCombos(
  db: Db,
  input: MetadataInput,
  stored: StoredMetadata,
  report: ReportBuilder,
): Promise<void> {
  const combos = input.categoryOptionCombo.filter((c) => c.optionIds !== null);
  if (combos.length === 0) {
    return;
  }
  const comboIds = new Set(combos.map((c) => c.row.categoryComboId));
  const categoriesOf = await linked(
    db,
    listed(input.categoryCombo, (c) => c.categoryIds),
    comboIds,
    {
      table: 'categoryComboCategories',
      owner: 'categoryComboId',
      target: 'categoryId',
    },
  );
  const categoryIds = new Set([...categoriesOf.values()].flat());
  const optionsOf = await linked(
    db,
    listed(input.category, (c) => c.optionIds),
    categoryIds,
    {
      table: 'categoryCategoryOptions',
      owner: 'categoryId',
      target: 'categoryOptionId',
    },
  );

  for (const { row, optionIds } of combos) {
    const categories = categoriesOf.get(row.categoryComboId);
    if (categories === undefined || optionIds === null) {
      continue; // an unknown combo, reported by the reference check
    }
    const problems: string[] = [];
    for (const category of categories) {
      const mine = optionIds.filter((o) => optionsOf.get(category)?.includes(o));
      if (mine.length !== 1) {
        problems.push(
          `${mine.length === 0 ? 'no option' : `${mine.length} options`} of category "${category}"`,
        );
      }
    }
    const strays = optionIds.filter((o) => !categories.some((c) => optionsOf.get(c)?.includes(o)));
    if (strays.length > 0) {
      problems.push(
        `option(s) ${strays.map((o) => `"${o}"`).join(', ')} of no category of the combo`,
      );
    }
    if (problems.length > 0) {
      report.error({
        objectType: 'categoryOptionCombo',
        id: row.id,
        field: 'categoryOptions',
        code: 'options_do_not_match_combo',
        message: `categoryOptions of categoryOptionCombo "${row.id}" (${row.name}) must be one option of each category of categoryCombo "${row.categoryComboId}", but there is ${problems.join('; ')}`,
      });
    }
  }
  await checkDuplicates(db, combos, stored, report);
}

async function checkDuplicates(
  db: Db,
  combos: MetadataInput['categoryOptionCombo'],
  stored: StoredMetadata,
  report: ReportBuilder,
): Promise<void> {
  const inFile = new Set(combos.map((c) => c.row.id));
  const comboIds = new Set(combos.map((c) => c.row.categoryComboId));
  const others = [
    ...stored.categoryOptionCombos.values(),
    ...stored.attributeOptionCombos.values(),
  ].filter((r) => comboIds.has(String(r.categoryComboId)) && !inFile.has(String(r.id)));
  const storedOptions = await linked(db, new Map(), new Set(others.map((r) => String(r.id))), {
    table: 'optionComboOptions',
    owner: 'optionComboId',
    target: 'categoryOptionId',
  });
  const holder = new Map<string, string>();
  const key = (comboId: string, options: readonly string[]) =>
    `${comboId}|${[...options].sort().join(',')}`;
  for (const r of others) {
    holder.set(key(String(r.categoryComboId), storedOptions.get(String(r.id)) ?? []), String(r.id));
  }
  for (const { row, optionIds } of combos) {
    if (row.categoryComboId === DHIS2_DEFAULTS.categoryCombo || optionIds === null) {
      continue;
    }
    const k = key(row.categoryComboId, optionIds);
    const other = holder.get(k);
    if (other !== undefined && other !== row.id) {
      report.error({
        objectType: 'categoryOptionCombo',
        id: row.id,
        field: 'categoryOptions',
        code: 'duplicate_option_combo',
        message: `categoryOptionCombo "${row.id}" has the same categoryOptions as "${other}" in categoryCombo "${row.categoryComboId}": ADX and FHIR values could not tell them apart`,
      });
    }
    holder.set(k, row.id);
  }
}
