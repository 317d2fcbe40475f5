import {
  CloseButton,
  Loader,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useOrgUnitSearch } from '../api/org-units.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SearchIcon } from '../components/icons.tsx';
import classes from './OrgUnitTree.module.css';

export interface OrgUnitSearchProps {
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  readonly onSelect: (id: string) => void;
}

/** Finds org units by name or code within the user's scope (`GET /api/org-units?q=`). */
export function OrgUnitSearch({ text, onTextChange, onSelect }: OrgUnitSearchProps) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(text, 300);
  const search = useOrgUnitSearch(debounced);
  const active = text.trim().length >= 2;
  const results = search.data?.orgUnits ?? [];

  return (
    <Stack gap="xs">
      <TextInput
        label={t('Find an org unit')}
        placeholder={t('Name or code')}
        value={text}
        onChange={(event) => onTextChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            onTextChange('');
          }
        }}
        leftSection={<SearchIcon size={14} />}
        rightSection={
          text === '' ? null : (
            <CloseButton
              size="sm"
              aria-label={t('Clear search')}
              onClick={() => onTextChange('')}
              data-testid="org-unit-search-clear"
            />
          )
        }
        data-testid="org-unit-search"
        autoComplete="off"
      />
      {text.trim().length === 1 && (
        <Text size="xs" c="dimmed">
          {t('Type at least 2 characters.')}
        </Text>
      )}
      {active && (
        <div aria-live="polite" data-testid="org-unit-search-results">
          {search.isFetching && search.data === undefined ? (
            <>
              <Loader size="sm" />
              <VisuallyHidden>{t('Searching…')}</VisuallyHidden>
            </>
          ) : search.error ? (
            <ErrorNotice error={search.error} onRetry={() => void search.refetch()} />
          ) : (
            <Text size="xs" c="dimmed" mb={4}>
              {results.length === 0
                ? t('No org units match “{{text}}”.', { text: debounced.trim() })
                : t('{{count}} org units found', {
                    count: results.length,
                    defaultValue_one: '{{count}} org unit found',
                  })}
            </Text>
          )}
          <ul className={classes.tree}>
            {results.map((unit) => (
              <li key={unit.id}>
                <UnstyledButton
                  className={classes.item}
                  w="100%"
                  px="xs"
                  onClick={() => {
                    onSelect(unit.id);
                    onTextChange('');
                  }}
                  data-testid={`org-unit-search-result-${unit.id}`}
                >
                  <span className={classes.name}>{unit.name}</span>
                  <Text span size="xs" c="dimmed" ml="auto">
                    {t('Level {{level}}', { level: unit.level })}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Stack>
  );
}
