/**
 * Loads the ECharts chunk once. Pages with charts render at once (values, tables) and draw
 * their charts when it arrives, so a slow connection does not hold back the whole page.
 */
import type * as EchartsSetup from './echarts-setup.ts';

type EchartsModule = typeof EchartsSetup;

let loading: Promise<EchartsModule> | null = null;

/** Starts (or joins) the download of the ECharts chunk. */
export function loadEcharts(): Promise<EchartsModule> {
  loading ??= import('./echarts-setup.ts').catch((error: unknown) => {
    // Let a later chart try again (the connection may come back).
    loading = null;
    throw error;
  });
  return loading;
}
