/**
 * JSON text read with `JSON.parse`, its syntax errors turned into `ValidationError`s that name
 * the line in the file.
 */
import { ValidationError } from '@sankofa/core';

/** A `ValidationError` naming the line, for malformed JSON. */
export function malformedJson(line: number, message: string): ValidationError {
  return ValidationError.of('json', 'invalid_json', `Malformed JSON at line ${line}: ${message}`);
}

/**
 * Where in `text` a `JSON.parse` error points: V8 gives `at position N`, or (for an unexpected
 * token) a quoted excerpt around it, which is found in the text.
 */
function errorOffset(message: string, text: string): number {
  const at = /position (\d+)/.exec(message);
  if (at !== null) {
    return Number(at[1]);
  }
  const excerpt =
    /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  const found = excerpt === null ? -1 : text.indexOf(excerpt[2]);
  return found < 0 || excerpt === null ? 0 : found + excerpt[2].indexOf(excerpt[1]);
}

/** `JSON.parse`, with a syntax error reported at its line in the file. */
export function parseJsonText(text: string, startLine: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(message, text);
    let line = startLine;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
    }
    const reason = message
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, (\.\.\.)?"[\s\S]*$/, '');
    throw malformedJson(line, reason);
  }
}
