export type { Tail } from './arguments.ts';
export { logGamma, logBeta } from './log-gamma.ts';
export { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.ts';
export { regularizedBeta, regularizedBetaComplement } from './incomplete-beta.ts';
export { normalPdf, normalCdf, normalQuantile } from './normal.ts';
export { studentTPdf, studentTCdf, studentTQuantile } from './student-t.ts';
export { chiSquarePdf, chiSquareCdf, chiSquareQuantile } from './chi-square.ts';
export { fCdf } from './f-distribution.ts';
export { poissonPmf, poissonLogPmf, poissonCdf, poissonQuantile } from './poisson.ts';
export { binomialPmf, binomialCdf, binomialQuantile } from './binomial.ts';
export {
  negativeBinomialPmf,
  negativeBinomialCdf,
  negativeBinomialQuantile,
  negativeBinomialPmfByProb,
  negativeBinomialCdfByProb,
  negativeBinomialQuantileByProb,
} from './negative-binomial.ts';
