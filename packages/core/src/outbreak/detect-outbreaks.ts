/**
 * The one entry point of outbreak detection: checks the series and options, runs the method and
 * reports the effective control under surveillance's names.
 */
import { ValidationError, type Warning } from '../errors.ts';
import { detectEarsC1C2 } from './ears.ts';
import { detectEarsC3 } from './ears-c3.ts';
import { detectCusum } from './cusum.ts';
import { detectFarrington } from './farrington.ts';
import { detectFarringtonFlexible, type FlexibleWeekMemo } from './farrington-flexible.ts';
import {
  ignoredOptions,
  resolveCusumControl,
  resolveEarsControl,
  resolveFarringtonControl,
  resolveFlexibleControl,
} from './outbreak-options.ts';
import { checkSeries, type CheckedSeries } from './outbreak-series.ts';
import {
  OUTBREAK_METHODS,
  type OutbreakControlValue,
  type OutbreakOptions,
  type OutbreakPoint,
  type OutbreakResult,
  type OutbreakSeries,
} from './types.ts';

interface Run {
  readonly control: Record<string, OutbreakControlValue>;
  readonly points: OutbreakPoint[];
  readonly warnings: Warning[];
}

function requireWeeklyDates(series: CheckedSeries): void {
  if (series.days !== null && series.frequency !== 52) {
    throw ValidationError.of(
      'dates',
      'unsupported_frequency',
      `reference weeks by date are implemented for weekly data (frequency 52), not ${series.frequency}: omit the dates to count rows back`,
    );
  }
}

function run(
  series: CheckedSeries,
  options: OutbreakOptions,
  memo: FlexibleWeekMemo | undefined,
): Run {
  const common = { range: [series.first, series.last], frequency: series.frequency };
  switch (options.method) {
    case 'ears-c1':
    case 'ears-c2': {
      const control = resolveEarsControl(options, options.method === 'ears-c1' ? 'C1' : 'C2');
      const { variant, ...rest } = control;
      return {
        control: { method: variant, ...rest, ...common },
        ...detectEarsC1C2(series, control),
      };
    }
    case 'ears-c3':
    case 'ears-c3-cdc': {
      const control = resolveEarsControl(options, 'C3');
      const definition = options.method === 'ears-c3' ? 'package' : 'cdc';
      const { variant, ...rest } = control;
      return {
        control: { method: variant, definition, ...rest, ...common },
        ...detectEarsC3(series, control, definition),
      };
    }
    case 'cusum': {
      const control = resolveCusumControl(options);
      const { points, warnings, m } = detectCusum(series, control);
      return {
        control: { k: control.k, h: control.h, m, trans: 'standard', ...common },
        points,
        warnings,
      };
    }
    case 'farrington': {
      requireWeeklyDates(series);
      const control = resolveFarringtonControl(options);
      return {
        control: {
          ...control,
          fitFun: 'algo.farrington.fitGLM.fast',
          referenceWeeksBy: series.days === null ? 'row' : 'date',
          ...common,
        },
        ...detectFarrington(series, control),
      };
    }
    case 'farrington-flexible': {
      requireWeeklyDates(series);
      const control = resolveFlexibleControl(options);
      return {
        control: {
          ...control,
          fitFun: 'algo.farrington.fitGLM.flexible',
          populationOffset: false,
          referenceWeeksBy: series.days === null ? 'row' : 'date',
          ...common,
        },
        ...detectFarringtonFlexible(series, control, memo),
      };
    }
  }
}

/**
 * Detects aberrations in a count series with one of the methods of R package surveillance
 * 1.20.3 (EARS C1/C2/C3, Poisson CUSUM, Farrington, improved Farrington), matching its numbers.
 *
 * @param series - Counts, optional ISO dates (weekly) and frequency (default 52).
 * @param options - Method, monitored range and the method's control (see `OutbreakOptions`).
 * @param reuse - For a caller that runs the detector again on series that moved on (the signal
 * scan): results of improved-Farrington weeks already computed, by their inputs, read and filled
 * (see `FlexibleWeekMemo`). The results are those of a fresh run.
 * @returns The monitored points with threshold, alarm and expected count, the effective control
 * and warnings.
 * @throws ValidationError naming the row and field of a bad count or date, or the bad option.
 * @throws InsufficientDataError (with `needed`/`got` rows of history) when the range starts too
 * early for the method.
 * @example
 * ```ts
 * const result = detectOutbreaks(
 *   { observed: counts, dates: mondays },
 *   { method: 'farrington-flexible', range: { first: 366, last: 417 }, b: 4, noPeriods: 10 },
 * );
 * result.points.filter((p) => p.alarm).map((p) => p.t);
 * ```
 */
export function detectOutbreaks(
  series: OutbreakSeries,
  options: OutbreakOptions,
  reuse?: { readonly flexibleWeeks?: FlexibleWeekMemo },
): OutbreakResult {
  const method = (options as Partial<OutbreakOptions> | undefined)?.method;
  if (method === undefined || !OUTBREAK_METHODS.includes(method)) {
    throw ValidationError.of(
      'method',
      'invalid_option',
      `method must be one of ${OUTBREAK_METHODS.join(', ')}, got ${String(method)}`,
    );
  }
  const checked = checkSeries(series, options.range);
  const ignored = ignoredOptions(options);
  const { control, points, warnings } = run(checked, options, reuse?.flexibleWeeks);
  return { method, control, points, warnings: [...ignored, ...warnings] };
}
