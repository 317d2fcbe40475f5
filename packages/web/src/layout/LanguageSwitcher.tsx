import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, GlobeIcon } from '../components/icons.tsx';
import { APP_LOCALES, isAppLocale, LOCALE_NAMES } from '../i18n/locales.ts';
import { useChangeLanguage } from '../i18n/use-change-language.ts';

/** Chooses the interface language; kept in the browser and, when signed in, on the account. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const current = isAppLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<GlobeIcon />}
          aria-label={t('Language: {{language}}', { language: LOCALE_NAMES[current] })}
          data-testid="language-switcher"
        >
          <Text span size="sm" fw={600} lang={current} visibleFrom="sm">
            {LOCALE_NAMES[current]}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {APP_LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            aria-current={locale === current ? 'true' : undefined}
            leftSection={locale === current ? <CheckIcon /> : <span style={{ width: 16 }} />}
            onClick={() => changeLanguage(locale)}
            data-testid={`language-switcher-${locale}`}
          >
            {LOCALE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
