/**
 * Reading answers JSON — an answers file, stdin, or one record of a batch: bytes or text → JSON
 * document, with errors a person can act on. THE one reader: `evaluate`, `--resume` and every
 * `batch` record (JSONL line, JSON array element) go through `readAnswersText`, so they accept
 * and refuse the same documents with the same messages.
 * A syntax error names its place as `file:line:col: message` (1-based; columns count UTF-16 code
 * units after a leading BOM is dropped); a key written twice in one object is an error too (JSON
 * itself would silently keep the last, and with health answers the two may disagree — a red flag
 * answered "yes" then "no" must not become "no"). A number too large for a double is read as
 * JSON.parse reads it (Infinity); the engine says it is too large for its question.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { EXIT, fileErrorReason, ScreenError } from '../errors.js';
import { quote } from '../quote.js';

/** What the user calls the input in messages: the path as given, or `<stdin>` for `-`. */
export const STDIN_LABEL = '<stdin>';

/** The answers are bigger than any real answers file; refuse rather than exhaust memory. */
export const MAX_ANSWERS_BYTES = 8 * 1024 * 1024;

async function readStream(stream: Readable, label: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_ANSWERS_BYTES) throw tooBig(label);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * A file's bytes up to the cap, read through a file handle: a device (/dev/zero) or a FIFO has no
 * size, so it is read to its end or the cap, never whole. (Not a read stream: loading Node's fs
 * streams cost about a tenth of `evaluate`'s start-up.)
 */
async function readFileCapped(path: string, label: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const piece = Buffer.allocUnsafe(64 * 1024);
      const { bytesRead } = await handle.read(piece, 0, piece.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, size);
      size += bytesRead;
      if (size > MAX_ANSWERS_BYTES) throw tooBig(label);
      chunks.push(piece.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

function tooBig(label: string): ScreenError {
  return new ScreenError('answers.too-big', EXIT.dataErr, `${label}: larger than ${MAX_ANSWERS_BYTES / 1024 / 1024} MiB; this is not an answers file`);
}

/** Reads `source` (a path relative to `cwd`, or `-` for stdin). Unreadable → ScreenError 66. */
export async function readAnswersSource(source: string, io: { readonly stdin: Readable; readonly cwd: string }): Promise<{ label: string; bytes: Uint8Array }> {
  if (source === '-') return { label: STDIN_LABEL, bytes: await readStream(io.stdin, STDIN_LABEL) };
  try {
    return { label: source, bytes: await readFileCapped(resolve(io.cwd, source), source) };
  } catch (e) {
    if (e instanceof ScreenError) throw e;
    throw new ScreenError('answers.unreadable', EXIT.noInput, `cannot read ${source}: ${fileErrorReason(e, 'read')}`);
  }
}

export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Parses answers JSON. On error: one line `label:line:col: message`. */
export function parseAnswersJson(input: Uint8Array | string, label: string): { ok: true; doc: unknown } | { ok: false; error: string } {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { ok: false, error: `${label}: ${NOT_UTF8}` };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const r = readAnswersText(text);
  if (!r.ok) return { ok: false, error: `${label}:${r.error.line}:${r.error.col}: ${r.error.message}` };
  return r;
}

/** The message for bytes that are not UTF-8 (the label comes before it). */
export const NOT_UTF8 = 'not valid UTF-8 text';

/** Deeper than this is refused (a hostile document, not answers). */
const MAX_DEPTH = 200;

/**
 * Text (no BOM) → the JSON document, or the first error with its place (relative to `text`).
 * Fast for the common case (batch reads millions of records): `JSON.parse`, then a count of the
 * keys in the text (every `:` outside a string ends a key) against the keys parsed; only a
 * document that fails or does not match is scanned again by `findJsonError` for the message.
 * Measured on a 725-character record: about 1-2 µs on top of JSON.parse's 3-10 µs.
 * `keys`: how many object keys the document holds, at every depth (Infinity when too deep to count).
 */
export function readAnswersText(text: string): { ok: true; doc: unknown; keys: number } | { ok: false; error: JsonSyntaxError } {
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (e) {
    return { ok: false, error: findJsonError(text) ?? { offset: 0, line: 1, col: 1, message: e instanceof Error ? e.message : String(e) } };
  }
  const parsed = keysAndLimits(doc, 0);
  // All colons = keys written + colons inside strings ≥ keys written ≥ keys parsed: when the first
  // equals the last, no key repeats (the common case, and the cheapest count).
  if (parsed === undefined || (parsed !== allColons(text) && parsed !== colonsOutsideStrings(text))) {
    const err = findJsonError(text);
    if (err !== undefined) return { ok: false, error: err };
  }
  return { ok: true, doc, keys: parsed ?? Infinity };
}

/** The number of object keys in `v`, or undefined when it is nested too deeply. */
function keysAndLimits(v: unknown, depth: number): number | undefined {
  if (typeof v !== 'object' || v === null) return 0;
  if (depth >= MAX_DEPTH) return undefined;
  let n = 0;
  if (Array.isArray(v)) {
    for (const item of v) {
      const k = keysAndLimits(item, depth + 1);
      if (k === undefined) return undefined;
      n += k;
    }
    return n;
  }
  const o = v as Record<string, unknown>;
  for (const key in o) {
    const value = o[key];
    n++;
    if (typeof value === 'object' && value !== null) {
      const k = keysAndLimits(value, depth + 1);
      if (k === undefined) return undefined;
      n += k;
    }
  }
  return n;
}

function allColons(text: string): number {
  let n = 0;
  for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) n++;
  return n;
}

/** In valid JSON every `:` outside a string follows a key: the number of keys as written. */
function colonsOutsideStrings(text: string): number {
  let n = 0;
  let i = 0;
  for (;;) {
    const quote = text.indexOf('"', i);
    const end = quote === -1 ? text.length : quote;
    for (let c = text.indexOf(':', i); c !== -1 && c < end; c = text.indexOf(':', c + 1)) n++;
    if (quote === -1) return n;
    // Skip the string: its end is the next quote not escaped by an odd run of backslashes.
    let j = quote + 1;
    for (;;) {
      j = text.indexOf('"', j);
      if (j === -1) return n;
      let backslashes = 0;
      while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) break;
      j++;
    }
    i = j + 1;
  }
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  if (ch === '\n') return 'end of line';
  return quote(ch);
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * The first error in `text` as JSON (RFC 8259), or a key repeated within one object, or
 * `undefined` when `JSON.parse` will accept it and no key repeats.
 */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (offset: number, message: string): never => {
    throw new JsonFail(offset, message);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail(start, 'unterminated string');
      const ch = text[i] as string;
      const c = ch.charCodeAt(0);
      if (ch === '"') {
        i++;
        return out;
      }
      if (c < 0x20) fail(i, ch === '\n' ? 'unterminated string (a line break inside quotes)' : 'control character inside a string');
      if (ch === '\\') {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += JSON.parse(`"\\${e}"`) as string;
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(i, 'invalid escape in a string');
      } else {
        out += ch;
        i++;
      }
    }
  };
  const num = (): void => {
    // Sticky on the whole text: a valid number of any length (400 digits) is one token.
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null || m[0] === '-') fail(i, `unexpected ${describe(text[i])}`);
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(i, 'nested too deeply');
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      const keys = new Set<string>();
      for (;;) {
        ws();
        if (text[i] !== '"') fail(i, text[i] === '}' ? 'trailing comma before "}"' : `expected a key in double quotes, found ${describe(text[i])}`);
        const at = i;
        const key = str();
        if (keys.has(key)) fail(at, `${quote(key)} appears twice in the same object`);
        keys.add(key);
        ws();
        if (text[i] !== ':') fail(i, `expected ":" after the key ${quote(key)}, found ${describe(text[i])}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(i, `expected "," or "}" after a value, found ${describe(text[i])}`);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail(i, 'trailing comma before "]"');
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(i, `expected "," or "]" after a value, found ${describe(text[i])}`);
      }
    }
    if (ch === '"') {
      str();
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      num();
      return;
    }
    if (ch === "'") fail(i, 'strings need double quotes (")');
    fail(i, `unexpected ${describe(ch)}`);
  };
  try {
    ws();
    if (i >= text.length) fail(i, 'the file is empty (expected a JSON object)');
    value(0);
    ws();
    if (i < text.length) fail(i, `unexpected ${describe(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (!(e instanceof JsonFail)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const col = e.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { offset: e.offset, line, col, message: e.message };
  }
}

class JsonFail extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}
