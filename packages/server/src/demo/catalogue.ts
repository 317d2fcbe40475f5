/**
 * The demo's data dictionary: category combos (disaggregations) and data elements, as a
 * district health information system would define them for monthly facility reports.
 */
import type {
  DemoCategoryCombo,
  DemoDataElement,
  DemoValueType,
  DemoAggregationType,
} from './types.ts';
import type { UidRegistry } from './uid.ts';

/** DHIS2's well-known `default` category combo. */
export const DEFAULT_CATEGORY_COMBO_ID = 'bjDvmb4bfuf';
/** DHIS2's well-known `default` category option combo, also used as the attribute option combo. */
export const DEFAULT_CATEGORY_OPTION_COMBO_ID = 'HllvX50cXC0';

/** Category option combos, by a short key. */
export type CocKey =
  | 'default'
  | 'female'
  | 'male'
  | 'lt5'
  | 'ge5'
  | 'femaleLt5'
  | 'femaleGe5'
  | 'maleLt5'
  | 'maleGe5'
  | 'age0to11m'
  | 'age12to23m';

/** Category combos, by a short key. */
export type ComboKey = 'default' | 'sex' | 'ageUnder5' | 'sexAgeUnder5' | 'ageImmunisation';

const COMBOS: readonly {
  key: ComboKey;
  code: string;
  name: string;
  options: readonly [CocKey, string, string][];
}[] = [
  {
    key: 'default',
    code: 'default',
    name: 'default',
    options: [['default', 'default', 'default']],
  },
  {
    key: 'sex',
    code: 'CC_SEX',
    name: 'Sex',
    options: [
      ['female', 'COC_FEMALE', 'Female'],
      ['male', 'COC_MALE', 'Male'],
    ],
  },
  {
    key: 'ageUnder5',
    code: 'CC_AGE_UNDER5',
    name: 'Age (<5y, 5y+)',
    options: [
      ['lt5', 'COC_AGE_LT5', '<5y'],
      ['ge5', 'COC_AGE_GE5', '5y+'],
    ],
  },
  {
    key: 'sexAgeUnder5',
    code: 'CC_SEX_AGE_UNDER5',
    name: 'Sex and age (<5y, 5y+)',
    options: [
      ['femaleLt5', 'COC_FEMALE_LT5', 'Female, <5y'],
      ['femaleGe5', 'COC_FEMALE_GE5', 'Female, 5y+'],
      ['maleLt5', 'COC_MALE_LT5', 'Male, <5y'],
      ['maleGe5', 'COC_MALE_GE5', 'Male, 5y+'],
    ],
  },
  {
    key: 'ageImmunisation',
    code: 'CC_AGE_IMMUNISATION',
    name: 'Age (0-11m, 12-23m)',
    options: [
      ['age0to11m', 'COC_AGE_0_11M', '0-11m'],
      ['age12to23m', 'COC_AGE_12_23M', '12-23m'],
    ],
  },
];

/** Data elements, by a short key. */
export type DataElementKey =
  | 'anc1'
  | 'anc4'
  | 'deliveries'
  | 'liveBirths'
  | 'penta1'
  | 'penta3'
  | 'mcv1'
  | 'opd'
  | 'malariaSuspected'
  | 'malariaTested'
  | 'malariaConfirmed'
  | 'tbNotified'
  | 'stockoutAct'
  | 'stockoutRdt'
  | 'stockoutAmoxicillin'
  | 'stockoutOrsZinc'
  | 'stockDaysMonitored'
  | 'hwDaysScheduled'
  | 'hwDaysPresent'
  | 'population'
  | 'expectedPregnancies'
  | 'expectedDeliveries'
  | 'survivingInfants';

interface DataElementSpec {
  key: DataElementKey;
  code: string;
  name: string;
  shortName: string;
  combo: ComboKey;
  /** Reported by facilities each month (and so missing in reporting gaps); false for targets. */
  reported: boolean;
  valueType?: DemoValueType;
  aggregationType?: DemoAggregationType;
  description: string;
}

const SPECS: readonly DataElementSpec[] = [
  {
    key: 'anc1',
    code: 'DE_ANC1',
    name: 'ANC 1st visit',
    shortName: 'ANC 1st visit',
    combo: 'default',
    reported: true,
    description: 'Pregnant women attending their first antenatal care visit this month.',
  },
  {
    key: 'anc4',
    code: 'DE_ANC4',
    name: 'ANC 4th visit',
    shortName: 'ANC 4th visit',
    combo: 'default',
    reported: true,
    description: 'Pregnant women attending their fourth antenatal care visit this month.',
  },
  {
    key: 'deliveries',
    code: 'DE_DELIVERIES',
    name: 'Facility deliveries',
    shortName: 'Deliveries',
    combo: 'default',
    reported: true,
    description:
      'Deliveries conducted in the facility by a skilled birth attendant (hospitals and health centres).',
  },
  {
    key: 'liveBirths',
    code: 'DE_LIVE_BIRTHS',
    name: 'Live births in facility',
    shortName: 'Live births',
    combo: 'sex',
    reported: true,
    description: 'Live births in the facility, by sex of the baby.',
  },
  {
    key: 'penta1',
    code: 'DE_PENTA1',
    name: 'Penta 1 doses given',
    shortName: 'Penta 1 doses',
    combo: 'ageImmunisation',
    reported: true,
    description: 'First doses of pentavalent vaccine (DTP-HepB-Hib), by age of the child.',
  },
  {
    key: 'penta3',
    code: 'DE_PENTA3',
    name: 'Penta 3 doses given',
    shortName: 'Penta 3 doses',
    combo: 'ageImmunisation',
    reported: true,
    description: 'Third doses of pentavalent vaccine (DTP-HepB-Hib), by age of the child.',
  },
  {
    key: 'mcv1',
    code: 'DE_MCV1',
    name: 'Measles-containing vaccine 1st dose given',
    shortName: 'Measles 1 doses',
    combo: 'ageImmunisation',
    reported: true,
    description: 'First doses of measles-containing vaccine, by age of the child.',
  },
  {
    key: 'opd',
    code: 'DE_OPD',
    name: 'OPD visits',
    shortName: 'OPD visits',
    combo: 'sexAgeUnder5',
    reported: true,
    description: 'Outpatient department visits (new and repeat), by sex and age.',
  },
  {
    key: 'malariaSuspected',
    code: 'DE_MAL_SUSPECTED',
    name: 'Malaria suspected cases',
    shortName: 'Malaria suspected',
    combo: 'default',
    reported: true,
    description: 'Patients with fever suspected of malaria.',
  },
  {
    key: 'malariaTested',
    code: 'DE_MAL_TESTED',
    name: 'Malaria tested (RDT or microscopy)',
    shortName: 'Malaria tested',
    combo: 'default',
    reported: true,
    description: 'Suspected malaria cases tested by rapid diagnostic test or microscopy.',
  },
  {
    key: 'malariaConfirmed',
    code: 'DE_MAL_CONFIRMED',
    name: 'Malaria confirmed cases',
    shortName: 'Malaria confirmed',
    combo: 'ageUnder5',
    reported: true,
    description:
      'Malaria cases confirmed by RDT or microscopy, by age. Notifiable: outbreak detection applies.',
  },
  {
    key: 'tbNotified',
    code: 'DE_TB_NOTIFIED',
    name: 'TB cases notified',
    shortName: 'TB notified',
    combo: 'sex',
    reported: true,
    description: 'Tuberculosis cases (all forms) notified, by sex (hospitals and health centres).',
  },
  {
    key: 'stockoutAct',
    code: 'DE_STOCKOUT_ACT',
    name: 'Stock-out days: artemether-lumefantrine (ACT)',
    shortName: 'Stock-out days ACT',
    combo: 'default',
    reported: true,
    description: 'Days in the month with no artemether-lumefantrine in stock.',
  },
  {
    key: 'stockoutRdt',
    code: 'DE_STOCKOUT_RDT',
    name: 'Stock-out days: malaria RDT',
    shortName: 'Stock-out days RDT',
    combo: 'default',
    reported: true,
    description: 'Days in the month with no malaria rapid diagnostic tests in stock.',
  },
  {
    key: 'stockoutAmoxicillin',
    code: 'DE_STOCKOUT_AMOX',
    name: 'Stock-out days: amoxicillin dispersible tablets',
    shortName: 'Stock-out days amoxicillin',
    combo: 'default',
    reported: true,
    description: 'Days in the month with no amoxicillin dispersible tablets in stock.',
  },
  {
    key: 'stockoutOrsZinc',
    code: 'DE_STOCKOUT_ORS_ZINC',
    name: 'Stock-out days: ORS and zinc',
    shortName: 'Stock-out days ORS/zinc',
    combo: 'default',
    reported: true,
    description: 'Days in the month with no ORS and zinc co-pack in stock.',
  },
  {
    key: 'stockDaysMonitored',
    code: 'DE_STOCK_DAYS_MONITORED',
    name: 'Stock days monitored',
    shortName: 'Stock days monitored',
    combo: 'default',
    reported: true,
    description:
      'Days in the month covered by the stock report (the denominator of stock-out rates).',
  },
  {
    key: 'hwDaysScheduled',
    code: 'DE_HW_DAYS_SCHEDULED',
    name: 'Health worker days scheduled',
    shortName: 'HW days scheduled',
    combo: 'default',
    reported: true,
    description: 'Working days health workers were rostered for this month.',
  },
  {
    key: 'hwDaysPresent',
    code: 'DE_HW_DAYS_PRESENT',
    name: 'Health worker days present',
    shortName: 'HW days present',
    combo: 'default',
    reported: true,
    description: 'Rostered working days on which the health worker was present.',
  },
  {
    key: 'population',
    code: 'DE_POPULATION',
    name: 'Catchment population',
    shortName: 'Population',
    combo: 'default',
    reported: false,
    aggregationType: 'LAST',
    description:
      'Estimated catchment population (planning data; the last value of a period counts).',
  },
  {
    key: 'expectedPregnancies',
    code: 'DE_EXPECTED_PREGNANCIES',
    name: 'Expected pregnancies (monthly target)',
    shortName: 'Expected pregnancies',
    combo: 'default',
    reported: false,
    valueType: 'NUMBER',
    description: 'Expected pregnancies in the catchment this month: population × 4.2 % ÷ 12.',
  },
  {
    key: 'expectedDeliveries',
    code: 'DE_EXPECTED_DELIVERIES',
    name: 'Expected deliveries (monthly target)',
    shortName: 'Expected deliveries',
    combo: 'default',
    reported: false,
    valueType: 'NUMBER',
    description: 'Expected deliveries in the catchment this month: population × 3.8 % ÷ 12.',
  },
  {
    key: 'survivingInfants',
    code: 'DE_SURVIVING_INFANTS',
    name: 'Surviving infants (monthly target)',
    shortName: 'Surviving infants',
    combo: 'default',
    reported: false,
    valueType: 'NUMBER',
    description: 'Surviving infants in the catchment this month: expected births × 95 %.',
  },
];

/** The metadata the generator refers to by key, with the lists the country exposes. */
export interface Catalogue {
  categoryCombos: DemoCategoryCombo[];
  dataElements: DemoDataElement[];
  /** Data elements by key. */
  de: Record<DataElementKey, DemoDataElement>;
  /** Category option combo ids by key. */
  coc: Record<CocKey, string>;
  /** Category option combo keys of each data element, in the order values are generated. */
  cocsOf: Record<DataElementKey, CocKey[]>;
  /** Whether facilities report the data element (so it goes missing in reporting gaps). */
  reported: Record<DataElementKey, boolean>;
}

/** Builds the category combos and data elements with ids from `uids`. */
export function buildCatalogue(uids: UidRegistry): Catalogue {
  const coc = {} as Record<CocKey, string>;
  const comboIds = {} as Record<ComboKey, string>;
  const comboCocs = {} as Record<ComboKey, CocKey[]>;
  const categoryCombos = COMBOS.map((combo): DemoCategoryCombo => {
    const id =
      combo.key === 'default' ? DEFAULT_CATEGORY_COMBO_ID : uids.uid(`categoryCombo:${combo.code}`);
    comboIds[combo.key] = id;
    comboCocs[combo.key] = combo.options.map(([key]) => key);
    const options = combo.options.map(([key, code, name]) => {
      coc[key] =
        key === 'default'
          ? DEFAULT_CATEGORY_OPTION_COMBO_ID
          : uids.uid(`categoryOptionCombo:${code}`);
      return { id: coc[key], code, name };
    });
    return { id, code: combo.code, name: combo.name, dataDimensionType: 'disaggregation', options };
  });
  const de = {} as Record<DataElementKey, DemoDataElement>;
  const cocsOf = {} as Record<DataElementKey, CocKey[]>;
  const reported = {} as Record<DataElementKey, boolean>;
  const dataElements = SPECS.map((spec): DemoDataElement => {
    const element: DemoDataElement = {
      id: uids.uid(`dataElement:${spec.code}`),
      code: spec.code,
      name: spec.name,
      shortName: spec.shortName,
      valueType: spec.valueType ?? 'INTEGER_ZERO_OR_POSITIVE',
      aggregationType: spec.aggregationType ?? 'SUM',
      categoryComboId: comboIds[spec.combo],
      description: spec.description,
    };
    de[spec.key] = element;
    cocsOf[spec.key] = comboCocs[spec.combo];
    reported[spec.key] = spec.reported;
    return element;
  });
  return { categoryCombos, dataElements, de, coc, cocsOf, reported };
}
