/**
 * What the scan computes for one indicator × org unit series: the chart (the indicator's default
 * chart type, with the saved baseline and phases) and its findings under the series' rule-set
 * preset, plus outbreak findings for notifiable counts. Pure: no database, no clock.
 */
import {
  computeFunnel,
  computeSpcChart,
  detectOutbreaks,
  findingsFromFunnel,
  findingsFromOutbreaks,
  findingsFromSpcInput,
  InsufficientDataError,
  type FindingFilter,
  type FlexibleWeekMemo,
  type OutbreakOptions,
  type RuleSetPreset,
  type SignalFinding,
  type SignalKind,
  type SpcChart,
  type SpcChartType,
  type SpcInput,
  type SpcOptions,
} from '@sankofa/core';

/** One point of an indicator series: the value and, for ratios, its numerator and denominator. */
export interface ScanPoint {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface SeriesToAnalyse {
  readonly periodIds: readonly string[];
  readonly points: readonly ScanPoint[];
  /** The indicator's `defaultChartType`. */
  readonly chartType: string;
  /** The indicator type's factor (100 for per cent). */
  readonly factor: number;
  /** `count`, `proportion`, `rate`, `mean`. */
  readonly kind: string;
  readonly notifiable: boolean;
  /** chart_settings.baseline_end, or null. */
  readonly baselineEnd: string | null;
  /** chart_settings.phase_ends. */
  readonly phaseEnds: readonly string[];
  readonly preset: RuleSetPreset;
}

/** Fewer non-missing points than this and the chart is not read (Anhøj's rules need 10+; we ask 12). */
export const MIN_POINTS = 12;
/** Months monitored by the outbreak detector (the most recent ones). */
export const OUTBREAK_MONITORED = 12;
/** Farrington's window half-width (surveillance's default w = 3). */
const FARRINGTON_W = 3;
/** Farrington's years back at most (surveillance's default b = 5). */
const FARRINGTON_MAX_B = 5;

const RATIO_CHARTS = new Set<string>(['p', 'pp', 'u', 'up']);
const VALUE_CHARTS = new Set<string>(['run', 'i', 'c']);

/** The chart the scan draws for an indicator: ratios keep their type, g and t charts read as run charts. */
export function scanChartType(chartType: string): SpcChartType {
  if (RATIO_CHARTS.has(chartType) || VALUE_CHARTS.has(chartType)) {
    return chartType as SpcChartType;
  }
  return 'run';
}

/** The SPC options from the saved settings, as 1-based rows of this series' periods. */
export function spcOptionsFor(series: SeriesToAnalyse, chart: SpcChartType): SpcOptions {
  const part = series.phaseEnds
    .map((id) => series.periodIds.indexOf(id) + 1)
    .filter((row) => row >= 1 && row < series.periodIds.length)
    .sort((a, b) => a - b);
  const freeze = series.baselineEnd === null ? 0 : series.periodIds.indexOf(series.baselineEnd) + 1;
  return {
    chart,
    ...(RATIO_CHARTS.has(chart) ? { multiply: series.factor } : {}),
    ...(part.length > 0 ? { part: [...new Set(part)] } : {}),
    ...(part.length === 0 && freeze >= 2 && freeze < series.periodIds.length ? { freeze } : {}),
  };
}

/** Findings of the chart: the preset's rules per part. Ratio charts fall back to an I chart of the value when the counts do not fit them (numerator > denominator on a P chart). */
export function chartFindings(series: SeriesToAnalyse): SignalFinding[] {
  return chartFindingsKept(series, recentPoints(series));
}

/** Single-point findings are raised only in the last this many months of the window. */
export const RECENT_POINT_MONTHS = 3;

/**
 * A single point beyond the limits is news while it is recent; an older one stays on the chart
 * (labelled there) but is not raised: it is past the point where it could be acted on.
 */
function recentPoints(series: SeriesToAnalyse): FindingFilter {
  const recent = new Set(series.periodIds.slice(-RECENT_POINT_MONTHS));
  return (kind, lastPeriod) => kind !== 'single_point' || recent.has(lastPeriod);
}

/**
 * The chart's findings that `keep` keeps (the others get no summary: see `findingsFromSpcChart`):
 * those of {@link seriesSpcChart}'s chart, read without drawing its points.
 */
function chartFindingsKept(series: SeriesToAnalyse, keep: FindingFilter): SignalFinding[] {
  const type = chartTypeToRead(series);
  if (type === null) {
    return [];
  }
  const read = (t: SpcChartType) => {
    const { input, options } = chartInputOf(series, t);
    return findingsFromSpcInput(input, options, series.periodIds, series.preset, keep);
  };
  if (type !== 'fallback') {
    return read(type);
  }
  try {
    return read(scanChartType(series.chartType));
  } catch {
    // Counts a ratio chart refuses (negative, non-finite): read the value on an I chart.
  }
  return read('i');
}

/**
 * The series' SPC chart as the scan reads it (and the chart page draws it): the indicator's
 * chart type with the saved baseline and phases; ratio charts fall back to an I chart of the
 * value when the counts do not fit them (numerator > denominator on a P chart). Null with fewer
 * than {@link MIN_POINTS} values.
 */
export function seriesSpcChart(
  series: SeriesToAnalyse,
): { readonly type: SpcChartType; readonly chart: SpcChart } | null {
  const type = chartTypeToRead(series);
  if (type === null) {
    return null;
  }
  if (type !== 'fallback') {
    return chartOfType(series, type);
  }
  try {
    return chartOfType(series, scanChartType(series.chartType));
  } catch {
    // Counts a ratio chart refuses (negative, non-finite): read the value on an I chart.
  }
  return chartOfType(series, 'i');
}

/**
 * The chart a series is read on: null with fewer than {@link MIN_POINTS} values; `fallback` for
 * a ratio chart the counts fit, which falls back to an I chart when `computeSpcChart` refuses
 * them; else the type (an I chart of the value for a P or P′ chart whose numerator exceeds its
 * denominator somewhere).
 */
function chartTypeToRead(series: SeriesToAnalyse): SpcChartType | 'fallback' | null {
  let present = 0;
  for (const p of series.points) {
    if (p.value !== null) {
      present++;
    }
  }
  if (present < MIN_POINTS) {
    return null;
  }
  const chart = scanChartType(series.chartType);
  const proportionFits =
    (chart !== 'p' && chart !== 'pp') ||
    series.points.every(
      (p) =>
        p.value === null ||
        (p.numerator !== null && p.denominator !== null && p.numerator <= p.denominator),
    );
  if (RATIO_CHARTS.has(chart) && proportionFits) {
    return 'fallback';
  }
  return RATIO_CHARTS.has(chart) ? 'i' : chart;
}

/** The series on a chart of this type: numerators and denominators for ratio charts, else values. */
function chartOfType(
  series: SeriesToAnalyse,
  type: SpcChartType,
): { readonly type: SpcChartType; readonly chart: SpcChart } {
  const { input, options } = chartInputOf(series, type);
  return { type, chart: computeSpcChart(input, options) };
}

/** The chart's input and options for a chart of this type. */
function chartInputOf(
  series: SeriesToAnalyse,
  type: SpcChartType,
): { readonly input: SpcInput; readonly options: SpcOptions } {
  const x = series.periodIds;
  const count = series.points.length;
  const y = new Array<number | null>(count);
  if (!RATIO_CHARTS.has(type)) {
    for (let i = 0; i < count; i++) {
      y[i] = series.points[i].value;
    }
    return { input: { x, y }, options: spcOptionsFor(series, type) };
  }
  const n = new Array<number | null>(count);
  for (let i = 0; i < count; i++) {
    const p = series.points[i];
    y[i] = p.value === null ? null : p.numerator;
    n[i] = p.value === null ? null : p.denominator;
  }
  return { input: { x, y, n }, options: spcOptionsFor(series, type) };
}

/**
 * Outbreak findings for a notifiable count: improved Farrington (`farrington-flexible`, monthly
 * frequency 12) over the last {@link OUTBREAK_MONITORED} months with as many years back as the
 * history allows (up to 5); EARS C3 (CDC) when there is less than a year of history before the
 * monitored months; nothing when even that is too short. Missing months end the usable history:
 * only the complete tail of the series is read.
 */
export function outbreakFindings(
  series: SeriesToAnalyse,
  memo?: FlexibleWeekMemo,
): SignalFinding[] {
  if (!series.notifiable || series.kind !== 'count') {
    return [];
  }
  // The complete tail: the detectors need whole counts in every row.
  let start = series.points.length;
  while (start > 0) {
    const v = series.points[start - 1].value;
    if (v === null || !Number.isFinite(v) || v < 0) {
      break;
    }
    start--;
  }
  const observed = series.points.slice(start).map((p) => Math.round(p.value ?? 0));
  const periodIds = series.periodIds.slice(start);
  const n = observed.length;
  if (n < MIN_POINTS || observed.every((v) => v === 0)) {
    return [];
  }
  const first = Math.max(1, n - OUTBREAK_MONITORED + 1);
  const b = Math.min(FARRINGTON_MAX_B, Math.floor((first - 1 - FARRINGTON_W) / 12));
  const options: OutbreakOptions =
    b >= 1
      ? {
          method: 'farrington-flexible',
          range: { first, last: n },
          b,
          w: FARRINGTON_W,
        }
      : { method: 'ears-c3-cdc', range: { first, last: n } };
  const run = (o: OutbreakOptions) =>
    findingsFromOutbreaks({
      periodIds,
      result: detectOutbreaks({ observed, frequency: 12 }, o, { flexibleWeeks: memo }),
    });
  try {
    return run(options);
  } catch (error) {
    if (!(error instanceof InsufficientDataError)) {
      throw error;
    }
    // Monitor fewer months, starting where the method has its history.
    const later = error.needed + 1;
    if (later > n) {
      return [];
    }
    try {
      return run({ ...options, range: { first: later, last: n } });
    } catch (again) {
      if (again instanceof InsufficientDataError) {
        return [];
      }
      throw again;
    }
  }
}

/**
 * Every finding of one series. `memo`: outbreak months already computed, by their inputs (see
 * `FlexibleWeekMemo`); the findings are those of a fresh computation.
 */
export function analyseSeries(series: SeriesToAnalyse, memo?: FlexibleWeekMemo): SignalFinding[] {
  if (!series.notifiable || series.kind !== 'count') {
    return [...outbreakFindings(series, memo), ...chartFindings(series)];
  }
  // A notifiable count is read for outbreaks by a detector that models its seasonality; its
  // chart's single points and too few crossings are the season itself (a C chart's limits know
  // neither seasons nor over-dispersion), so only its sustained shifts and trends are raised.
  const recent = recentPoints(series);
  return [
    ...outbreakFindings(series, memo),
    ...chartFindingsKept(
      series,
      (kind, lastPeriod) => SEASONAL_COUNT_KINDS.has(kind) && recent(kind, lastPeriod),
    ),
  ];
}

/** The chart findings raised for a notifiable (seasonal) count, beside its outbreak alarms. */
export const SEASONAL_COUNT_KINDS: ReadonlySet<SignalKind> = new Set(['sustained_shift', 'trend']);

/** One org unit's latest numerator and denominator, for the funnel of its siblings. */
export interface PeerPoint {
  readonly orgUnitId: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** Fewest siblings with a value for a funnel. */
export const MIN_PEERS = 3;

/**
 * Peer-outlier findings among sibling org units for one period: a funnel plot (99.8 % limits,
 * widened for over-dispersion as routine data always are) of a ratio indicator — proportions for
 * P and P′ charts, rates for U and U′ — over the siblings with a numerator and a positive
 * denominator. Nothing for other charts, fewer than {@link MIN_PEERS} siblings, or counts the
 * funnel refuses (a numerator above its denominator, non-whole counts of a proportion).
 * Returns the findings by org unit id.
 */
export function peerFindings(
  chartType: string,
  factor: number,
  periodId: string,
  siblings: readonly PeerPoint[],
): Map<string, SignalFinding[]> {
  const found = new Map<string, SignalFinding[]>();
  const chart = scanChartType(chartType);
  if (!RATIO_CHARTS.has(chart)) {
    return found;
  }
  const units = siblings.flatMap((s) =>
    s.numerator !== null && s.denominator !== null && s.denominator > 0 && s.numerator >= 0
      ? [{ unit: s.orgUnitId, y: s.numerator, n: s.denominator }]
      : [],
  );
  if (units.length < MIN_PEERS) {
    return found;
  }
  const proportion = chart === 'p' || chart === 'pp';
  if (
    proportion &&
    !units.every((u) => u.y <= u.n && Number.isInteger(u.y) && Number.isInteger(u.n))
  ) {
    return found;
  }
  let result;
  try {
    result = computeFunnel(units, {
      type: proportion ? 'proportion' : 'rate',
      overdispersion: true,
      multiply: factor,
      curve: false,
      units: 'outliers',
    });
  } catch {
    // Degenerate peers (all zero, a single value): no funnel.
    return found;
  }
  for (const { orgUnit, finding } of findingsFromFunnel({ periodIds: [periodId], result })) {
    found.set(orgUnit, [...(found.get(orgUnit) ?? []), finding]);
  }
  return found;
}
