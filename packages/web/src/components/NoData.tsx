import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A table cell's missing value: a dimmed dash, read out as "No data". */
export function NoData() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" aria-label={t('No data')}>
      —
    </Text>
  );
}
