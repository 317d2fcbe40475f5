export type { GlmFamily, GlmOptions, GlmCoefficient, GlmFit, ModelMatrix } from './types.ts';
export {
  INTERCEPT,
  buildModelMatrix,
  harmonicTerms,
  factorTerms,
  type TermSpec,
  type NumericTerm,
  type ProductTerm,
  type ModelMatrixOptions,
} from './model-matrix.ts';
export { fitGlm } from './fit-glm.ts';
export { predictGlm, type GlmPrediction, type PredictOptions } from './predict-glm.ts';
export { anscombeResiduals } from './anscombe-residuals.ts';
export { nestedFTest, type NestedFTest } from './nested-f-test.ts';
