import type { Signal } from '@sankofa/core';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { OrgUnitHeading } from '../dashboard/OrgUnitHeading.tsx';
import { useDashboardParams } from '../navigation/use-dashboard-params.ts';
import type { MonthRange } from '../periods/period-presets.ts';
import { DismissModal } from './DismissModal.tsx';
import { KIND_COLORS, signalKindLabel, signalStatusLabel, STATUS_COLORS } from './signal-labels.ts';
import {
  keepVisible,
  OPEN_STATUSES,
  SIGNAL_KINDS,
  SIGNAL_STATUSES,
  signalChartLink,
  SIGNALS_PAGE_SIZE,
  type SignalKind,
  type SignalStatus,
} from './signal-query.ts';
import { useBulkSignalStatus, useSignals } from './use-signals.ts';

/** The signal inbox: what the scans found under the selected org unit, to acknowledge or dismiss. */
export function SignalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('Signals')} · Sankofa`);
  const { ou, range } = useDashboardParams();
  // A new org unit starts over: first page, nothing selected.
  return <SignalsInbox key={ou ?? ''} ou={ou} range={range} />;
}

function SignalsInbox({ ou, range }: { readonly ou: string | null; readonly range: MonthRange }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<SignalKind[]>([]);
  const [statuses, setStatuses] = useState<SignalStatus[]>([...OPEN_STATUSES]);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dismissOpen, setDismissOpen] = useState(false);
  const bulk = useBulkSignalStatus();

  const filters = {
    orgUnit: ou,
    kinds,
    statuses,
    offset: (page - 1) * SIGNALS_PAGE_SIZE,
    limit: SIGNALS_PAGE_SIZE,
  };
  const list = useSignals(filters, ou !== null);
  // The counts per kind ignore the kind filter, so every chip keeps its number.
  const counts = useSignals(
    { ...filters, kinds: [], offset: 0, limit: 1 },
    ou !== null && kinds.length > 0,
  );
  const countsByKind = (kinds.length > 0 ? counts.data : list.data)?.countsByKind;

  const signals = list.data?.signals ?? [];
  const visibleSelected = keepVisible(selected, signals);
  const selectedIds = [...visibleSelected];

  const changeFilter = (apply: () => void) => {
    apply();
    setPage(1);
    setSelected(new Set());
  };
  const setStatusAll = (status: SignalStatus, reason?: string) => {
    bulk.mutate(
      { ids: selectedIds, status, ...(reason === undefined ? {} : { reason }) },
      {
        onSuccess: () => {
          setSelected(new Set());
          setDismissOpen(false);
        },
      },
    );
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(visibleSelected);
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    setSelected(next);
  };

  return (
    <Stack gap="lg" data-testid="signals-page">
      <Stack gap={4}>
        <Title order={1}>{t('Signals')}</Title>
        <Text c="dimmed">
          {t(
            'What the scans found in the indicators of this org unit and the units under it, most urgent first. Choose another org unit in the list on the left.',
          )}
        </Text>
      </Stack>
      {ou === null ? (
        <Text data-testid="signals-no-scope">{t('You have no org units to look at.')}</Text>
      ) : (
        <OrgUnitHeading orgUnitId={ou} order={2} size="h3" testId="signals-org-unit" />
      )}

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="signals-kind-label">
              {t('Kind')}
            </Text>
            <Chip.Group
              multiple
              value={kinds}
              onChange={(value) => changeFilter(() => setKinds(value))}
            >
              <Group gap="xs" role="group" aria-labelledby="signals-kind-label">
                {SIGNAL_KINDS.map((kind) => (
                  <Chip
                    key={kind}
                    value={kind}
                    color={KIND_COLORS[kind]}
                    size="sm"
                    data-testid={`signals-kind-${kind}`}
                  >
                    {signalKindLabel(kind, t)}{' '}
                    <Badge
                      component="span"
                      size="sm"
                      variant="light"
                      color={KIND_COLORS[kind]}
                      data-testid={`signals-count-${kind}`}
                    >
                      {countsByKind?.[kind] ?? '…'}
                    </Badge>
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="signals-status-label">
              {t('Status')}
            </Text>
            <Chip.Group
              multiple
              value={statuses}
              onChange={(value) => changeFilter(() => setStatuses(value))}
            >
              <Group gap="xs" role="group" aria-labelledby="signals-status-label">
                {SIGNAL_STATUSES.map((status) => (
                  <Chip
                    key={status}
                    value={status}
                    size="sm"
                    variant="outline"
                    data-testid={`signals-status-${status}`}
                  >
                    {signalStatusLabel(status, t)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
        </Stack>
      </Paper>

      <Group gap="sm">
        <Text size="sm" c="dimmed" data-testid="signals-selected">
          {t('{{count}} selected', { count: selectedIds.length })}
        </Text>
        <Button
          size="sm"
          variant="light"
          disabled={selectedIds.length === 0}
          loading={bulk.isPending && !dismissOpen}
          onClick={() => setStatusAll('acknowledged')}
          data-testid="signals-bulk-acknowledge"
        >
          {t('Acknowledge')}
        </Button>
        <Button
          size="sm"
          variant="light"
          color="red"
          disabled={selectedIds.length === 0 || bulk.isPending}
          onClick={() => {
            bulk.reset();
            setDismissOpen(true);
          }}
          data-testid="signals-bulk-dismiss"
        >
          {t('Dismiss')}
        </Button>
      </Group>
      {bulk.error && !dismissOpen && <ErrorNotice error={bulk.error} testId="signals-bulk-error" />}

      {list.error ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data === undefined ? (
        ou !== null && <PageLoader />
      ) : (
        <SignalTable
          signals={signals}
          range={range}
          selected={visibleSelected}
          onToggle={toggle}
          onToggleAll={(on) => setSelected(on ? new Set(signals.map((s) => s.id)) : new Set())}
        />
      )}

      {list.data !== undefined && list.data.total > SIGNALS_PAGE_SIZE && (
        <Pagination
          total={Math.ceil(list.data.total / SIGNALS_PAGE_SIZE)}
          value={page}
          onChange={(next) => {
            setPage(next);
            setSelected(new Set());
          }}
          data-testid="signals-pagination"
        />
      )}

      <DismissModal
        key={dismissOpen ? 'open' : 'closed'}
        opened={dismissOpen}
        count={selectedIds.length}
        pending={bulk.isPending}
        error={bulk.error}
        onClose={() => setDismissOpen(false)}
        onConfirm={(reason) => setStatusAll('dismissed', reason)}
      />
    </Stack>
  );
}

interface SignalTableProps {
  readonly signals: readonly Signal[];
  readonly range: MonthRange;
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string, on: boolean) => void;
  readonly onToggleAll: (on: boolean) => void;
}

function SignalTable({ signals, range, selected, onToggle, onToggleAll }: SignalTableProps) {
  const { t } = useTranslation();
  if (signals.length === 0) {
    return (
      <Text c="dimmed" data-testid="signals-empty">
        {t('No signals match these filters.')}
      </Text>
    );
  }
  const all = signals.every((s) => selected.has(s.id));
  const some = signals.some((s) => selected.has(s.id));
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="signals-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('Select all signals on this page')}
                checked={all}
                indeterminate={some && !all}
                onChange={(event) => onToggleAll(event.currentTarget.checked)}
                data-testid="signals-select-all"
              />
            </Table.Th>
            <Table.Th>{t('Indicator')}</Table.Th>
            <Table.Th>{t('Org unit')}</Table.Th>
            <Table.Th>{t('Kind')}</Table.Th>
            <Table.Th>{t('Periods')}</Table.Th>
            <Table.Th>{t('Summary')}</Table.Th>
            <Table.Th>{t('Status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {signals.map((signal) => (
            <Table.Tr key={signal.id} data-testid="signals-row" data-signal-id={signal.id}>
              <Table.Td>
                <Checkbox
                  aria-label={t('Select signal: {{indicator}}, {{orgUnit}}', {
                    indicator: signal.indicator.name,
                    orgUnit: signal.orgUnit.name,
                  })}
                  checked={selected.has(signal.id)}
                  onChange={(event) => onToggle(signal.id, event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={signalChartLink(signal, range)}
                  size="sm"
                  data-testid="signals-chart-link"
                >
                  {signal.indicator.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{signal.orgUnit.name}</Table.Td>
              <Table.Td>
                <Badge color={KIND_COLORS[signal.kind]} variant="light" miw="max-content">
                  {signalKindLabel(signal.kind, t)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {signal.firstPeriod === signal.lastPeriod
                  ? signal.firstPeriod
                  : t('{{from}} – {{to}}', { from: signal.firstPeriod, to: signal.lastPeriod })}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{signal.summary}</Text>
                {!signal.stillPresent && (
                  <Text size="xs" c="dimmed">
                    {t('No longer found by the latest scan.')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[signal.status]} variant="outline" miw="max-content">
                  {signalStatusLabel(signal.status, t)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
