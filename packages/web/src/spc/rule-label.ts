/** A chart rule's id in plain words: a label for tooltips and the table, a short tag for the chart. */
import type { TFunction } from 'i18next';

interface RuleNames {
  /** For tooltips and the table, e.g. "Long run on one side of the centre". */
  readonly label: string;
  /** Written on the chart at the end of what the rule found, e.g. "Shift". */
  readonly tag: string;
}

function ruleNames(rule: string, t: TFunction): RuleNames {
  switch (rule) {
    case 'beyond_limits':
      return { label: t('Beyond a control limit'), tag: t('Beyond limit') };
    case 'astronomical':
      return { label: t('Far beyond the usual range'), tag: t('Astronomical') };
    case 'longest_run':
    case 'shift':
      return { label: t('Long run on one side of the centre'), tag: t('Shift') };
    case 'crossings':
    case 'runs_too_few':
      return { label: t('Too few crossings of the centre'), tag: t('Few crossings') };
    case 'runs_too_many':
      return { label: t('Too many crossings of the centre'), tag: t('Many crossings') };
    case 'trend':
      return { label: t('Steady rise or fall'), tag: t('Trend') };
    case 'two_of_three_beyond_2sigma':
      return { label: t('Two of three points near a limit'), tag: t('2 of 3 near limit') };
    default:
      return { label: rule, tag: rule };
  }
}

export function ruleLabel(rule: string, t: TFunction): string {
  return ruleNames(rule, t).label;
}

export function ruleTag(rule: string, t: TFunction): string {
  return ruleNames(rule, t).tag;
}
