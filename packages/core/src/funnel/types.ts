/**
 * Input, options and result of a funnel-plot computation (Spiegelhalter 2005; FunnelPlotR 0.6.0).
 * A funnel is data: the result is a plain, serialisable model that `web` draws and the CLI prints
 * (DESIGN.md §6, "The analysis command").
 */
import type { Warning } from '../errors.ts';

/** What each unit's `y / n` is: a proportion of `n` trials, or a rate per unit of exposure. */
export type FunnelType = 'proportion' | 'rate';

/** Every funnel type, in the order the CLI lists them. */
export const FUNNEL_TYPES: readonly FunnelType[] = ['proportion', 'rate'];

/** True when `value` names a funnel type. */
export function isFunnelType(value: unknown): value is FunnelType {
  return value === 'proportion' || value === 'rate';
}

/** One organisation unit to compare. */
export interface FunnelUnit {
  /** Unique name (org-unit id or label); reported back, never used in the arithmetic. */
  readonly unit: string;
  /** Numerator: events, or the count of successes. A whole number for proportions. */
  readonly y: number;
  /** Denominator: trials for proportions (a whole number ≥ y), exposure (person-time) for rates. */
  readonly n: number;
}

/** How to compute the funnel. */
export interface FunnelOptions {
  readonly type: FunnelType;
  /**
   * Inflate the limits for over-dispersion (additive random effects, FunnelPlotR's default
   * `draw_adjusted = TRUE`). Default false. φ and its χ² test are reported either way.
   */
  readonly overdispersion?: boolean;
  /**
   * Centre line on the reported scale (× `multiply`), e.g. 5 for 5 % with `multiply: 100`.
   * Default: the pooled value Σy / Σn × multiply. A proportion's target must lie strictly
   * between 0 and `multiply`; a rate's must be > 0.
   */
  readonly target?: number;
  /** Share of z-scores Winsorised in each tail before φ is estimated, in [0, 0.5). Default 0.1. */
  readonly trimBy?: number;
  /** Factor applied to values, target and limits for reporting (100 for per cent). Default 1. */
  readonly multiply?: number;
  /**
   * Compute the limits over a grid of n for drawing (`curve`, `unadjustedCurve`). Default true;
   * false leaves `curve` empty and `unadjustedCurve` null, for callers that only need each
   * unit's limits and outlier flag (the signal scan, thousands of funnels).
   */
  readonly curve?: boolean;
  /**
   * Which units the result keeps. Default `all`. `outliers` keeps only the units beyond the
   * 99.8 % limits (`outlier` not null), each exactly as in the full result; the others' exact
   * limits are not computed where a cheap bound already shows a unit inside them. For callers
   * that only read outliers (the signal scan, thousands of funnels).
   */
  readonly units?: 'all' | 'outliers';
}

/** The 95 % and 99.8 % limits at one denominator, on the reported scale (× multiply). */
export interface FunnelLimits {
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

/** Which side of a limit a unit falls, strictly beyond it; null inside or on the limit. */
export type FunnelOutlier = 'high' | 'low' | null;

/** One unit with its value, z-score, limits and outlier flags. */
export interface FunnelUnitResult extends FunnelUnit, FunnelLimits {
  /** 1-based position of the unit in the input (the CSV row). */
  readonly row: number;
  /** y / n × multiply. */
  readonly value: number;
  /**
   * z-score on the variance-stabilised scale (arcsine √p for proportions, √ of the ratio to
   * expected for rates): (Y − target) / s, or (Y − target) / √(s² + τ²) when the
   * over-dispersion adjustment is applied. Outlier flags come from the limits, not from z.
   */
  readonly z: number;
  /** Beyond the 99.8 % limits (FunnelPlotR's default `limit = 99`). */
  readonly outlier: FunnelOutlier;
  /** Beyond the 95 % limits. */
  readonly outlier95: FunnelOutlier;
}

/** The over-dispersion estimate (Spiegelhalter 2005, QSHC) and whether the limits use it. */
export interface FunnelOverdispersion {
  /** Variance-stabilising transformation the z-scores are computed on. */
  readonly transform: 'arcsine' | 'square-root';
  /** Share Winsorised in each tail. */
  readonly trimBy: number;
  /** φ = mean of the squared Winsorised z-scores. */
  readonly phi: number;
  /** DerSimonian–Laird between-unit variance on the transformed scale (0 when I·φ < I − 1). */
  readonly tau2: number;
  /** I·φ, compared with χ² on I − 1 degrees of freedom. */
  readonly statistic: number;
  readonly df: number;
  /** P(χ²_{I−1} > I·φ). */
  readonly pValue: number;
  /** pValue < 0.05. */
  readonly significant: boolean;
  /** The adjustment was requested and φ > 1 (FunnelPlotR 0.6.0's rule), so the limits use τ². */
  readonly applied: boolean;
}

/** Limits at one denominator, for drawing the funnel. */
export interface FunnelCurvePoint extends FunnelLimits {
  readonly n: number;
}

/** A computed funnel plot. */
export interface FunnelResult {
  readonly type: FunnelType;
  readonly multiply: number;
  /** Centre line × multiply. */
  readonly target: number;
  readonly overdispersion: FunnelOverdispersion;
  /** Units in input order. */
  readonly units: readonly FunnelUnitResult[];
  /** The limits in use over a grid of n (denominators of the units included), n ascending. */
  readonly curve: readonly FunnelCurvePoint[];
  /** The exact, unadjusted limits over the same grid when the adjustment is applied; else null. */
  readonly unadjustedCurve: readonly FunnelCurvePoint[] | null;
  /** Statistical caveats with codes (`overdispersion_detected`, `degenerate_target`, …). */
  readonly warnings: readonly Warning[];
}
