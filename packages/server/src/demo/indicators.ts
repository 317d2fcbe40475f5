/**
 * The demo's indicators, in DHIS2 expression syntax over the catalogue's data elements.
 *
 * Coverage indicators divide by population-based monthly targets (expected pregnancies,
 * expected deliveries, surviving infants) stored as data elements with SUM aggregation: that is
 * the WHO definition of coverage, and numerator and denominator then add up the same way over
 * org units and periods, so a district's quarterly coverage is right without annualising.
 * ANC4 ÷ ANC1 would be a retention ratio, not coverage, and would hide a fall in ANC1.
 */
import type { Catalogue, CocKey, DataElementKey } from './catalogue.ts';
import type {
  DemoChartType,
  DemoIndicator,
  DemoIndicatorKind,
  DemoIndicatorType,
} from './types.ts';
import type { UidRegistry } from './uid.ts';

/** Indicators, by a short key. */
export type IndicatorKey =
  | 'anc1Coverage'
  | 'anc4Coverage'
  | 'facilityDeliveryRate'
  | 'penta1Coverage'
  | 'penta3Coverage'
  | 'pentaDropout'
  | 'measlesCoverage'
  | 'malariaTestingRate'
  | 'malariaPositivity'
  | 'malariaConfirmed'
  | 'malariaIncidence'
  | 'opdUtilisation'
  | 'stockoutRate'
  | 'actStockoutRate'
  | 'tbNotified'
  | 'hwPresence';

type TypeKey = 'percent' | 'number' | 'perPerson' | 'perThousand';

const TYPES: readonly { key: TypeKey; name: string; factor: number; number: boolean }[] = [
  { key: 'percent', name: 'Per cent', factor: 100, number: false },
  { key: 'number', name: 'Number (factor 1)', factor: 1, number: true },
  { key: 'perPerson', name: 'Per person (factor 1)', factor: 1, number: false },
  { key: 'perThousand', name: 'Per thousand', factor: 1000, number: false },
];

interface IndicatorSpec {
  key: IndicatorKey;
  code: string;
  name: string;
  shortName: string;
  description: string;
  numerator: string;
  numeratorDescription: string;
  denominator: string;
  denominatorDescription: string;
  type: TypeKey;
  annualized?: boolean;
  decimals?: number;
  kind: DemoIndicatorKind;
  desiredDirection: 'up' | 'down' | 'none';
  target: number | null;
  chart: DemoChartType;
  notifiable?: boolean;
}

function specs(catalogue: Catalogue): IndicatorSpec[] {
  /** `#{de}` or `#{de.coc}` with the catalogue's ids. */
  const item = (de: DataElementKey, coc?: CocKey): string =>
    coc === undefined
      ? `#{${catalogue.de[de].id}}`
      : `#{${catalogue.de[de].id}.${catalogue.coc[coc]}}`;
  const p1 = item('penta1', 'age0to11m');
  const p3 = item('penta3', 'age0to11m');
  const stockouts = `${item('stockoutAct')}+${item('stockoutRdt')}+${item('stockoutAmoxicillin')}+${item('stockoutOrsZinc')}`;
  return [
    {
      key: 'anc1Coverage',
      code: 'IN_ANC1_COVERAGE',
      name: 'ANC 1st visit coverage',
      shortName: 'ANC1 coverage',
      description: 'First antenatal visits as a share of expected pregnancies.',
      numerator: item('anc1'),
      numeratorDescription: 'ANC 1st visits',
      denominator: item('expectedPregnancies'),
      denominatorDescription: 'Expected pregnancies',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 95,
      chart: 'pp',
    },
    {
      key: 'anc4Coverage',
      code: 'IN_ANC4_COVERAGE',
      name: 'ANC 4th visit coverage',
      shortName: 'ANC4 coverage',
      description: 'Fourth antenatal visits as a share of expected pregnancies.',
      numerator: item('anc4'),
      numeratorDescription: 'ANC 4th visits',
      denominator: item('expectedPregnancies'),
      denominatorDescription: 'Expected pregnancies',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 80,
      chart: 'pp',
    },
    {
      key: 'facilityDeliveryRate',
      code: 'IN_FACILITY_DELIVERY_RATE',
      name: 'Facility delivery rate',
      shortName: 'Facility deliveries',
      description: 'Deliveries in health facilities as a share of expected deliveries.',
      numerator: item('deliveries'),
      numeratorDescription: 'Facility deliveries',
      denominator: item('expectedDeliveries'),
      denominatorDescription: 'Expected deliveries',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 80,
      chart: 'pp',
    },
    {
      key: 'penta1Coverage',
      code: 'IN_PENTA1_COVERAGE',
      name: 'Penta 1 coverage (<1y)',
      shortName: 'Penta1 coverage',
      description: 'First pentavalent doses to infants under one as a share of surviving infants.',
      numerator: p1,
      numeratorDescription: 'Penta 1 doses, 0-11m',
      denominator: item('survivingInfants'),
      denominatorDescription: 'Surviving infants',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 95,
      chart: 'pp',
    },
    {
      key: 'penta3Coverage',
      code: 'IN_PENTA3_COVERAGE',
      name: 'Penta 3 coverage (<1y)',
      shortName: 'Penta3 coverage',
      description: 'Third pentavalent doses to infants under one as a share of surviving infants.',
      numerator: p3,
      numeratorDescription: 'Penta 3 doses, 0-11m',
      denominator: item('survivingInfants'),
      denominatorDescription: 'Surviving infants',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 90,
      chart: 'pp',
    },
    {
      key: 'pentaDropout',
      code: 'IN_PENTA1_3_DROPOUT',
      name: 'Penta 1 to 3 dropout rate (<1y)',
      shortName: 'Penta1-3 dropout',
      description:
        'Share of infants who started the pentavalent series this period but whose third dose is not counted: (Penta1 − Penta3) ÷ Penta1.',
      numerator: `(${p1}-${p3})`,
      numeratorDescription: 'Penta 1 minus Penta 3 doses, 0-11m',
      denominator: p1,
      denominatorDescription: 'Penta 1 doses, 0-11m',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'down',
      target: 10,
      chart: 'pp',
    },
    {
      key: 'measlesCoverage',
      code: 'IN_MCV1_COVERAGE',
      name: 'Measles 1st dose coverage (<1y)',
      shortName: 'Measles coverage',
      description:
        'First measles-containing vaccine doses to infants under one as a share of surviving infants.',
      numerator: item('mcv1', 'age0to11m'),
      numeratorDescription: 'MCV1 doses, 0-11m',
      denominator: item('survivingInfants'),
      denominatorDescription: 'Surviving infants',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 90,
      chart: 'pp',
    },
    {
      key: 'malariaTestingRate',
      code: 'IN_MALARIA_TESTING_RATE',
      name: 'Malaria testing rate',
      shortName: 'Malaria tested %',
      description: 'Suspected malaria cases that were tested.',
      numerator: item('malariaTested'),
      numeratorDescription: 'Malaria tested',
      denominator: item('malariaSuspected'),
      denominatorDescription: 'Malaria suspected',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 100,
      chart: 'pp',
    },
    {
      key: 'malariaPositivity',
      code: 'IN_MALARIA_TPR',
      name: 'Malaria test positivity rate',
      shortName: 'Malaria positivity',
      description: 'Tested cases confirmed as malaria.',
      numerator: item('malariaConfirmed'),
      numeratorDescription: 'Malaria confirmed',
      denominator: item('malariaTested'),
      denominatorDescription: 'Malaria tested',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'down',
      target: null,
      chart: 'pp',
    },
    {
      key: 'malariaConfirmed',
      code: 'IN_MALARIA_CONFIRMED',
      name: 'Malaria confirmed cases',
      shortName: 'Malaria cases',
      description: 'Confirmed malaria cases (all ages). Notifiable: outbreak detection applies.',
      numerator: item('malariaConfirmed'),
      numeratorDescription: 'Malaria confirmed',
      denominator: '1',
      denominatorDescription: 'One',
      type: 'number',
      decimals: 0,
      kind: 'count',
      desiredDirection: 'down',
      target: null,
      chart: 'c',
      notifiable: true,
    },
    {
      key: 'malariaIncidence',
      code: 'IN_MALARIA_INCIDENCE',
      name: 'Malaria confirmed incidence per 1,000 per year',
      shortName: 'Malaria incidence',
      description: 'Confirmed malaria cases per 1,000 population per year (annualised).',
      numerator: item('malariaConfirmed'),
      numeratorDescription: 'Malaria confirmed',
      denominator: item('population'),
      denominatorDescription: 'Catchment population',
      type: 'perThousand',
      annualized: true,
      kind: 'rate',
      desiredDirection: 'down',
      target: null,
      chart: 'up',
    },
    {
      key: 'opdUtilisation',
      code: 'IN_OPD_UTILISATION',
      name: 'OPD utilisation (visits per person per year)',
      shortName: 'OPD utilisation',
      description: 'Outpatient visits per person per year (annualised).',
      numerator: item('opd'),
      numeratorDescription: 'OPD visits',
      denominator: item('population'),
      denominatorDescription: 'Catchment population',
      type: 'perPerson',
      annualized: true,
      decimals: 2,
      kind: 'rate',
      desiredDirection: 'up',
      target: 1,
      chart: 'up',
    },
    {
      key: 'stockoutRate',
      code: 'IN_STOCKOUT_RATE',
      name: 'Tracer medicine stock-out rate',
      shortName: 'Stock-out rate',
      description:
        'Share of monitored days with a stock-out, over four tracer items (ACT, RDT, amoxicillin, ORS/zinc).',
      numerator: `(${stockouts})`,
      numeratorDescription: 'Stock-out days of the four tracer items',
      denominator: `(4*${item('stockDaysMonitored')})`,
      denominatorDescription: 'Four times the stock days monitored',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'down',
      target: 5,
      chart: 'pp',
    },
    {
      key: 'actStockoutRate',
      code: 'IN_ACT_STOCKOUT_RATE',
      name: 'ACT stock-out rate',
      shortName: 'ACT stock-out rate',
      description: 'Share of monitored days with no artemether-lumefantrine in stock.',
      numerator: item('stockoutAct'),
      numeratorDescription: 'Stock-out days ACT',
      denominator: item('stockDaysMonitored'),
      denominatorDescription: 'Stock days monitored',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'down',
      target: 5,
      chart: 'pp',
    },
    {
      key: 'tbNotified',
      code: 'IN_TB_NOTIFIED',
      name: 'TB cases notified',
      shortName: 'TB notified',
      description: 'Tuberculosis cases notified (all forms, both sexes).',
      numerator: item('tbNotified'),
      numeratorDescription: 'TB cases notified',
      denominator: '1',
      denominatorDescription: 'One',
      type: 'number',
      decimals: 0,
      kind: 'count',
      desiredDirection: 'up',
      target: null,
      chart: 'c',
    },
    {
      key: 'hwPresence',
      code: 'IN_HW_PRESENCE',
      name: 'Health worker presence rate',
      shortName: 'HW presence',
      description: 'Scheduled health worker days on which the worker was present.',
      numerator: item('hwDaysPresent'),
      numeratorDescription: 'Health worker days present',
      denominator: item('hwDaysScheduled'),
      denominatorDescription: 'Health worker days scheduled',
      type: 'percent',
      kind: 'proportion',
      desiredDirection: 'up',
      target: 90,
      chart: 'pp',
    },
  ];
}

/** Indicator types and indicators, with ids from `uids`. */
export interface IndicatorSet {
  indicatorTypes: DemoIndicatorType[];
  indicators: DemoIndicator[];
  /** Indicators by key. */
  indicator: Record<IndicatorKey, DemoIndicator>;
}

/** Builds the indicator types and indicators over `catalogue`. */
export function buildIndicators(uids: UidRegistry, catalogue: Catalogue): IndicatorSet {
  const typeIds = {} as Record<TypeKey, string>;
  const indicatorTypes = TYPES.map((t): DemoIndicatorType => {
    typeIds[t.key] = uids.uid(`indicatorType:${t.key}`);
    return { id: typeIds[t.key], name: t.name, factor: t.factor, number: t.number };
  });
  const indicator = {} as Record<IndicatorKey, DemoIndicator>;
  const indicators = specs(catalogue).map((s): DemoIndicator => {
    indicator[s.key] = {
      id: uids.uid(`indicator:${s.code}`),
      code: s.code,
      name: s.name,
      shortName: s.shortName,
      description: s.description,
      numerator: s.numerator,
      numeratorDescription: s.numeratorDescription,
      denominator: s.denominator,
      denominatorDescription: s.denominatorDescription,
      indicatorTypeId: typeIds[s.type],
      annualized: s.annualized ?? false,
      decimals: s.decimals ?? 1,
      kind: s.kind,
      desiredDirection: s.desiredDirection,
      target: s.target,
      defaultChartType: s.chart,
      notifiable: s.notifiable ?? false,
    };
    return indicator[s.key];
  });
  return { indicatorTypes, indicators, indicator };
}
