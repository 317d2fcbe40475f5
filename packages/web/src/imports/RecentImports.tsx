import type { ImportJobListItem } from '@sankofa/core';
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRecentImports } from './use-recent-imports.ts';

const RESULT_COLOR = { SUCCESS: 'teal', WARNING: 'yellow', ERROR: 'red' } as const;

export interface RecentImportsProps {
  /** Shows one job's details. */
  readonly onOpen: (id: string) => void;
}

/** The user's last imports: file, when, outcome and counts; a file name opens its summary. */
export function RecentImports({ onOpen }: RecentImportsProps) {
  const { t, i18n } = useTranslation();
  const jobs = useRecentImports();
  const list = jobs.data?.jobs ?? [];
  if (list.length === 0) {
    return null;
  }
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const outcome = (job: ImportJobListItem) => {
    if (job.result !== null) {
      const label = {
        SUCCESS: t('Imported'),
        WARNING: t('Imported, with conflicts'),
        ERROR: t('Not imported'),
      }[job.result.status];
      return (
        <Badge color={RESULT_COLOR[job.result.status]} variant="light">
          {job.options.dryRun ? `${label} · ${t('dry run')}` : label}
        </Badge>
      );
    }
    const label = {
      queued: t('Waiting to start'),
      running: t('Importing'),
      succeeded: t('Finished'),
      failed: t('Failed'),
    }[job.status];
    return (
      <Badge color={job.status === 'failed' ? 'red' : 'gray'} variant="light">
        {label}
      </Badge>
    );
  };
  return (
    <Stack gap="xs" data-testid="import-recent">
      <Title order={2} size="h4">
        {t('Your recent imports')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('File')}</Table.Th>
              <Table.Th>{t('Started')}</Table.Th>
              <Table.Th>{t('Outcome')}</Table.Th>
              <Table.Th ta="right">{t('Imported')}</Table.Th>
              <Table.Th ta="right">{t('Updated')}</Table.Th>
              <Table.Th ta="right">{t('Conflicts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((job) => (
              <Table.Tr key={job.id} data-testid={`import-recent-row-${job.id}`}>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpen(job.id)}>
                    {job.fileName ?? t('Uploaded file')}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {when.format(new Date(job.createdAt))}
                  </Text>
                </Table.Td>
                <Table.Td>{outcome(job)}</Table.Td>
                <Table.Td ta="right">
                  {job.result?.importCount.imported.toLocaleString() ?? '–'}
                </Table.Td>
                <Table.Td ta="right">
                  {job.result?.importCount.updated.toLocaleString() ?? '–'}
                </Table.Td>
                <Table.Td ta="right">{job.result?.conflictCount.toLocaleString() ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
