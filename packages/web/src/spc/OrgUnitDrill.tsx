import { Anchor, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { orgUnitChildrenQuery, useOrgUnit } from '../api/org-units.ts';
import { dashboardSearch } from '../navigation/dashboard-params.ts';
import type { MonthRange } from '../periods/period-presets.ts';

/** Up to the parent (when the user may see it) and down to a child, keeping the indicator and range. */
export function OrgUnitDrill({
  indicatorId,
  orgUnitId,
  range,
}: {
  readonly indicatorId: string;
  readonly orgUnitId: string;
  readonly range: MonthRange;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useOrgUnit(orgUnitId);
  const unit = detail.data?.orgUnit;
  const children = useQuery({
    ...orgUnitChildrenQuery(orgUnitId),
    enabled: unit !== undefined && unit.childCount > 0,
  });
  const parent = detail.data?.ancestors.find((a) => a.id === unit?.parentId);
  const to = (id: string) => ({
    pathname: `/indicators/${indicatorId}`,
    search: dashboardSearch(id, range),
  });
  if (unit === undefined || (parent === undefined && unit.childCount === 0)) {
    return null;
  }
  return (
    <Group gap="md" align="center" data-testid="org-unit-drill">
      {parent !== undefined && (
        <Anchor component={Link} to={to(parent.id)} size="sm" data-testid="drill-up">
          {t('Up to {{name}}', { name: parent.name })}
        </Anchor>
      )}
      {unit.childCount > 0 && (
        <Group gap="xs" align="center">
          <Text size="sm" component="label" htmlFor="drill-down">
            {t('Down to')}
          </Text>
          <Select
            id="drill-down"
            size="xs"
            w={240}
            searchable
            placeholder={t('Choose a unit')}
            data-testid="drill-down"
            data={(children.data?.orgUnits ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={null}
            onChange={(id) => {
              if (id !== null) {
                void navigate(to(id));
              }
            }}
          />
        </Group>
      )}
    </Group>
  );
}
