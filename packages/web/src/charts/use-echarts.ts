/**
 * An ECharts instance (SVG renderer) in a container element: created when the ECharts chunk has
 * loaded, resized with the element, disposed with the component. `status` is `failed` when the
 * chunk could not be loaded (a lost connection), so the chart can say so.
 */
import type { EChartsType } from 'echarts/core';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { loadEcharts } from './load-echarts.ts';

export type EchartsStatus = 'loading' | 'ready' | 'failed';

export function useEcharts(container: RefObject<HTMLDivElement | null>): {
  readonly instance: RefObject<EChartsType | null>;
  readonly status: EchartsStatus;
} {
  const instance = useRef<EChartsType | null>(null);
  const [status, setStatus] = useState<EchartsStatus>('loading');
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadEcharts().then(
      ({ init }) => {
        const element = container.current;
        if (disposed || element === null) {
          return;
        }
        const created = init(element, null, { renderer: 'svg' });
        instance.current = created;
        observer = new ResizeObserver(() => created.resize());
        observer.observe(element);
        setStatus('ready');
      },
      () => {
        if (!disposed) {
          setStatus('failed');
        }
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      instance.current?.dispose();
      instance.current = null;
    };
  }, [container]);
  return { instance, status };
}

/** What a drawn chart can be saved as. */
export interface ChartExport {
  /** The chart as a standalone SVG document. */
  svg(): string;
  /** Its size in CSS pixels. */
  size(): { width: number; height: number };
}

/** The export handle of an instance (null before it is drawn). */
export function chartExport(instance: EChartsType): ChartExport {
  return {
    svg: () => instance.renderToSVGString(),
    size: () => ({ width: instance.getWidth(), height: instance.getHeight() }),
  };
}
