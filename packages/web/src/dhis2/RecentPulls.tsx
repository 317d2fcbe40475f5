import { Badge, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dhis2Run } from './types.ts';

const STATUS_COLOR = { running: 'blue', done: 'teal', failed: 'red' } as const;

export interface RecentPullsProps {
  readonly runs: readonly Dhis2Run[];
}

/** The last pulls: when, status (with progress while running), what landed, and errors. */
export function RecentPulls({ runs }: RecentPullsProps) {
  const { t, i18n } = useTranslation();
  if (runs.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="dhis2-no-pulls">
        {t('No pulls yet.')}
      </Text>
    );
  }
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const statusLabel = {
    running: t('Running'),
    done: t('Done'),
    failed: t('Failed'),
  };
  const count = (n: number | undefined) => (n === undefined ? '–' : n.toLocaleString());
  const progressOf = (run: Dhis2Run) => {
    const p = run.progress;
    if (p !== null && p.chunksTotal !== null && p.chunksEnded !== null) {
      return t('{{ended}} of {{total}} data sets', {
        ended: p.chunksEnded,
        total: p.chunksTotal,
      });
    }
    return p?.message ?? '';
  };
  return (
    <Stack gap="xs" data-testid="dhis2-pulls">
      <Title order={2} size="h4">
        {t('Recent pulls')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Started')}</Table.Th>
              <Table.Th>{t('Status')}</Table.Th>
              <Table.Th>{t('Kind')}</Table.Th>
              <Table.Th ta="right">{t('Imported')}</Table.Th>
              <Table.Th ta="right">{t('Updated')}</Table.Th>
              <Table.Th ta="right">{t('Deleted')}</Table.Th>
              <Table.Th ta="right">{t('Conflicts')}</Table.Th>
              <Table.Th>{t('Errors')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => (
              <Table.Tr key={run.id} data-testid={`dhis2-pull-${run.id}`} data-status={run.status}>
                <Table.Td>
                  <Text size="sm">{when.format(new Date(run.startedAt))}</Text>
                  {run.finishedAt !== null && (
                    <Text size="xs" c="dimmed">
                      {t('ended {{time}}', { time: when.format(new Date(run.finishedAt)) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[run.status]} variant="light">
                    {statusLabel[run.status]}
                  </Badge>
                  {run.status === 'running' && (
                    <Text size="xs" c="dimmed" data-testid="dhis2-pull-progress">
                      {progressOf(run)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {run.mode === 'full' ? t('Everything') : t('Changes since the last pull')}
                </Table.Td>
                <Table.Td ta="right">{count(run.totals?.imported)}</Table.Td>
                <Table.Td ta="right">{count(run.totals?.updated)}</Table.Td>
                <Table.Td ta="right">{count(run.totals?.deleted)}</Table.Td>
                <Table.Td ta="right">{count(run.totals?.conflicts)}</Table.Td>
                <Table.Td>
                  {run.errors.length > 0 && (
                    <Tooltip label={run.errors.join('\n')} multiline maw={480}>
                      <Text size="sm" c="red" lineClamp={2} maw={280}>
                        {run.errors[0]}
                      </Text>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
