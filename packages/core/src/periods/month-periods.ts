/**
 * Periods made of whole months: Monthly up to Yearly and the financial years.
 *
 * Each type is a run of `months` months, aligned to a year that starts in month `yearStart`.
 * A month is counted as `year * 12 + monthIndex` (monthIndex 0 = January), so shifting and
 * finding the period of a day are integer division.
 */
import { civilFromDays, daysFromCivil, daysInMonth, pad2 } from './civil-date.ts';
import { buildPeriod, type Period, type PeriodType } from './period-types.ts';

/** The period types made of whole months. */
export type MonthPeriodType =
  | 'Monthly'
  | 'BiMonthly'
  | 'Quarterly'
  | 'QuarterlyNov'
  | 'SixMonthly'
  | 'SixMonthlyApril'
  | 'SixMonthlyNov'
  | 'Yearly'
  | 'FinancialApril'
  | 'FinancialJuly'
  | 'FinancialSep'
  | 'FinancialOct'
  | 'FinancialNov';

interface MonthRule {
  /** Months per period. */
  readonly months: 1 | 2 | 3 | 6 | 12;
  /** Month index (0 = January) the period's year starts in: 3 = April, 10 = November. */
  readonly yearStart: number;
  /**
   * Added to the calendar year the period's year starts in to give the id year. It is 1 for the
   * November types, which dhis2-core names by the year they end in (`2024NovQ1` starts in
   * November 2023), and 0 for every other type.
   */
  readonly idYearOffset: 0 | 1;
  /** The id after its 4-digit year, from the 1-based number of the period in its year. */
  readonly idRest: (n: number) => string;
}

const MONTH_RULES: Readonly<Record<MonthPeriodType, MonthRule>> = {
  Monthly: { months: 1, yearStart: 0, idYearOffset: 0, idRest: (n) => pad2(n) },
  BiMonthly: { months: 2, yearStart: 0, idYearOffset: 0, idRest: (n) => `${pad2(n)}B` },
  Quarterly: { months: 3, yearStart: 0, idYearOffset: 0, idRest: (n) => `Q${n}` },
  QuarterlyNov: { months: 3, yearStart: 10, idYearOffset: 1, idRest: (n) => `NovQ${n}` },
  SixMonthly: { months: 6, yearStart: 0, idYearOffset: 0, idRest: (n) => `S${n}` },
  SixMonthlyApril: { months: 6, yearStart: 3, idYearOffset: 0, idRest: (n) => `AprilS${n}` },
  SixMonthlyNov: { months: 6, yearStart: 10, idYearOffset: 1, idRest: (n) => `NovS${n}` },
  Yearly: { months: 12, yearStart: 0, idYearOffset: 0, idRest: () => '' },
  FinancialApril: { months: 12, yearStart: 3, idYearOffset: 0, idRest: () => 'April' },
  FinancialJuly: { months: 12, yearStart: 6, idYearOffset: 0, idRest: () => 'July' },
  FinancialSep: { months: 12, yearStart: 8, idYearOffset: 0, idRest: () => 'Sep' },
  FinancialOct: { months: 12, yearStart: 9, idYearOffset: 0, idRest: () => 'Oct' },
  FinancialNov: { months: 12, yearStart: 10, idYearOffset: 1, idRest: () => 'Nov' },
};

/** Whether `type` is made of whole months. */
export function isMonthPeriodType(type: PeriodType): type is MonthPeriodType {
  return Object.hasOwn(MONTH_RULES, type);
}

/** How many periods of `type` make its year: 12 for Monthly … 1 for Yearly. */
export function periodsPerYear(type: MonthPeriodType): number {
  return 12 / MONTH_RULES[type].months;
}

/** The month count (`year * 12 + monthIndex`) of day number `day`. */
export function monthCountOf(day: number): number {
  const { year, month } = civilFromDays(day);
  return year * 12 + month - 1;
}

/**
 * The period of `type` that starts in month count `startMonth`, which the caller has aligned.
 *
 * @throws ValidationError (`period_out_of_range`) outside years 0000–9999.
 */
function monthPeriodStartingIn(type: MonthPeriodType, startMonth: number): Period {
  const { months, yearStart, idYearOffset, idRest } = MONTH_RULES[type];
  const startYear = Math.floor(startMonth / 12);
  const endMonth = startMonth + months - 1;
  const endYear = Math.floor(endMonth / 12);
  const endMonthOfYear = endMonth - endYear * 12 + 1;
  const startDay = daysFromCivil(startYear, startMonth - startYear * 12 + 1, 1);
  const endDay = daysFromCivil(endYear, endMonthOfYear, daysInMonth(endYear, endMonthOfYear));
  const ownYear = Math.floor((startMonth - yearStart) / 12);
  const n = (startMonth - yearStart - ownYear * 12) / months + 1;
  return buildPeriod(ownYear + idYearOffset, idRest(n), type, startDay, endDay);
}

/**
 * Period `n` of id year `idYear`; the caller has checked 1 ≤ n ≤ `periodsPerYear`.
 *
 * @throws ValidationError (`period_out_of_range`) outside years 0000–9999.
 */
export function monthPeriod(type: MonthPeriodType, idYear: number, n: number): Period {
  const { months, yearStart, idYearOffset } = MONTH_RULES[type];
  return monthPeriodStartingIn(type, (idYear - idYearOffset) * 12 + yearStart + (n - 1) * months);
}

/** The period of `type` holding month count `month`, `steps` periods later (or earlier). */
export function monthPeriodFrom(type: MonthPeriodType, month: number, steps = 0): Period {
  const { months, yearStart } = MONTH_RULES[type];
  const index = Math.floor((month - yearStart) / months) + steps;
  return monthPeriodStartingIn(type, yearStart + index * months);
}

/**
 * Whether every period of `source` lies inside one period of `target`: the target's length is a
 * multiple of the source's, and every target boundary is a source boundary. Quarterly nests in
 * FinancialApril and SixMonthlyApril; BiMonthly does not nest in Quarterly (Mar–Apr).
 */
export function monthTypeNestsIn(source: MonthPeriodType, target: MonthPeriodType): boolean {
  const from = MONTH_RULES[source];
  const into = MONTH_RULES[target];
  const offset = (((into.yearStart - from.yearStart) % from.months) + from.months) % from.months;
  return into.months % from.months === 0 && offset === 0;
}
