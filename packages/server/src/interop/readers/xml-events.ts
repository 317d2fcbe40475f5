/**
 * A streaming XML event source over saxes: open tags (with attributes and line), close tags and
 * text, chunk by chunk, so memory stays flat. Malformed XML becomes a `ValidationError` naming
 * the line.
 */
import { ValidationError } from '@sankofa/core';
import { SaxesParser } from 'saxes';
import { fileChunks, type ByteProgress } from './file-chunks.ts';

/** One XML event. Names are as written (prefix included); attributes likewise. */
export type XmlEvent =
  | {
      readonly kind: 'open';
      readonly name: string;
      readonly attributes: Readonly<Record<string, string>>;
      readonly line: number;
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

function malformedXml(line: number, message: string): ValidationError {
  return ValidationError.of('xml', 'invalid_xml', `Malformed XML at line ${line}: ${message}`);
}

/**
 * Streams the XML events of a file, one batch per chunk of the file.
 *
 * @throws ValidationError (`invalid_xml`) naming the line when the XML is not well-formed.
 */
export async function* xmlEventBatches(
  path: string,
  progress?: ByteProgress,
): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser({ position: true });
  let queue: XmlEvent[] = [];
  let failure: ValidationError | undefined;
  let tagLine = 1;
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    queue.push({
      kind: 'open',
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      line: tagLine,
    });
  });
  parser.on('closetag', (tag) => {
    queue.push({ kind: 'close', name: tag.name });
  });
  parser.on('text', (text) => {
    queue.push({ kind: 'text', text });
  });
  parser.on('cdata', (text) => {
    queue.push({ kind: 'text', text });
  });
  parser.on('error', (error) => {
    failure ??= malformedXml(parser.line, error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
  });
  const drain = (): XmlEvent[] => {
    if (failure !== undefined) {
      throw failure;
    }
    const events = queue;
    queue = [];
    return events;
  };
  for await (const chunk of fileChunks(path, progress)) {
    parser.write(chunk);
    yield drain();
  }
  parser.close();
  yield drain();
}

/** The first element of the file (its name and attributes), reading no further than needed. */
export async function xmlRoot(
  path: string,
): Promise<{ readonly name: string; readonly attributes: Readonly<Record<string, string>> }> {
  for await (const events of xmlEventBatches(path)) {
    const root = events.find((event) => event.kind === 'open');
    if (root !== undefined) {
      return root;
    }
  }
  throw ValidationError.of('xml', 'invalid_xml', 'The file holds no XML element');
}

/** A name without its namespace prefix (`adx:group` → `group`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
