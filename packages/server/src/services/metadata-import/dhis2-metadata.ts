/**
 * The DHIS2 `/api/metadata` JSON the importer reads (DHIS2 Developer Manual, Web API ›
 * Metadata › Metadata export/import). Only the fields Sankofa keeps are listed; anything else in
 * a real export (sharing, translations, attributeValues, created…) is ignored. Files come from
 * outside, so every field is checked at run time whatever these types say.
 */

/** A reference to another object, as DHIS2 writes it. */
export interface Dhis2Ref {
  readonly id: string;
}

/** Fields every DHIS2 identifiable object has. */
export interface Dhis2Identifiable {
  readonly id: string;
  readonly code?: string;
  readonly name: string;
  readonly shortName?: string;
}

export interface Dhis2OrganisationUnit extends Dhis2Identifiable {
  readonly parent?: Dhis2Ref;
  /** DHIS2's own level: compared with the computed one, never trusted. */
  readonly level?: number;
  /** DHIS2's own path (`/root/…/id`): compared with the computed one, never trusted. */
  readonly path?: string;
  /** `yyyy-MM-dd` or DHIS2's `yyyy-MM-ddTHH:mm:ss.SSS`; only the date is kept. */
  readonly openingDate?: string;
  readonly closedDate?: string;
}

export interface Dhis2OrganisationUnitGroup extends Dhis2Identifiable {
  readonly organisationUnits?: readonly Dhis2Ref[];
}

export interface Dhis2CategoryOption extends Dhis2Identifiable {
  readonly startDate?: string;
  readonly endDate?: string;
}

export type Dhis2DataDimensionType = 'DISAGGREGATION' | 'ATTRIBUTE';

export interface Dhis2Category extends Dhis2Identifiable {
  readonly dataDimensionType?: Dhis2DataDimensionType;
  readonly categoryOptions?: readonly Dhis2Ref[];
}

export interface Dhis2CategoryCombo extends Dhis2Identifiable {
  readonly dataDimensionType?: Dhis2DataDimensionType;
  readonly categories?: readonly Dhis2Ref[];
}

export interface Dhis2CategoryOptionCombo extends Dhis2Identifiable {
  readonly categoryCombo: Dhis2Ref;
  readonly categoryOptions?: readonly Dhis2Ref[];
}

export interface Dhis2DataElement extends Dhis2Identifiable {
  readonly description?: string;
  readonly valueType: string;
  readonly aggregationType?: string;
  readonly domainType?: string;
  /** Absent means DHIS2's default combo, as in an export with `defaults=EXCLUDE`. */
  readonly categoryCombo?: Dhis2Ref;
  readonly zeroIsSignificant?: boolean;
}

export interface Dhis2DataElementGroup extends Dhis2Identifiable {
  readonly dataElements?: readonly Dhis2Ref[];
}

export interface Dhis2DataSetElement {
  readonly dataElement: Dhis2Ref;
  /** Overrides the data element's combo in this data set. */
  readonly categoryCombo?: Dhis2Ref;
}

export interface Dhis2DataSet extends Dhis2Identifiable {
  readonly periodType: string;
  readonly categoryCombo?: Dhis2Ref;
  readonly dataSetElements?: readonly Dhis2DataSetElement[];
  readonly organisationUnits?: readonly Dhis2Ref[];
  readonly openFuturePeriods?: number;
  readonly expiryDays?: number;
  readonly timelyDays?: number;
}

export interface Dhis2IndicatorType {
  readonly id: string;
  readonly name: string;
  readonly factor: number;
  /** A numerator-only ("number") indicator type. */
  readonly number?: boolean;
}

export interface Dhis2Indicator extends Dhis2Identifiable {
  readonly description?: string;
  readonly numerator: string;
  readonly numeratorDescription?: string;
  readonly denominator: string;
  readonly denominatorDescription?: string;
  readonly indicatorType: Dhis2Ref;
  readonly annualized?: boolean;
  readonly decimals?: number;
}

export interface Dhis2Constant extends Dhis2Identifiable {
  readonly value: number;
}

/** A DHIS2 `/api/metadata` document; other collections in it are ignored. */
export interface Dhis2Metadata {
  readonly organisationUnits?: readonly Dhis2OrganisationUnit[];
  readonly organisationUnitGroups?: readonly Dhis2OrganisationUnitGroup[];
  readonly categoryOptions?: readonly Dhis2CategoryOption[];
  readonly categories?: readonly Dhis2Category[];
  readonly categoryCombos?: readonly Dhis2CategoryCombo[];
  readonly categoryOptionCombos?: readonly Dhis2CategoryOptionCombo[];
  readonly dataElements?: readonly Dhis2DataElement[];
  readonly dataElementGroups?: readonly Dhis2DataElementGroup[];
  readonly dataSets?: readonly Dhis2DataSet[];
  readonly indicatorTypes?: readonly Dhis2IndicatorType[];
  readonly indicators?: readonly Dhis2Indicator[];
  readonly constants?: readonly Dhis2Constant[];
}

/** DHIS2's built-in defaults: every instance has them, with these uids. */
export const DHIS2_DEFAULTS = {
  categoryOption: 'xYerKDKCefk',
  category: 'GLevLNI9wkl',
  categoryCombo: 'bjDvmb4bfuf',
  categoryOptionCombo: 'HllvX50cXC0',
} as const;
