import type { MeResponse } from '@sankofa/core';
import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgUnitNavigator } from '../org-units/OrgUnitNavigator.tsx';
import { AppHeader } from './AppHeader.tsx';
import classes from './AppLayout.module.css';

/** The signed-in frame: header, org-unit navbar, and the page. */
export function AppLayout({
  user,
  children,
}: {
  readonly user: MeResponse['user'];
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('Skip to main content')}
      </a>
      <AppShell.Header>
        <AppHeader user={user} navbarOpened={opened} onToggleNavbar={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('Org units')}>
        <OrgUnitNavigator onSelected={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
