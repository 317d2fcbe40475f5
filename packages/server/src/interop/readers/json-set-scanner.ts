/**
 * A hand-written streaming scanner for a DHIS2 JSON data value set (`{ …header…, "dataValues":
 * [ {…}, … ] }`). It walks the text once, tracking only nesting, strings and lines, and hands
 * out either the root's other members (the header pass, skipping values cheaply) or the text of
 * each `dataValues` element with its line (the values pass), which `JSON.parse` then reads.
 * Faster than a token-level streaming parser, and memory stays flat: only one element is held.
 */
import { ValidationError } from '@sankofa/core';
import { malformedJson, parseJsonText } from './json-text.ts';

/** What the pass collects: root members (header) or data value elements (values). */
export type ScanMode = 'header' | 'values';

/** One `dataValues` element's JSON text and the line it starts on. */
export interface ScannedElement {
  readonly text: string;
  readonly line: number;
}

const enum State {
  BeforeRoot,
  RootKeyOrEnd,
  RootKey,
  KeyText,
  Colon,
  RootValue,
  ElementOrEnd,
  Element,
  AfterElement,
  AfterRootValue,
  Done,
  Value,
}

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

/** A JSON object without nested objects or arrays (strings may hold anything), from `{`. */
const FLAT_OBJECT = /\{[^{}"[\]]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^{}"[\]]*)*\}/y;

function isSpace(c: number): boolean {
  return c === 32 || c === NEWLINE || c === 13 || c === 9;
}

/** The chunk-fed scanner; call `feed` for each chunk, `end` after the last. */
export class JsonSetScanner {
  /** Root members other than `dataValues`, parsed (header pass). */
  readonly members: Record<string, unknown> = {};
  /** Elements found since the last `take()` (values pass). */
  private elements: ScannedElement[] = [];
  private state = State.BeforeRoot;
  private line = 1;
  private key = '';
  private keyEscaped = false;
  // The value being walked: a root member's value or one data value element.
  private keep = false;
  private inArray = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  private buffer = '';
  private startLine = 1;

  constructor(private readonly mode: ScanMode) {}

  /** The elements found so far, handed over once. */
  take(): ScannedElement[] {
    const found = this.elements;
    this.elements = [];
    return found;
  }

  /** Scans one chunk of text. */
  feed(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.state === State.Value) {
        i = this.walkValue(chunk, i);
        continue;
      }
      if (this.state === State.KeyText) {
        i = this.walkKey(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) {
        if (c === NEWLINE) {
          this.line++;
        }
        i++;
        continue;
      }
      if (c === 123 && (this.state === State.ElementOrEnd || this.state === State.Element)) {
        const end = this.flatElement(chunk, i);
        if (end > 0) {
          i = end;
          continue;
        }
      }
      this.structural(c, chunk[i]);
      if ((this.state as State) !== State.Value) {
        i++;
      }
    }
  }

  /** Checks that the text ended where a data value set may end. */
  end(): void {
    if (this.state === State.Done) {
      return;
    }
    if (this.state === State.BeforeRoot) {
      throw ValidationError.of(
        'json',
        'invalid_json',
        'The file is empty: expected a JSON data value set',
      );
    }
    throw malformedJson(this.line, 'the file ends before the data value set is closed');
  }

  private unexpected(found: string, expected: string): ValidationError {
    return malformedJson(this.line, `expected ${expected} but found ${JSON.stringify(found)}`);
  }

  private structural(c: number, char: string): void {
    switch (this.state) {
      case State.BeforeRoot:
        if (char !== '{') {
          throw this.unexpected(char, 'a JSON object ({ "dataValues": [ … ] })');
        }
        this.state = State.RootKeyOrEnd;
        return;
      case State.RootKeyOrEnd:
      case State.RootKey:
        if (char === '}' && this.state === State.RootKeyOrEnd) {
          this.state = State.Done;
        } else if (c === QUOTE) {
          this.key = '';
          this.state = State.KeyText;
        } else {
          throw this.unexpected(char, 'a member name in double quotes');
        }
        return;
      case State.Colon:
        if (char !== ':') {
          throw this.unexpected(char, `":" after "${this.key}"`);
        }
        this.state = State.RootValue;
        return;
      case State.RootValue:
        if (this.key === 'dataValues' && char === '[') {
          this.state = State.ElementOrEnd;
          this.inArray = true;
          return;
        }
        if (this.key === 'dataValues' && this.mode === 'values' && char !== 'n') {
          throw this.unexpected(char, 'dataValues to be an array');
        }
        this.startValue(c, this.mode === 'header' && this.key !== 'dataValues');
        return;
      case State.ElementOrEnd:
      case State.Element:
        if (char === ']' && this.state === State.ElementOrEnd) {
          this.inArray = false;
          this.state = State.AfterRootValue;
        } else if (char === '{') {
          this.startValue(c, this.mode === 'values');
        } else {
          throw this.unexpected(char, 'a data value object ({ "dataElement": … })');
        }
        return;
      case State.AfterElement:
        if (char === ',') {
          this.state = State.Element;
        } else if (char === ']') {
          this.inArray = false;
          this.state = State.AfterRootValue;
        } else {
          throw this.unexpected(char, '"," or "]" after a data value');
        }
        return;
      case State.AfterRootValue:
        if (char === ',') {
          this.state = State.RootKey;
        } else if (char === '}') {
          this.state = State.Done;
        } else {
          throw this.unexpected(char, `"," or "}" after the value of "${this.key}"`);
        }
        return;
      case State.Done:
        throw this.unexpected(char, 'nothing after the data value set');
      case State.KeyText:
      case State.Value:
        throw new Error(`The scanner reads state ${this.state} elsewhere`);
    }
  }

  /**
   * The fast path: an element with no nested object or array that lies wholly in this chunk is
   * matched by one regular expression (native code) instead of the character walk.
   *
   * @returns The index after the element, or -1 to walk it character by character.
   */
  private flatElement(chunk: string, from: number): number {
    FLAT_OBJECT.lastIndex = from;
    if (!FLAT_OBJECT.test(chunk)) {
      return -1;
    }
    const end = FLAT_OBJECT.lastIndex;
    const text = chunk.slice(from, end);
    if (this.mode === 'values') {
      this.elements.push({ text, line: this.line });
    }
    for (let n = text.indexOf('\n'); n >= 0; n = text.indexOf('\n', n + 1)) {
      this.line++;
    }
    this.state = State.AfterElement;
    return end;
  }

  private startValue(c: number, keep: boolean): void {
    this.state = State.Value;
    this.keep = keep;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.scalar = c !== QUOTE && c !== 123 && c !== 91;
    this.buffer = '';
    this.startLine = this.line;
  }

  /** Reads a member name up to its closing quote. */
  private walkKey(chunk: string, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.keyEscaped) {
        this.keyEscaped = false;
      } else if (c === BACKSLASH) {
        this.keyEscaped = true;
      } else if (c === QUOTE) {
        this.key += chunk.slice(from, i);
        this.key = JSON.parse(`"${this.key}"`) as string;
        this.state = State.Colon;
        return i + 1;
      }
    }
    this.key += chunk.slice(from);
    return chunk.length;
  }

  /** Walks a value (object, array, string or scalar), keeping its text when asked. */
  private walkValue(chunk: string, from: number): number {
    const n = chunk.length;
    let end = -1;
    let i = from;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
        } else if (c === BACKSLASH) {
          this.escaped = true;
        } else if (c === QUOTE) {
          this.inString = false;
          if (this.depth === 0) {
            end = i + 1;
            break;
          }
        }
      } else if (this.scalar) {
        if (c === 44 || c === 125 || c === 93 || isSpace(c)) {
          end = i;
          break;
        }
      } else if (c === QUOTE) {
        this.inString = true;
      } else if (c === 123 || c === 91) {
        this.depth++;
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth === 0) {
          end = i + 1;
          break;
        }
      } else if (c === NEWLINE) {
        this.line++;
      }
    }
    if (end < 0) {
      if (this.keep) {
        this.buffer += chunk.slice(from);
      }
      return n;
    }
    if (this.keep) {
      this.finish(this.buffer + chunk.slice(from, end));
    }
    this.buffer = '';
    this.state = this.inArray ? State.AfterElement : State.AfterRootValue;
    return end;
  }

  private finish(text: string): void {
    if (this.inArray) {
      this.elements.push({ text, line: this.startLine });
      return;
    }
    this.members[this.key] = parseJsonText(text, this.startLine);
  }
}
