export {
  reportingCompleteness,
  type CompletenessQuery,
  type CompletenessResult,
  type CompletenessRow,
} from './reporting-completeness.ts';
export { dataSetPeriodsWithin } from './data-set-periods.ts';
