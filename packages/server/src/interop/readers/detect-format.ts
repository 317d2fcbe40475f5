/**
 * Which data value format a file is in, from its first bytes (and its extension when they do not
 * decide): `{` is JSON (FHIR when it names a `resourceType`, else a DHIS2 data value set), `<` is
 * XML (ADX by its root or namespace, DXF2 by `dataValueSet`), anything else is CSV (DHIS2's
 * positional columns when the header names them, else a generic CSV that needs a mapping).
 */
import { extname } from 'node:path';
import { ValidationError, type DataValueFormat } from '@sankofa/core';
import { ADX_NAMESPACE } from './adx-reader.ts';
import { fileHead } from './file-chunks.ts';

/** DHIS2's CSV header names (first three columns), normalised, and the docs' misspelling. */
const DHIS2_CSV_NAMES: readonly (readonly string[])[] = [
  ['dataelement', 'dataelelement', 'de'],
  ['period', 'pe'],
  ['orgunit', 'ou'],
];

function unrecognised(path: string, reason: string): ValidationError {
  return ValidationError.of(
    'format',
    'unknown_format',
    `Cannot tell the format of ${path}: ${reason}`,
  );
}

/** The first start tag's name and the text of its attributes, skipping the prolog. */
function firstElement(head: string): { name: string; text: string } | undefined {
  const tag = /<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(
    head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, ''),
  );
  return tag === null ? undefined : { name: tag[1], text: tag[2] };
}

function xmlFormat(path: string, head: string): DataValueFormat {
  const root = firstElement(head);
  const local = root?.name.replace(/^.*:/, '');
  if (local === 'adx' || (root?.text.includes(ADX_NAMESPACE) ?? false)) {
    return 'adx';
  }
  if (local === 'dataValueSet') {
    return 'dhis2-xml';
  }
  throw unrecognised(path, `XML whose root is <${root?.name ?? '?'}>, not <dataValueSet> or <adx>`);
}

function csvFormat(head: string): DataValueFormat {
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  const cells = firstLine
    .split(/[,;\t]/)
    .slice(0, 3)
    .map((cell) => cell.replace(/["'\s_-]/g, '').toLowerCase());
  const named = DHIS2_CSV_NAMES.filter((names, i) => names.includes(cells[i] ?? '')).length;
  return named >= 2 ? 'dhis2-csv' : 'csv';
}

/**
 * Detects a file's data value format.
 *
 * @returns `csv` for a CSV whose header is not DHIS2's: reading it needs a column mapping.
 * @throws ValidationError (`unknown_format`) for an empty file or XML of another kind.
 */
export async function detectDataValueFormat(path: string): Promise<DataValueFormat> {
  const head = await fileHead(path);
  const start = head.search(/\S/);
  if (start < 0) {
    throw unrecognised(path, 'the file is empty');
  }
  const first = head[start];
  if (first === '{' || first === '[') {
    return /"resourceType"\s*:/.test(head) ? 'fhir' : 'dhis2-json';
  }
  if (first === '<') {
    return xmlFormat(path, head);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.json' || extension === '.xml' || extension === '.adx') {
    throw unrecognised(
      path,
      `a ${extension} file that does not start with ${extension === '.json' ? '{' : '<'}`,
    );
  }
  return csvFormat(head.slice(start));
}
