/**
 * The numbers of an SPC chart as CSV (RFC 4180: comma-separated, fields with a comma, quote or
 * line break quoted, quotes doubled, CRLF line ends), one row per month, for spreadsheets.
 */
import type { SpcChartResponse } from '@sankofa/core';

export const SPC_CSV_COLUMNS = [
  'period',
  'value',
  'numerator',
  'denominator',
  'centre',
  'lower_limit',
  'upper_limit',
  'part',
  'baseline',
  'rules',
] as const;

function field(value: string | number | boolean | null): string {
  if (value === null) {
    return '';
  }
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The chart's points as CSV text, with a header row; rules joined with `;`. */
export function spcCsv(chart: SpcChartResponse): string {
  const rows = chart.points.map((p) =>
    [
      p.period,
      p.value,
      p.numerator,
      p.denominator,
      p.centre,
      p.lower,
      p.upper,
      p.part,
      p.baseline,
      p.rules.join(';'),
    ]
      .map(field)
      .join(','),
  );
  return [SPC_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
