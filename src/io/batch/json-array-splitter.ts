/**
 * Cuts a JSON array, fed as text in pieces of any size, into the text of its elements, each with
 * its 0-based index in the array and the 1-based line and column it starts on, without holding
 * more than one element in memory. It checks only the array's own punctuation; each element is
 * parsed later (a broken element is one error record). Punctuation that is not a JSON array
 * throws `BatchFormatError`.
 *
 * An element longer than `maxChars` is never buffered: once it passes the cap its text is dropped
 * while the scan goes on to its end (strings and nesting are still tracked), and it is returned as
 * `null` — an error record — so the elements after it are still read.
 */
import { BatchFormatError } from './batch-format-error.js';

const enum State {
  BeforeArray,
  ExpectValue,
  InValue,
  AfterValue,
  Done,
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LF = 0x0a;
const BOM = 0xfeff;

function isSpace(c: number): boolean {
  return c === 0x20 || c === LF || c === 0x0d || c === 0x09;
}

export interface JsonElements {
  /** Index in the array of the first element returned (the others follow it). */
  readonly first: number;
  readonly lines: number[];
  readonly cols: number[];
  /** The text of each element, or `null` for one longer than the cap. */
  readonly texts: (string | null)[];
}

export class JsonArraySplitter {
  private state = State.BeforeArray;
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Start line of the element being read, and its text read in earlier pieces. */
  private startLine = 0;
  private startCol = 0;
  private pending = '';
  private pendingTooLong = false;
  private scalar = false;
  /** Index of the next element. */
  private index = 0;
  /** 1-based column of the first character of the next piece. */
  private colAtPieceStart = 1;

  constructor(
    private readonly file: string,
    private readonly maxChars = Infinity,
  ) {}

  /** Feeds the next piece; returns the elements it completed, in order. */
  push(text: string): JsonElements {
    const out: JsonElements = { first: this.index, lines: [], cols: [], texts: [] };
    let valueFrom = this.state === State.InValue ? 0 : -1;
    let lastLf = -1;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.BeforeArray:
          if (c === OPEN_BRACKET) this.state = State.ExpectValue;
          else if (!isSpace(c) && c !== BOM) throw this.unexpected(c, 'a JSON array starting with [');
          break;
        case State.ExpectValue:
        case State.AfterValue:
          if (isSpace(c)) break;
          if (c === CLOSE_BRACKET) {
            this.state = State.Done;
          } else if (this.state === State.AfterValue) {
            if (c === COMMA) this.state = State.ExpectValue;
            else throw this.unexpected(c, ', or ] after an element');
          } else if (c === COMMA) {
            throw this.unexpected(c, 'an element');
          } else {
            this.state = State.InValue;
            this.startLine = this.line;
            this.startCol = lastLf === -1 ? this.colAtPieceStart + i : i - lastLf;
            this.depth = 0;
            this.inString = false;
            this.escaped = false;
            this.scalar = c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE;
            valueFrom = i;
            i--; // read this character again as part of the value
          }
          break;
        case State.InValue: {
          let ended = false;
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === BACKSLASH) this.escaped = true;
            else if (c === QUOTE) {
              this.inString = false;
              ended = this.depth === 0;
            }
          } else if (this.scalar) {
            if (isSpace(c) || c === COMMA || c === CLOSE_BRACKET) {
              this.finish(text.slice(valueFrom, i), out);
              valueFrom = -1;
              i--; // the separator belongs to the array: read it again (its LF counted then)
              continue;
            }
          } else if (c === QUOTE) this.inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) ended = --this.depth === 0;
          if (ended) {
            this.finish(text.slice(valueFrom, i + 1), out);
            valueFrom = -1;
          }
          break;
        }
        case State.Done:
          if (!isSpace(c)) throw this.unexpected(c, 'nothing after the closing ]');
          break;
      }
      if (c === LF) {
        this.line++;
        lastLf = i;
      }
    }
    this.colAtPieceStart = lastLf === -1 ? this.colAtPieceStart + n : n - lastLf;
    if (this.state === State.InValue && valueFrom !== -1) {
      if (this.pendingTooLong || this.pending.length + (n - valueFrom) > this.maxChars) {
        this.pending = '';
        this.pendingTooLong = true;
      } else this.pending += text.slice(valueFrom);
    }
    return out;
  }

  /** Call at the end of the input: throws if the array is not closed. */
  end(): JsonElements {
    const out: JsonElements = { first: this.index, lines: [], cols: [], texts: [] };
    if (this.state === State.InValue && this.scalar) {
      this.finish('', out);
    }
    if (this.state !== State.Done) {
      throw new BatchFormatError(this.file, this.line, this.state === State.BeforeArray ? 'expected a JSON array, found nothing' : 'the JSON array is not closed with ]');
    }
    return out;
  }

  private finish(tail: string, out: JsonElements): void {
    out.lines.push(this.startLine);
    out.cols.push(this.startCol);
    const tooLong = this.pendingTooLong || this.pending.length + tail.length > this.maxChars;
    out.texts.push(tooLong ? null : this.pending + tail);
    this.pending = '';
    this.pendingTooLong = false;
    this.index++;
    this.state = State.AfterValue;
  }

  private unexpected(c: number, expected: string): BatchFormatError {
    return new BatchFormatError(this.file, this.line, `expected ${expected}, found ${JSON.stringify(String.fromCharCode(c))}`);
  }
}
