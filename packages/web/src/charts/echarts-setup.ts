/**
 * The parts of ECharts Sankofa draws with, registered once. Importing `echarts` itself would
 * bring in every chart type (about 1.8 MB); this module is only reached from lazy chart pages.
 */
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

register([
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  MarkLineComponent,
  LabelLayout,
  SVGRenderer,
]);

export { init };
