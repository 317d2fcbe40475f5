import type { ImportSummaryJson } from '@sankofa/core';
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Conflicts shown before "…and N more". */
const CONFLICTS_SHOWN = 200;

const STATUS_COLOR = { SUCCESS: 'teal', WARNING: 'yellow', ERROR: 'red' } as const;

function rowsText(indexes: readonly number[]): string {
  const shown = indexes.slice(0, 5).join(', ');
  return indexes.length > 5 ? `${shown} (+${indexes.length - 5})` : shown;
}

/** The import summary: outcome, counts, and the conflicts as a table. */
export function ImportSummaryView({ summary }: { readonly summary: ImportSummaryJson }) {
  const { t } = useTranslation();
  const statusLabel = {
    SUCCESS: t('Imported'),
    WARNING: t('Imported, with conflicts'),
    ERROR: t('Not imported'),
  }[summary.status];
  const counts = [
    { key: 'imported', label: t('Imported'), value: summary.importCount.imported },
    { key: 'updated', label: t('Updated'), value: summary.importCount.updated },
    { key: 'ignored', label: t('Ignored'), value: summary.importCount.ignored },
    { key: 'deleted', label: t('Deleted'), value: summary.importCount.deleted },
  ];
  const conflicts = summary.conflicts;
  return (
    <Stack data-testid="import-summary" gap="md">
      <Group gap="sm">
        <Title order={2} size="h3">
          {t('Summary')}
        </Title>
        <Badge
          color={STATUS_COLOR[summary.status]}
          variant="light"
          data-testid="import-summary-status"
          data-status={summary.status}
        >
          {statusLabel}
        </Badge>
      </Group>
      {summary.importOptions.dryRun && (
        <Alert color="blue" variant="light" data-testid="import-dry-run-note">
          {t('Dry run: the file was checked and nothing was written.')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {counts.map((c) => (
          <Paper key={c.key} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {c.label}
            </Text>
            <Text fz="xl" fw={700} data-testid={`import-count-${c.key}`}>
              {c.value.toLocaleString()}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {conflicts.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="import-no-conflicts">
          {t('No conflicts.')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('Conflicts: {{n}}', { n: conflicts.length.toLocaleString() })}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder fz="sm" data-testid="import-conflicts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('Row')}</Table.Th>
                  <Table.Th>{t('Field')}</Table.Th>
                  <Table.Th>{t('Object')}</Table.Th>
                  <Table.Th>{t('Code')}</Table.Th>
                  <Table.Th>{t('Message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflicts.slice(0, CONFLICTS_SHOWN).map((c, i) => (
                  <Table.Tr
                    key={`${c.errorCode}-${c.object}-${i}`}
                    data-testid="import-conflict-row"
                  >
                    <Table.Td>{rowsText(c.indexes)}</Table.Td>
                    <Table.Td>{c.property}</Table.Td>
                    <Table.Td ff="monospace">{c.object}</Table.Td>
                    <Table.Td ff="monospace">{c.errorCode}</Table.Td>
                    <Table.Td>{c.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {conflicts.length > CONFLICTS_SHOWN && (
            <Text size="sm" c="dimmed">
              {t('…and {{n}} more', { n: (conflicts.length - CONFLICTS_SHOWN).toLocaleString() })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
