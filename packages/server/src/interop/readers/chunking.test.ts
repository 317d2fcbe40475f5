/**
 * The hand-written CSV splitter and JSON scanner give the same result however the file is cut
 * into chunks, for any content (quotes, delimiters, newlines, braces and escapes inside fields).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, type CsvRecord } from './csv-splitter.ts';
import { JsonSetScanner } from './json-set-scanner.ts';

/** `text` cut at the given (sorted, deduplicated) positions. */
function cut(text: string, positions: readonly number[]): string[] {
  const at = [...new Set(positions.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length));
}

const field = fc.string({
  unit: fc.constantFrom('a', 'B', '1', ' ', ',', ';', '"', '\n', '\r\n', '{', 'é', '\\'),
  maxLength: 8,
});
const plain = fc.string({
  unit: fc.constantFrom('a', 'B', '1', '-', 'é'),
  minLength: 1,
  maxLength: 8,
});

describe('CsvSplitter', () => {
  it('splits any RFC 4180 text into its records and their first lines, whatever the chunks', () => {
    const record = fc.array(
      fc.oneof(
        field.map((f) => ({ f, quoted: true })),
        plain.map((f) => ({ f, quoted: false })),
      ),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 12 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, delimiter, newline, finalNewline, positions) => {
          const lines = records.map((cells) =>
            cells
              .map(({ f, quoted }) => (quoted ? `"${f.replaceAll('"', '""')}"` : f))
              .join(delimiter),
          );
          const text = lines.join(newline) + (finalNewline ? newline : '');
          let line = 1;
          const expected: CsvRecord[] = records.map((cells, i) => {
            const at = line;
            line += lines[i].split('\n').length;
            return { cells: cells.map((c) => c.f), line: at };
          });
          const splitter = new CsvSplitter(delimiter);
          const found = cut(text, positions).flatMap((chunk) => splitter.feed(chunk));
          expect([...found, ...splitter.end()]).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('JsonSetScanner', () => {
  it('finds the header members and every data value, whatever the chunks', () => {
    const json = fc.jsonValue({ maxDepth: 2 });
    const element = fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(field, json), {
      maxKeys: 4,
    });
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 8 }),
        fc.dictionary(fc.constantFrom('dataSet', 'period', 'orgUnit', 'x'), json),
        fc.boolean(),
        fc.constantFrom(undefined, 2),
        fc.array(fc.nat(), { maxLength: 6 }),
        (elements, members, membersFirst, indent, positions) => {
          const document = membersFirst
            ? { ...members, dataValues: elements }
            : { dataValues: elements, ...members };
          const text = JSON.stringify(document, null, indent);
          const header = new JsonSetScanner('header');
          const values = new JsonSetScanner('values');
          const found: unknown[] = [];
          for (const chunk of cut(text, positions)) {
            header.feed(chunk);
            values.feed(chunk);
            found.push(...values.take().map((e) => JSON.parse(e.text) as unknown));
          }
          header.end();
          values.end();
          expect(header.members).toEqual(JSON.parse(JSON.stringify(members)));
          expect(found).toEqual(JSON.parse(JSON.stringify(elements)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
