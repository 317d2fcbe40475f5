/**
 * Applies a `CsvMapping` to a CSV's header and rows: finds the mapped columns, then turns each
 * row into a `RawDataValue`. Empty cells are missing fields (a CSV cannot tell empty from
 * absent); the engine reports a missing required field as a conflict naming the row.
 */
import { ValidationError } from '../errors.ts';
import { periodContaining } from '../periods/index.ts';
import { CSV_MAPPING_FIELDS, type CsvMappedField, type CsvMapping } from './csv-mapping.ts';
import type { RawDataValue, ValueConflict } from './data-value-record.ts';

/** Turns one CSV row (its cells, 1-based data row and line) into a raw data value. */
export type CsvRowReader = (cells: readonly string[], row: number, line: number) => RawDataValue;

/** A field's place in a row: a column index, or fixed text. */
type Place = number | { readonly fixed: string };

function findColumn(header: readonly string[], name: string, field: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) {
    return exact;
  }
  const wanted = name.trim().toLowerCase();
  const loose = header.flatMap((h, i) => (h.trim().toLowerCase() === wanted ? [i] : []));
  if (loose.length === 1) {
    return loose[0];
  }
  throw ValidationError.of(
    field,
    'unknown_csv_column',
    `The CSV mapping reads ${field} from column ${JSON.stringify(name)}, but the header has ` +
      (loose.length > 1
        ? 'several columns of that name'
        : `only ${header.map((h) => JSON.stringify(h)).join(', ')}`),
  );
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Keeps date → period conversions, since a file repeats the same few dates. */
function datePeriods(mapping: CsvMapping): (text: string) => string | ValueConflict {
  const type = mapping.periodType;
  const cache = new Map<string, string | ValueConflict>();
  return (text) => {
    let found = cache.get(text);
    if (found === undefined) {
      // A date-time cell (2024-01-15T08:30, 2024-01-15 08:30) counts as its date.
      const date =
        text.length > 10 && /^\d{4}-\d{2}-\d{2}[T ]/.test(text) ? text.slice(0, 10) : text;
      try {
        found = periodContaining(type ?? 'Monthly', date).id;
      } catch (error) {
        const reason = error instanceof ValidationError ? error.message : String(error);
        found = {
          object: text,
          property: 'period',
          errorCode: 'invalid_date',
          value: `Period date ${JSON.stringify(text)} is not a YYYY-MM-DD date (${reason})`,
        };
      }
      if (cache.size > 10_000) {
        cache.clear();
      }
      cache.set(text, found);
    }
    return found;
  };
}

/**
 * Prepares the row reader for a CSV with this header.
 *
 * @param mapping - A mapping checked by `parseCsvMapping`.
 * @param header - The header row's cells.
 * @throws ValidationError (`unknown_csv_column`) when a mapped column is not in the header
 *   (the message lists the header), before any row is read.
 */
export function csvRowReader(mapping: CsvMapping, header: readonly string[]): CsvRowReader {
  const places: [CsvMappedField, Place][] = [];
  for (const field of CSV_MAPPING_FIELDS) {
    const source = mapping[field];
    if (source !== undefined) {
      places.push([field, typeof source === 'string' ? findColumn(header, source, field) : source]);
    }
  }
  const toPeriod = mapping.periodFormat === 'date' ? datePeriods(mapping) : undefined;
  return (cells, row, line) => {
    const value: Mutable<RawDataValue> = { row, line };
    for (const [field, place] of places) {
      const text = typeof place === 'number' ? cells[place] : place.fixed;
      if (text === undefined || text === '') {
        continue;
      }
      if (field === 'period' && toPeriod !== undefined) {
        const period = toPeriod(text);
        if (typeof period === 'string') {
          value.period = period;
        } else {
          value.conflicts = [period];
        }
      } else {
        value[field] = text;
      }
    }
    return value;
  };
}
