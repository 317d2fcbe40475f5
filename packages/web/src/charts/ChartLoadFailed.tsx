import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Said in place of a chart whose drawing code could not be loaded. */
export function ChartLoadFailed() {
  const { t } = useTranslation();
  return (
    <Text c="red.8" size="sm" ta="center" px="md">
      {t('The chart could not be loaded. Check your connection, then reload the page.')}
    </Text>
  );
}
