import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A centred spinner while a page or its data loads, announced to screen readers. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih={240} role="status" data-testid="page-loader">
      <Loader />
      <VisuallyHidden>{t('Loading…')}</VisuallyHidden>
    </Center>
  );
}
