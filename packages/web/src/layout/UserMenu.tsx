import type { MeResponse } from '@sankofa/core';
import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogout } from '../api/me.ts';
import { LogoutIcon, UserIcon } from '../components/icons.tsx';
import { canManageDhis2 } from '../dhis2/can-manage-dhis2.ts';
import { canImport } from '../imports/can-import.ts';

/** The signed-in user's name, with their email and "Sign out". */
export function UserMenu({ user }: { readonly user: MeResponse['user'] }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<UserIcon />}
          aria-label={t('Account: {{name}}', { name: user.name })}
          data-testid="user-menu"
        >
          <Text span size="sm" visibleFrom="sm" maw={160} truncate>
            {user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        {canImport(user) && (
          <Menu.Item component={Link} to="/import" data-testid="nav-import">
            {t('Import data')}
          </Menu.Item>
        )}
        {canManageDhis2(user) && (
          <Menu.Item component={Link} to="/dhis2" data-testid="nav-dhis2">
            {t('DHIS2 connection')}
          </Menu.Item>
        )}
        <Menu.Item
          leftSection={<LogoutIcon />}
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
          data-testid="sign-out"
        >
          {t('Sign out')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
