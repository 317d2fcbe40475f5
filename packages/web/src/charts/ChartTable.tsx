import type { Indicator, SeriesPoint } from '@sankofa/core';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NoData } from '../components/NoData.tsx';
import { useFormatters } from '../format/use-formatters.ts';

export interface ChartTableProps {
  readonly points: readonly SeriesPoint[];
  readonly indicator: Indicator;
  readonly caption: string;
}

/** The numbers behind a chart: period, numerator, denominator and value. */
export function ChartTable({ points, indicator, caption }: ChartTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = <NoData />;
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? none : format.number(value);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped highlightOnHover withTableBorder data-testid="chart-table" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('Period')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Numerator')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Denominator')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Value')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr
              key={point.period}
              data-testid={`chart-table-row-${point.period}`}
              data-value={point.value ?? undefined}
            >
              <Table.Th scope="row" fw={400}>
                {format.period(point.period)}
              </Table.Th>
              <Table.Td ta="right">{count(point.numerator)}</Table.Td>
              <Table.Td ta="right">{count(point.denominator)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {point.value === null ? none : format.value(point.value, indicator)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
