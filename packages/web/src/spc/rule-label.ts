/** A chart rule's id in plain words, for tooltips, the table and the legend. */
import type { TFunction } from 'i18next';

export function ruleLabel(rule: string, t: TFunction): string {
  switch (rule) {
    case 'beyond_limits':
      return t('Beyond a control limit');
    case 'astronomical':
      return t('Far beyond the usual range');
    case 'longest_run':
    case 'shift':
      return t('Long run on one side of the centre');
    case 'crossings':
    case 'runs_too_few':
      return t('Too few crossings of the centre');
    case 'runs_too_many':
      return t('Too many crossings of the centre');
    case 'trend':
      return t('Steady rise or fall');
    case 'two_of_three_beyond_2sigma':
      return t('Two of three points near a limit');
    default:
      return rule;
  }
}

/** A rule's short name, written on the chart at the end of what it found. */
export function ruleTag(rule: string, t: TFunction): string {
  switch (rule) {
    case 'beyond_limits':
      return t('Beyond limit');
    case 'astronomical':
      return t('Astronomical');
    case 'longest_run':
    case 'shift':
      return t('Shift');
    case 'crossings':
    case 'runs_too_few':
      return t('Few crossings');
    case 'runs_too_many':
      return t('Many crossings');
    case 'trend':
      return t('Trend');
    case 'two_of_three_beyond_2sigma':
      return t('2 of 3 near limit');
    default:
      return rule;
  }
}
