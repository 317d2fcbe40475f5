/**
 * The shape of a generated demo country: what `generateDemoCountry` returns and the services
 * that load it into a database read. Plain data, DHIS2-shaped, so the loader maps it field by
 * field and the web app shows it as it would show an imported DHIS2 instance.
 */

/** How big a demo country to build, and when its data end. */
export interface DemoOptions {
  /** Random seed: the same options give the same country, value for value. Default 1. */
  seed?: number;
  /** Number of facilities (at least 4). Default 250; e.g. 2,000 for benchmarks. */
  facilities?: number;
  /** Months of data (at least 12). Default 36. */
  months?: number;
  /** The last monthly period id, e.g. `202610`. Required: the caller computes it from the clock. */
  endPeriod: string;
}

/** The kinds of org unit the demo hierarchy holds. */
export type DemoOrgUnitKind =
  'country' | 'region' | 'district' | 'hospital' | 'health_centre' | 'health_post';

/** An org unit of the hierarchy country → region → district → facility. */
export interface DemoOrgUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** 1 country, 2 region, 3 district, 4 facility. */
  level: number;
  /** `/countryId/regionId/…/id`, as DHIS2 writes it. */
  path: string;
  kind: DemoOrgUnitKind;
  /** Catchment population in the last period; above facilities, the sum of the children. */
  population: number;
}

/** An org unit group, e.g. Hospitals or Intervention districts. */
export interface DemoGroup {
  id: string;
  code: string;
  name: string;
  orgUnitIds: string[];
}

/** A category option combo (or attribute option combo) of a category combo. */
export interface DemoCategoryOptionCombo {
  id: string;
  code: string;
  name: string;
}

/** A category combo with its option combos. */
export interface DemoCategoryCombo {
  id: string;
  code: string;
  name: string;
  /** `disaggregation` combos give category option combos, `attribute` ones attribute option combos. */
  dataDimensionType: 'disaggregation' | 'attribute';
  options: DemoCategoryOptionCombo[];
}

/** DHIS2 value types the demo uses. */
export type DemoValueType = 'INTEGER_ZERO_OR_POSITIVE' | 'INTEGER' | 'NUMBER';

/** DHIS2 aggregation types the demo uses. */
export type DemoAggregationType = 'SUM' | 'AVERAGE' | 'LAST';

/** A data element: what facilities report each month (or a population target). */
export interface DemoDataElement {
  id: string;
  code: string;
  name: string;
  shortName: string;
  valueType: DemoValueType;
  aggregationType: DemoAggregationType;
  categoryComboId: string;
  description: string;
}

/** An indicator type: the factor that numerator / denominator is multiplied by. */
export interface DemoIndicatorType {
  id: string;
  name: string;
  factor: number;
  /** DHIS2 `number`: a numerator-only indicator (denominator `1`). */
  number: boolean;
}

/** Indicator kinds, as the domain model names them. */
export type DemoIndicatorKind = 'proportion' | 'rate' | 'count' | 'mean';

/** Chart types an indicator may default to. */
export type DemoChartType = 'run' | 'i' | 'p' | 'pp' | 'u' | 'up' | 'c';

/** An indicator over the demo data elements, in DHIS2 expression syntax. */
export interface DemoIndicator {
  id: string;
  code: string;
  name: string;
  shortName: string;
  description: string;
  /** DHIS2 expression, e.g. `#{deUid}` or `(#{a.coc}-#{b.coc})`. */
  numerator: string;
  numeratorDescription: string;
  /** DHIS2 expression; `1` for counts. */
  denominator: string;
  denominatorDescription: string;
  indicatorTypeId: string;
  annualized: boolean;
  decimals: number;
  kind: DemoIndicatorKind;
  desiredDirection: 'up' | 'down' | 'none';
  target: number | null;
  defaultChartType: DemoChartType;
  /** Outbreak detection applies (confirmed malaria cases). */
  notifiable: boolean;
}

/** One data value, as DHIS2 sends it (the value is a string). */
export interface DemoDataValue {
  dataElementId: string;
  /** Monthly period id `yyyyMM`. */
  period: string;
  orgUnitId: string;
  categoryOptionComboId: string;
  attributeOptionComboId: string;
  value: string;
  comment?: string;
  followUp?: boolean;
}

/** A demo account; the password is printed for people trying the demo. */
export interface DemoUser {
  email: string;
  name: string;
  password: string;
  role: 'admin' | 'manager' | 'contributor' | 'viewer';
  /** The role covers each of these org units and its subtree. */
  orgUnitIds: string[];
}

/** The kinds of pattern planted in the data for analyses to find. */
export type PlantedFeatureKind =
  | 'outbreak'
  | 'sustained_improvement'
  | 'no_change_comparison'
  | 'slow_decline'
  | 'outlier'
  | 'reporting_gap'
  | 'seasonality';

/** A pattern planted in the data on purpose, with where and when, so tests can check analyses find it. */
export interface PlantedFeature {
  kind: PlantedFeatureKind;
  description: string;
  dataElementIds: string[];
  indicatorIds: string[];
  orgUnitIds: string[];
  /** First monthly period the feature affects. */
  startPeriod: string;
  /** Last monthly period the feature affects (inclusive). */
  endPeriod: string;
  details: Record<string, number | string>;
}

/** A generated demo country: metadata held in memory, data values generated on demand. */
export interface DemoCountry {
  options: Required<DemoOptions>;
  /** Monthly period ids, oldest first, ending at `options.endPeriod`. */
  periods: string[];
  /** Parents before children. */
  orgUnits: DemoOrgUnit[];
  groups: DemoGroup[];
  categoryCombos: DemoCategoryCombo[];
  /** DHIS2's `default` category option combo, also the attribute option combo of every value. */
  defaultCategoryOptionComboId: string;
  dataElements: DemoDataElement[];
  indicatorTypes: DemoIndicatorType[];
  indicators: DemoIndicator[];
  users: DemoUser[];
  plantedFeatures: PlantedFeature[];
  /**
   * Generates the data values, facility by facility, each time it is called (the same values
   * every time), so 2,000 facilities do not need all values in memory at once.
   */
  dataValues(): Iterable<DemoDataValue>;
  /** How many values `dataValues()` yields, computed without generating them. */
  countDataValues(): number;
}
