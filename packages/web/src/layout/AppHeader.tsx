import type { MeResponse } from '@sankofa/core';
import { Anchor, Burger, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dashboardSearch } from '../navigation/dashboard-params.ts';
import { useDashboardParams } from '../navigation/use-dashboard-params.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { PeriodRangePicker } from './PeriodRangePicker.tsx';
import { UserMenu } from './UserMenu.tsx';

export interface AppHeaderProps {
  readonly user: MeResponse['user'];
  readonly navbarOpened: boolean;
  readonly onToggleNavbar: () => void;
}

/** App name, period range, language and account. */
export function AppHeader({ user, navbarOpened, onToggleNavbar }: AppHeaderProps) {
  const { t } = useTranslation();
  const { ou, range } = useDashboardParams();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navbarOpened}
          onClick={onToggleNavbar}
          hiddenFrom="sm"
          size="sm"
          aria-label={navbarOpened ? t('Hide org units') : t('Show org units')}
          data-testid="navbar-toggle"
        />
        <Anchor
          component={Link}
          to={{ pathname: '/', search: dashboardSearch(ou, range) }}
          fw={700}
          fz="xl"
          c="indigo.8"
          underline="never"
          visibleFrom="xs"
          data-testid="app-name"
        >
          Sankofa
        </Anchor>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Button
          component={Link}
          to={{ pathname: '/signals', search: dashboardSearch(ou, range) }}
          variant="subtle"
          color="indigo"
          size="compact-sm"
          data-testid="nav-signals"
        >
          {t('Signals')}
        </Button>
        <PeriodRangePicker />
        <LanguageSwitcher />
        <UserMenu user={user} />
      </Group>
    </Group>
  );
}
