/**
 * Turns the bytes of an input, in pieces as read, into chunk tasks of whole records, each with
 * the 1-based line its first record starts on. A UTF-8 BOM at the start is dropped. Tasks own
 * their bytes (an ArrayBuffer each, from `allocate`), so they can be transferred to a worker;
 * the pieces pushed are not kept (the reader may reuse its buffer).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { BatchFormatError } from './batch-format-error.js';
import type { InputFormat } from './formats.js';
import { JsonArraySplitter } from './json-array-splitter.js';
import type { ChunkTask } from './process-chunk.js';
import { countLines, detectCsvDelimiter, firstCsvRecordBoundary, lastCsvRecordBoundary, lastLineBoundary } from './record-boundaries.js';

/** The largest record read. An answers record is about 1 KiB; the cap keeps a hostile line from
 * exhausting memory. A longer JSONL line becomes an error record and the batch goes on (its end
 * is plain to find); a longer CSV record or array element stops the batch (an unclosed quote
 * or bracket leaves no sure place to resume). */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
/**
 * Tasks hold whole records of about this many bytes (more for a longer record): small enough
 * that records die young (flat memory) and that the main thread, which evaluates tasks too
 * (chunk-runner.ts), keeps its reading and writing going between them; large enough that
 * messaging costs little. Measured with this thread + 1 worker (200k JSONL records, chrt -r,
 * 2 cores): 256 KiB 3.55–3.69 s, peak RSS 154–157 MB; 64 KiB 3.26–3.55 s, 145–150 MB;
 * 32 KiB 3.41–3.62 s, 142–144 MB; 16 KiB 3.55–3.71 s, 136–144 MB. (With two workers and an idle
 * main thread, 256 KiB had been best: 64 KiB 180 / 212 MB at 1 M / 3 M records.)
 */
export const TASK_BYTES = 32 * 1024;

export interface InputFramer {
  push(bytes: Uint8Array): ChunkTask[];
  end(): ChunkTask[];
}

/** The CSV field delimiters read. */
export type CsvDelimiter = ',' | ';' | '\t';

/** How the columns of a CSV input are used, decided once from its header. */
export interface CsvColumnPlan {
  /** Per column: the question id it answers, `id` for the record id, or `''` for a column not read as an answer. */
  readonly header: readonly string[];
  /** Columns copied into each output record (--keep-column), in output order. */
  readonly keep: readonly number[];
}

export interface CsvReading {
  /** The delimiter to use; detected from the header when absent. */
  readonly delimiter?: CsvDelimiter;
  /** Decides the use of each column from the header names (trimmed) and the delimiter used; may
   * throw a BatchFormatError (exit 65) for a header that cannot be used. Called once. */
  plan(names: readonly string[], delimiter: CsvDelimiter, detected: boolean): CsvColumnPlan;
}

/** Every column by its own name (no questionnaire): what the framer does without a `CsvReading`. */
const PLAIN_COLUMNS: CsvReading = { plan: (names) => ({ header: names, keep: [] }) };

/** `allocate(n)`: where a task's `n` bytes are copied (e.g. a BufferPool's `take`); fresh by default. */
export function inputFramer(
  format: InputFormat,
  file: string,
  allocate: (length: number) => Uint8Array = (n) => new Uint8Array(n),
  csv: CsvReading = PLAIN_COLUMNS,
): InputFramer {
  switch (format) {
    case 'jsonl':
      return new LineFramer(file, lastLineBoundary, (bytes, firstLine) => ({ kind: 'jsonl', firstLine, bytes }), allocate, true);
    case 'csv': {
      const delimiter = { byte: 0x2c };
      return new CsvFramer(file, allocate, csv, delimiter);
    }
    case 'json':
      return new JsonArrayFramer(file);
    default: {
      const never: never = format;
      throw new Error(`unknown input format ${String(never)}`);
    }
  }
}

function ownedCopy(buf: Uint8Array, start: number, end: number): Uint8Array {
  const copy = new Uint8Array(end - start);
  copy.set(buf.subarray(start, end));
  return copy;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function hasBom(buf: Uint8Array): boolean {
  return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Old Mac line ends (CR alone, as "CSV (Macintosh)" writes): decided on the first piece that has
 * a line end — CR and no LF means every CR is a line end, and is read as LF from then on.
 */
class LineEnds {
  private crOnly: boolean | undefined;

  apply(bytes: Uint8Array): Uint8Array {
    if (this.crOnly === undefined) {
      const cr = bytes.indexOf(CR);
      const lf = bytes.indexOf(LF);
      if (lf !== -1 && (cr === -1 || lf < cr)) this.crOnly = false;
      else if (cr === -1 || cr === bytes.length - 1) return bytes; // undecided (a CRLF may be split here)
      else this.crOnly = bytes[cr + 1] !== LF;
    }
    if (!this.crOnly || bytes.indexOf(CR) === -1) return bytes;
    const copy = Uint8Array.from(bytes);
    for (let i = copy.indexOf(CR); i !== -1; i = copy.indexOf(CR, i + 1)) copy[i] = LF;
    return copy;
  }
}

/** Cuts at record boundaries given by `boundary`; the tail waits for the next piece. */
class LineFramer implements InputFramer {
  private carry: Uint8Array = new Uint8Array(0);
  /** Where the carry and the next piece are joined; reused (grown when needed) so that joining
   * allocates nothing per piece. Valid until the next push; tasks are copied out of it. */
  private joined: Uint8Array = new Uint8Array(0);
  protected line = 1;
  protected started = false;
  /** Discarding the rest of an oversized line (JSONL only), up to and including its LF. */
  private skipping = false;
  protected readonly lineEnds = new LineEnds();

  constructor(
    protected readonly file: string,
    private readonly boundary: (buf: Uint8Array) => number,
    private readonly task: (bytes: Uint8Array, firstLine: number) => ChunkTask,
    private readonly allocate: (length: number) => Uint8Array,
    /** Lines are records: an oversized one can be skipped to its LF instead of stopping the batch. */
    private readonly skipOversized = false,
  ) {}

  push(piece: Uint8Array): ChunkTask[] {
    return this.pushLines(this.lineEnds.apply(piece));
  }

  protected pushLines(bytes: Uint8Array): ChunkTask[] {
    if (this.skipping) {
      const lf = bytes.indexOf(0x0a);
      if (lf === -1) return [];
      this.skipping = false;
      const skipped = this.oversized();
      return [skipped, ...this.pushLines(bytes.subarray(lf + 1))];
    }
    const owned = this.carry.length > 0; // else `buf` is the caller's (reused) buffer
    let buf = owned ? this.join(bytes) : bytes;
    if (!this.started) {
      if (buf.length < 3 && buf.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
        this.carry = ownedCopy(buf, 0, buf.length); // might be the start of a BOM
        return [];
      }
      this.started = true;
      if (hasBom(buf)) buf = buf.subarray(3);
    }
    const cut = this.boundary(buf);
    if (cut === 0) {
      if (buf.length > MAX_RECORD_BYTES && this.skipOversized) {
        this.skipping = true;
        this.carry = new Uint8Array(0);
        return [];
      }
      if (buf.length > MAX_RECORD_BYTES) throw new BatchFormatError(this.file, this.line, `a record is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB (an unclosed quote?)`);
      this.carry = ownedCopy(buf, 0, buf.length);
      return [];
    }
    const tasks: ChunkTask[] = [];
    let from = 0;
    while (cut - from > TASK_BYTES) {
      const part = this.boundary(buf.subarray(from, from + TASK_BYTES));
      const to = part === 0 ? cut : from + part;
      tasks.push(this.emit(this.copy(buf, from, to)));
      from = to;
    }
    if (from < cut) tasks.push(this.emit(this.copy(buf, from, cut)));
    this.carry = ownedCopy(buf, cut, buf.length);
    return tasks;
  }

  private copy(buf: Uint8Array, start: number, end: number): Uint8Array {
    const bytes = this.allocate(end - start);
    bytes.set(buf.subarray(start, end));
    return bytes;
  }

  /** The carry followed by `bytes`, in the reused join buffer. */
  private join(bytes: Uint8Array): Uint8Array {
    const length = this.carry.length + bytes.length;
    if (this.joined.length < length) this.joined = new Uint8Array(Math.max(length, 2 * this.joined.length));
    this.joined.set(this.carry);
    this.joined.set(bytes, this.carry.length);
    return this.joined.subarray(0, length);
  }

  end(): ChunkTask[] {
    if (this.skipping) {
      this.skipping = false;
      return [this.oversized()];
    }
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    if (!this.started && hasBom(rest)) return [];
    return rest.length === 0 ? [] : [this.emit(rest)];
  }

  /** The error record for the oversized line now skipped; the next line follows it. */
  private oversized(): ChunkTask {
    return { kind: 'error', line: this.line++, message: `the record is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB` };
  }

  protected emit(chunk: Uint8Array): ChunkTask {
    const firstLine = this.line;
    this.line += countLines(chunk);
    return this.task(chunk, firstLine);
  }
}

/**
 * The first record is the header (question ids and an optional `id` column); the rest are
 * records. The field delimiter is the one given, or the one the header line uses most.
 */
class CsvFramer extends LineFramer {
  private columns: CsvColumnPlan | undefined;
  private headBuf: Uint8Array = new Uint8Array(0);
  private delimiterText: CsvDelimiter = ',';

  constructor(
    file: string,
    allocate: (length: number) => Uint8Array,
    private readonly reading: CsvReading,
    /** Shared with the boundary function, which runs before the header is known. */
    private readonly delimiter: { byte: number },
  ) {
    super(
      file,
      (buf) => lastCsvRecordBoundary(buf, delimiter.byte),
      (bytes, firstLine) => ({ kind: 'csv', firstLine, bytes, header: this.columns?.header ?? [], delimiter: this.delimiterText, keep: this.columns?.keep ?? [] }),
      allocate,
    );
  }

  override push(piece: Uint8Array): ChunkTask[] {
    const bytes = this.lineEnds.apply(piece);
    if (this.columns) return this.pushLines(bytes);
    this.headBuf = concat(this.headBuf, ownedCopy(bytes, 0, bytes.length));
    const start = hasBom(this.headBuf) ? 3 : 0;
    const head = this.headBuf.subarray(start);
    const lf = head.indexOf(LF);
    if (lf === -1 && this.headBuf.length <= MAX_RECORD_BYTES) return [];
    this.chooseDelimiter(lf === -1 ? head : head.subarray(0, lf + 1));
    const cut = firstCsvRecordBoundary(head, this.delimiter.byte);
    if (cut === 0) {
      if (this.headBuf.length > MAX_RECORD_BYTES) throw new BatchFormatError(this.file, 1, `the header row is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB (an unclosed quote?)`);
      return [];
    }
    const rest = this.acceptHeader(head.subarray(0, cut), head.subarray(cut));
    return rest.length === 0 ? [] : this.pushLines(rest);
  }

  override end(): ChunkTask[] {
    if (!this.columns) {
      const start = hasBom(this.headBuf) ? 3 : 0;
      if (this.headBuf.length > start) {
        this.chooseDelimiter(this.headBuf.subarray(start));
        this.acceptHeader(this.headBuf.subarray(start), new Uint8Array(0));
      }
      return [];
    }
    return super.end();
  }

  private detected = false;

  private chooseDelimiter(firstLine: Uint8Array): void {
    const given = this.reading.delimiter;
    this.detected = given === undefined;
    this.delimiter.byte = given === undefined ? detectCsvDelimiter(firstLine) : given.charCodeAt(0);
    this.delimiterText = String.fromCharCode(this.delimiter.byte) as CsvDelimiter;
  }

  /** Reads and checks the header row; returns the bytes after it. */
  private acceptHeader(headerBytes: Uint8Array, rest: Uint8Array): Uint8Array {
    let rows: string[][];
    try {
      rows = parseCsv(Buffer.from(headerBytes), { record_delimiter: ['\r\n', '\n'], relax_column_count: true, to: 1, delimiter: this.delimiterText }) as string[][];
    } catch (e) {
      throw new BatchFormatError(this.file, 1, `the header row cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    const header = (rows[0] ?? []).map((h) => h.trim());
    if (header.length === 0 || header.every((h) => h === '')) throw new BatchFormatError(this.file, 1, 'the first row must be a header of question ids (and optionally id)');
    const seen = new Set<string>();
    for (const [i, h] of header.entries()) {
      if (h === '') throw new BatchFormatError(this.file, 1, `header column ${i + 1} has no name`);
      if (seen.has(h)) throw new BatchFormatError(this.file, 1, `header column "${h}" appears twice`);
      seen.add(h);
    }
    this.columns = this.reading.plan(header, this.delimiterText, this.detected);
    this.line += countLines(headerBytes);
    this.started = true;
    this.headBuf = new Uint8Array(0);
    return ownedCopy(rest, 0, rest.length);
  }
}

/** A JSON array, cut into its elements; an element over MAX_RECORD_BYTES characters is an error record. */
class JsonArrayFramer implements InputFramer {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  private readonly splitter: JsonArraySplitter;

  constructor(file: string) {
    this.splitter = new JsonArraySplitter(file, MAX_RECORD_BYTES);
  }

  push(bytes: Uint8Array): ChunkTask[] {
    const e = this.splitter.push(this.decoder.decode(bytes, { stream: true }));
    return e.texts.length === 0 ? [] : [{ kind: 'json', first: e.first, lines: e.lines, cols: e.cols, texts: e.texts }];
  }

  end(): ChunkTask[] {
    const tail = this.splitter.push(this.decoder.decode());
    const last = this.splitter.end();
    const texts = [...tail.texts, ...last.texts];
    return texts.length === 0 ? [] : [{ kind: 'json', first: tail.first, lines: [...tail.lines, ...last.lines], cols: [...tail.cols, ...last.cols], texts }];
  }
}
