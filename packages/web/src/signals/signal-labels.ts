/** Translated names for signal kinds and statuses (literal `t` calls, for the extractor). */
import type { TFunction } from 'i18next';
import type { SignalKind, SignalStatus } from './signal-query.ts';

export function signalKindLabel(kind: SignalKind, t: TFunction): string {
  switch (kind) {
    case 'outbreak':
      return t('Outbreak');
    case 'sustained_shift':
      return t('Sustained shift');
    case 'trend':
      return t('Trend');
    case 'single_point':
      return t('Single point');
    case 'runs':
      return t('Run');
    case 'peer_outlier':
      return t('Peer outlier');
  }
}

export function signalStatusLabel(status: SignalStatus, t: TFunction): string {
  switch (status) {
    case 'new':
      return t('New');
    case 'acknowledged':
      return t('Acknowledged');
    case 'under_review':
      return t('Under review');
    case 'actioned':
      return t('Actioned');
    case 'dismissed':
      return t('Dismissed');
  }
}

export const KIND_COLORS: Record<SignalKind, string> = {
  outbreak: 'red',
  sustained_shift: 'orange',
  trend: 'yellow',
  single_point: 'grape',
  runs: 'blue',
  peer_outlier: 'teal',
};

export const STATUS_COLORS: Record<SignalStatus, string> = {
  new: 'indigo',
  acknowledged: 'cyan',
  under_review: 'yellow',
  actioned: 'green',
  dismissed: 'gray',
};
