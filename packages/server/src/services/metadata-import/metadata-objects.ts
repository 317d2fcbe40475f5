/**
 * DHIS2 objects after their fields have been checked: the rows Sankofa stores (without
 * timestamps), their link sets, and every reference they make so one pass can check them all.
 */
import type {
  CategoryOptionTable,
  CategoryTable,
  CategoryComboTable,
  CategoryOptionComboTable,
  ConstantTable,
  DataElementGroupTable,
  DataElementTable,
  DataSetTable,
  IndicatorTable,
  IndicatorTypeTable,
  OrgUnitGroupTable,
  OrgUnitTable,
} from '../../db/schema.ts';
import type { MetadataObjectType } from './metadata-import-report.ts';

type Stamps = 'createdAt' | 'updatedAt';

/** A reference from one field of an object to another object. */
export interface Reference {
  readonly field: string;
  readonly type: MetadataObjectType;
  readonly id: string;
}

/** Every object carries its references and its position in the file. */
interface Parsed<Row> {
  readonly row: Omit<Row, Stamps>;
  readonly refs: readonly Reference[];
}

export type CategoryOptionInput = Parsed<CategoryOptionTable>;

export interface CategoryInput extends Parsed<CategoryTable> {
  /** Option ids in the category's order; null when the file did not list them. */
  readonly optionIds: readonly string[] | null;
}

export interface CategoryComboInput extends Parsed<CategoryComboTable> {
  readonly categoryIds: readonly string[] | null;
}

export interface CategoryOptionComboInput extends Parsed<CategoryOptionComboTable> {
  readonly optionIds: readonly string[] | null;
}

export interface OrgUnitInput extends Parsed<Omit<OrgUnitTable, 'level' | 'path'>> {
  /** What the file said, to compare with what the hierarchy says. */
  readonly statedLevel: number | null;
  readonly statedPath: string | null;
}

export interface OrgUnitGroupInput extends Parsed<OrgUnitGroupTable> {
  readonly memberIds: readonly string[] | null;
}

export type DataElementInput = Parsed<DataElementTable>;

export interface DataElementGroupInput extends Parsed<DataElementGroupTable> {
  readonly memberIds: readonly string[] | null;
}

export interface DataSetInput extends Parsed<DataSetTable> {
  /** `field` is where the element is in the file, e.g. `dataSetElements[2]`. */
  readonly elements:
    | readonly {
        readonly dataElementId: string;
        readonly categoryComboId: string | null;
        readonly field: string;
      }[]
    | null;
  readonly orgUnitIds: readonly string[] | null;
}

export type IndicatorTypeInput = Parsed<IndicatorTypeTable>;

/** The DHIS2 columns of an indicator; Sankofa's own columns are chosen at creation. */
export type IndicatorInput = Parsed<
  Omit<
    IndicatorTable,
    'kind' | 'desiredDirection' | 'target' | 'defaultChartType' | 'notifiable' | 'source'
  >
>;

export type ConstantInput = Parsed<ConstantTable>;

/** A whole file after parsing, one list per object type. */
export interface MetadataInput {
  categoryOption: CategoryOptionInput[];
  category: CategoryInput[];
  categoryCombo: CategoryComboInput[];
  categoryOptionCombo: CategoryOptionComboInput[];
  organisationUnit: OrgUnitInput[];
  organisationUnitGroup: OrgUnitGroupInput[];
  dataElement: DataElementInput[];
  dataElementGroup: DataElementGroupInput[];
  dataSet: DataSetInput[];
  indicatorType: IndicatorTypeInput[];
  indicator: IndicatorInput[];
  constant: ConstantInput[];
}

/** An empty input, to fill type by type. */
export function emptyMetadataInput(): MetadataInput {
  return {
    categoryOption: [],
    category: [],
    categoryCombo: [],
    categoryOptionCombo: [],
    organisationUnit: [],
    organisationUnitGroup: [],
    dataElement: [],
    dataElementGroup: [],
    dataSet: [],
    indicatorType: [],
    indicator: [],
    constant: [],
  };
}
