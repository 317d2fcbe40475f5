/** The signal scan: every indicator × org unit series read for signals, incrementally (README.md). */
export {
  SCAN_MONTHS,
  SCAN_VERSION,
  monthsEndingAt,
  scanSignals,
  type ScanOptions,
  type ScanProgress,
  type ScanResult,
} from './scan-signals.ts';
export {
  MIN_POINTS,
  OUTBREAK_MONITORED,
  analyseSeries,
  chartFindings,
  outbreakFindings,
  peerFindings,
  MIN_PEERS,
  type PeerPoint,
  scanChartType,
  type ScanPoint,
  type SeriesToAnalyse,
} from './series-analysis.ts';
export {
  createSignalScanner,
  importLanded,
  type ScanRequest,
  type ScannerStatus,
  type SignalScanner,
} from './scanner.ts';
