import {
  Breadcrumbs,
  Skeleton,
  Stack,
  Text,
  Title,
  type TitleOrder,
  type TitleSize,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgUnit } from '../api/org-units.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

export interface OrgUnitHeadingProps {
  readonly orgUnitId: string;
  readonly order: TitleOrder;
  /** Visual size when it differs from the order, e.g. `h3` for a page's second heading. */
  readonly size?: TitleSize;
  readonly testId: string;
}

/** The org unit's name as a heading, with its ancestors above it. */
export function OrgUnitHeading({ orgUnitId, order, size, testId }: OrgUnitHeadingProps) {
  const { t } = useTranslation();
  const detail = useOrgUnit(orgUnitId);
  if (detail.error) {
    return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  if (!detail.data) {
    return <Skeleton height={32} width={240} />;
  }
  const { orgUnit, ancestors } = detail.data;
  return (
    <Stack gap={2}>
      {ancestors.length > 0 && (
        <Breadcrumbs
          separator="›"
          aria-label={t('Parent org units')}
          styles={{ separator: { marginInline: 6 } }}
        >
          {ancestors.map((ancestor) => (
            <Text key={ancestor.id} size="sm" c="dimmed">
              {ancestor.name}
            </Text>
          ))}
        </Breadcrumbs>
      )}
      <Title order={order} size={size} data-testid={testId}>
        {orgUnit.name}
      </Title>
    </Stack>
  );
}
