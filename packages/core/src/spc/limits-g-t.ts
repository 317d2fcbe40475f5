/**
 * Charts for rare events, as qicharts2 0.8.1 `qic.g` and `qic.t` compute them: the G chart
 * (opportunities between events, geometric) and the T chart (time between events, an I chart on
 * y^(1/3.6) back-transformed; Nelson 1994).
 */
import { individualsLines } from './limits-shewhart.ts';
import { baseValues, type ChartLimits } from './part-frame.ts';
import { meanPresent, medianPresent } from './summary-statistics.ts';

/** The T chart's power transform: y^(1/3.6) makes Weibull/exponential times nearly normal. */
export const T_CHART_POWER = 3.6;

/**
 * G chart: limits m ± 3√(m(m + 1)) from the baseline mean m (Montgomery p. 319), lower limits
 * floored at 0; the centre line is the baseline **median**, as qicharts2 draws it.
 */
export const geometricLines: ChartLimits = (frame) => {
  const mean = meanPresent(baseValues(frame, frame.y));
  const sigma = Math.sqrt(mean * (mean + 1));
  // qicharts2 floors with `lcl[lcl < 0] <- 0`, which leaves NaN alone, as `<` does here.
  const atLeastZero = (value: number) => (value < 0 ? 0 : value);
  const constant = (value: number) => frame.y.map(() => value);
  return {
    y: frame.y,
    cl: medianPresent(baseValues(frame, frame.y)),
    lcl: constant(atLeastZero(mean - 3 * sigma)),
    ucl: constant(mean + 3 * sigma),
    lcl95: constant(atLeastZero(mean - 2 * sigma)),
    ucl95: constant(mean + 2 * sigma),
  };
};

/**
 * T chart: I-chart lines on y^(1/3.6), raised back to the power 3.6. A negative or undefined
 * 3-sigma lower limit becomes 0, as in qicharts2; a negative 2-sigma lower limit has no real
 * power and so is missing (qicharts2 leaves it NaN, later NA). Positive y is checked by the caller.
 */
export const timeBetweenLines: ChartLimits = (frame, context) => {
  const transformed = frame.y.map((value) => Math.pow(value, 1 / T_CHART_POWER));
  const lines = individualsLines({ ...frame, y: transformed }, context);
  const back = (values: readonly number[]) => values.map((value) => Math.pow(value, T_CHART_POWER));
  const lcl = back(lines.lcl).map((value) => (value < 0 || Number.isNaN(value) ? 0 : value));
  return {
    y: back(lines.y),
    cl: Math.pow(lines.cl, T_CHART_POWER),
    lcl,
    ucl: back(lines.ucl),
    lcl95: back(lines.lcl95),
    ucl95: back(lines.ucl95),
  };
};
