/**
 * The metadata an import resolves identifiers against, loaded once per import: data elements,
 * org units, option combos, category options, categories and data sets, each findable by uid,
 * code or name, and the option combos by the set of category options that make them (ADX and
 * FHIR name a disaggregation by its options, not by its combo).
 */
import type { IdScheme } from '@sankofa/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

interface Identified {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
}

export interface IndexedDataElement extends Identified {
  readonly valueType: string;
  readonly aggregationType: string;
  readonly categoryComboId: string;
  readonly zeroIsSignificant: boolean;
}

export interface IndexedOrgUnit extends Identified {
  readonly path: string;
}

export interface IndexedOptionCombo extends Identified {
  readonly categoryComboId: string;
}

export interface IndexedDataSet extends Identified {
  readonly periodType: string;
  readonly categoryComboId: string | null;
}

/** Objects of one type, findable by any id scheme (maps are built on first use of a scheme). */
export class SchemeLookup<T extends Identified> {
  private readonly byScheme = new Map<IdScheme, Map<string, T>>();

  constructor(readonly all: readonly T[]) {}

  /** The object `key` names under `scheme`, if any. */
  find(scheme: IdScheme, key: string): T | undefined {
    let map = this.byScheme.get(scheme);
    if (map === undefined) {
      map = new Map();
      for (const o of this.all) {
        const k = scheme === 'uid' ? o.id : scheme === 'code' ? o.code : o.name;
        if (k !== null && !map.has(k)) {
          map.set(k, o);
        }
      }
      this.byScheme.set(scheme, map);
    }
    return map.get(key);
  }
}

/** Everything an import looks identifiers up in. */
export interface MetadataIndex {
  readonly dataElements: SchemeLookup<IndexedDataElement>;
  readonly orgUnits: SchemeLookup<IndexedOrgUnit>;
  readonly categoryOptionCombos: SchemeLookup<IndexedOptionCombo>;
  readonly attributeOptionCombos: SchemeLookup<IndexedOptionCombo>;
  readonly categoryOptions: SchemeLookup<Identified>;
  readonly categories: SchemeLookup<Identified>;
  readonly dataSets: SchemeLookup<IndexedDataSet>;
  /** Option combo ids (category and attribute) by their sorted category option ids. */
  readonly combosByOptions: ReadonlyMap<string, readonly string[]>;
}

/** The key of a set of category option ids in `combosByOptions`. */
export function optionSetKey(optionIds: readonly string[]): string {
  return [...optionIds].sort().join(',');
}

/** Loads the index inside the import's transaction. */
export async function loadMetadataIndex(
  db: Kysely<Database> | Transaction<Database>,
): Promise<MetadataIndex> {
  const named = ['id', 'code', 'name'] as const;
  const [des, ous, cocs, aocs, options, categories, comboOptions, dataSets] = await Promise.all([
    db
      .selectFrom('dataElements')
      .select([...named, 'valueType', 'aggregationType', 'categoryComboId', 'zeroIsSignificant'])
      .execute(),
    db
      .selectFrom('orgUnits')
      .select([...named, 'path'])
      .execute(),
    db
      .selectFrom('categoryOptionCombos')
      .select([...named, 'categoryComboId'])
      .execute(),
    db
      .selectFrom('attributeOptionCombos')
      .select([...named, 'categoryComboId'])
      .execute(),
    db.selectFrom('categoryOptions').select(named).execute(),
    db.selectFrom('categories').select(named).execute(),
    db
      .selectFrom('optionComboOptions')
      .select(['optionComboId', 'categoryOptionId'])
      .orderBy('optionComboId')
      .execute(),
    db
      .selectFrom('dataSets')
      .select([...named, 'periodType', 'categoryComboId'])
      .execute(),
  ]);
  const optionsOf = new Map<string, string[]>();
  for (const { optionComboId, categoryOptionId } of comboOptions) {
    const list = optionsOf.get(optionComboId) ?? [];
    list.push(categoryOptionId);
    optionsOf.set(optionComboId, list);
  }
  const combosByOptions = new Map<string, string[]>();
  for (const [comboId, optionIds] of optionsOf) {
    const key = optionSetKey(optionIds);
    combosByOptions.set(key, [...(combosByOptions.get(key) ?? []), comboId]);
  }
  return {
    dataElements: new SchemeLookup(
      des.map((d) => ({ ...d, zeroIsSignificant: d.zeroIsSignificant === 1 })),
    ),
    orgUnits: new SchemeLookup(ous),
    categoryOptionCombos: new SchemeLookup(cocs),
    attributeOptionCombos: new SchemeLookup(aocs),
    categoryOptions: new SchemeLookup(options),
    categories: new SchemeLookup(categories),
    dataSets: new SchemeLookup(dataSets),
    combosByOptions,
  };
}
