/**
 * Which limit function draws which chart: the one place to register a new chart type.
 */
import type { SpcChartType } from './chart-types.ts';
import { geometricLines, timeBetweenLines } from './limits-g-t.ts';
import { laneyProportionLines, laneyRateLines } from './limits-laney.ts';
import {
  countLines,
  individualsLines,
  movingRangeLines,
  proportionLines,
  rateLines,
  runChartLines,
} from './limits-shewhart.ts';
import type { ChartLimits } from './part-frame.ts';

/** The centre-line-and-limits function of `chart` (qicharts2's `qic.<chart>`). */
export function chartLimitsOf(chart: SpcChartType): ChartLimits {
  switch (chart) {
    case 'run':
      return runChartLines;
    case 'i':
      return individualsLines;
    case 'mr':
      return movingRangeLines;
    case 'p':
      return proportionLines;
    case 'pp':
      return laneyProportionLines;
    case 'u':
      return rateLines;
    case 'up':
      return laneyRateLines;
    case 'c':
      return countLines;
    case 'g':
      return geometricLines;
    case 't':
      return timeBetweenLines;
  }
}
