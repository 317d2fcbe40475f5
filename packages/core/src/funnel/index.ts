/**
 * Funnel plots for proportions and rates across org units (Spiegelhalter 2005; FunnelPlotR 0.6.0
 * over-dispersion). Internals (limit functions, scales, Winsorisation) stay unexported so that
 * the core barrel does not collide with the other statistics modules.
 */
export {
  FUNNEL_TYPES,
  isFunnelType,
  type FunnelCurvePoint,
  type FunnelLimits,
  type FunnelOptions,
  type FunnelOutlier,
  type FunnelOverdispersion,
  type FunnelResult,
  type FunnelType,
  type FunnelUnit,
  type FunnelUnitResult,
} from './types.ts';
export { computeFunnel } from './compute-funnel.ts';
