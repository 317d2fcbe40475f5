import { Table } from '@mantine/core';
import type { SpcChartResponse } from '@sankofa/core';
import { useTranslation } from 'react-i18next';
import { NoData } from '../components/NoData.tsx';
import { useFormatters } from '../format/use-formatters.ts';
import { ruleLabel } from './rule-label.ts';

/** The numbers of the control chart, one row per month: value, centre line, limits, part, baseline and the rules that fired. */
export function SpcTable({ chart }: { readonly chart: SpcChartResponse }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = <NoData />;
  const num = (value: number | null, decimals = 2) =>
    value === null ? none : format.number(value, decimals);
  const parts = new Set(chart.points.map((p) => p.part)).size;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover withTableBorder data-testid="spc-table" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>
          {t('The numbers of the control chart')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('Period')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Value')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Numerator')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Denominator')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Lower limit')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Centre line')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('Upper limit')}
            </Table.Th>
            {parts > 1 && <Table.Th scope="col">{t('Phase')}</Table.Th>}
            <Table.Th scope="col">{t('Rules that fired')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chart.points.map((p) => (
            <Table.Tr
              key={p.period}
              data-testid={`spc-table-row-${p.period}`}
              data-upper={p.upper ?? undefined}
              data-baseline={p.baseline}
            >
              <Table.Th scope="row" fw={400}>
                {format.period(p.period)}
                {p.baseline && chart.baselineEnd !== null ? ` · ${t('baseline')}` : ''}
              </Table.Th>
              <Table.Td ta="right" fw={600} c={p.rules.length > 0 ? 'red.8' : undefined}>
                {num(p.value)}
              </Table.Td>
              <Table.Td ta="right">{num(p.numerator)}</Table.Td>
              <Table.Td ta="right">{num(p.denominator)}</Table.Td>
              <Table.Td ta="right">{num(p.lower)}</Table.Td>
              <Table.Td ta="right">{num(p.centre)}</Table.Td>
              <Table.Td ta="right">{num(p.upper)}</Table.Td>
              {parts > 1 && <Table.Td>{p.part}</Table.Td>}
              <Table.Td>{[...new Set(p.rules.map((r) => ruleLabel(r, t)))].join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
