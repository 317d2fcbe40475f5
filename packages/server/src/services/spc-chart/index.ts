/** The chart page's SPC chart and its saved settings (issue #5). */
export { indicatorSpcChart, saveChartSettings } from './indicator-spc-chart.ts';
export { peerFunnel } from './peer-funnel.ts';
