import { Button, Group, NativeSelect, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarIcon } from '../components/icons.tsx';
import { useFormatters } from '../format/use-formatters.ts';
import { useDashboardParams } from '../navigation/use-dashboard-params.ts';
import { useToday } from '../navigation/use-today.ts';
import { monthIdsNewestFirst, monthOf } from '../periods/months.ts';
import {
  checkRange,
  matchPreset,
  MAX_RANGE_MONTHS,
  PERIOD_PRESETS,
  presetRange,
  type MonthRange,
  type PeriodPreset,
  type RangeProblem,
} from '../periods/period-presets.ts';

/** How many years back the month lists reach. */
const YEARS_BACK = 10;

function presetLabel(preset: PeriodPreset | 'custom', t: TFunction): string {
  switch (preset) {
    case 'last12':
      return t('Last {{count}} months', { count: 12, defaultValue_one: 'Last month' });
    case 'last24':
      return t('Last {{count}} months', { count: 24, defaultValue_one: 'Last month' });
    case 'last36':
      return t('Last {{count}} months', { count: 36, defaultValue_one: 'Last month' });
    case 'thisYear':
      return t('This year');
    case 'custom':
      return t('Custom range');
  }
}

function problemText(problem: RangeProblem, t: TFunction): string {
  switch (problem) {
    case 'start_after_end':
      return t('The start month must not be after the end month.');
    case 'too_long':
      return t('Choose at most {{count}} months.', {
        count: MAX_RANGE_MONTHS,
        defaultValue_one: 'Choose at most {{count}} month.',
      });
    case 'invalid_month':
      return t('Choose a month.');
  }
}

/** The period range in the header: presets, or any first and last month (`?from=&to=`). */
export function PeriodRangePicker() {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useToday();
  const { range, setRange } = useDashboardParams();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [draft, setDraft] = useState<MonthRange | null>(null);
  const shown = draft ?? range;
  const problem = checkRange(shown);
  const preset = matchPreset(range, today);
  const draftPreset = matchPreset(shown, today);
  const current = monthOf(today);
  const months = monthIdsNewestFirst({ year: current.year - YEARS_BACK, month: 1 }, current).map(
    (id) => ({ value: id, label: format.period(id) }),
  );

  // While the picker is open, each change builds on the last one chosen (the URL may not have
  // caught up yet); only a usable range is written to the URL.
  const choose = (next: MonthRange) => {
    setDraft(next);
    if (checkRange(next) === null) {
      setRange(next);
    }
  };

  const label = t('{{from}} – {{to}}', {
    from: format.period(range.from),
    to: format.period(range.to),
  });

  return (
    <Popover
      opened={opened}
      onChange={(next) => {
        if (!next) {
          close();
        }
      }}
      onClose={() => setDraft(null)}
      position="bottom-end"
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<CalendarIcon />}
          onClick={toggle}
          aria-label={t('Period: {{range}}', { range: label })}
          aria-expanded={opened}
          data-testid="period-range"
        >
          <Text span size="sm" visibleFrom="md" mr={8} c="dimmed">
            {presetLabel(preset, t)}
          </Text>
          <Text span size="sm">
            {label}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" w={280}>
          <NativeSelect
            label={t('Period')}
            value={draftPreset}
            data={[
              ...PERIOD_PRESETS.map((id) => ({ value: id, label: presetLabel(id, t) })),
              { value: 'custom', label: presetLabel('custom', t), disabled: true },
            ]}
            onChange={(event) => {
              const value = PERIOD_PRESETS.find((id) => id === event.currentTarget.value);
              if (value !== undefined) {
                choose(presetRange(value, today));
              }
            }}
            data-testid="period-range-preset"
          />
          <Group grow gap="xs">
            <NativeSelect
              label={t('Start month')}
              value={shown.from}
              data={months}
              onChange={(event) => choose({ ...shown, from: event.currentTarget.value })}
              data-testid="period-range-from"
            />
            <NativeSelect
              label={t('End month')}
              value={shown.to}
              data={months}
              onChange={(event) => choose({ ...shown, to: event.currentTarget.value })}
              data-testid="period-range-to"
            />
          </Group>
          {problem !== null && (
            <Text size="sm" c="red.8" role="alert">
              {problemText(problem, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button size="xs" onClick={close} data-testid="period-range-done">
              {t('Done')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
