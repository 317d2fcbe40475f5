import type { Indicator } from '@sankofa/core';
import type { TFunction } from 'i18next';

/** "Higher is better" or "Lower is better", or `null` for indicators without a direction. */
export function directionLabel(
  indicator: Pick<Indicator, 'desiredDirection'>,
  t: TFunction,
): string | null {
  switch (indicator.desiredDirection) {
    case 'up':
      return t('Higher is better');
    case 'down':
      return t('Lower is better');
    case 'none':
      return null;
  }
}
