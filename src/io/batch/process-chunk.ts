/**
 * The work on one chunk of whole records, done in a worker thread or in-process: parse each
 * record, evaluate it with the engine, format the output record. Pure apart from the engine.
 * Line numbers are 1-based lines of the input file where a record starts.
 */
import { parse as parseCsv, type CsvError } from 'csv-parse/sync';
import { NOT_UTF8, readAnswersText } from '../answers-file.js';
import type { Answers, Questionnaire } from '../../questionnaire/model.js';
import type { Result } from '../../engine/result.js';
import type { ResultSummary } from '../../engine/evaluate.js';
import type { BatchEngine, BatchAnswerProblem } from './batch-engine.js';
import { recordFormatter, type RecordFormatter, type RecordLayout } from './format-record.js';
import type { OutputFormat } from './formats.js';
import { countLines, csvRecordEnds } from './record-boundaries.js';

export type ChunkTask =
  /** Whole lines of JSONL (the last one may lack its LF), the first being line `firstLine`. */
  | { readonly kind: 'jsonl'; readonly firstLine: number; readonly bytes: Uint8Array }
  /** Elements of a JSON array, the first being element `first` (0-based), each with the line and
   * column it starts on; `null` for an element longer than the cap (an error record). */
  | { readonly kind: 'json'; readonly first?: number; readonly lines: readonly number[]; readonly cols?: readonly number[]; readonly texts: readonly (string | null)[] }
  /** Whole CSV records (no header), the first starting on line `firstLine`. `header`: per column,
   * the question id it answers, `id`, or `''` for a column not read as an answer; `delimiter`
   * between fields (default `,`); `keep`: the columns copied into each output record. */
  | {
      readonly kind: 'csv';
      readonly firstLine: number;
      readonly bytes: Uint8Array;
      readonly header: readonly string[];
      readonly delimiter?: string;
      readonly keep?: readonly number[];
    }
  /** A record the framer could not pass on (a JSONL line over the size cap): an error record. */
  | { readonly kind: 'error'; readonly line: number; readonly message: string };

export interface ChunkResult {
  /** The formatted output records of this chunk, in input order (see RecordFormatter.formatRun);
   * UTF-8 bytes when it comes from a worker (transferred, so the main thread's heap stays small). */
  readonly out: string | Uint8Array;
  /** Records read: evaluated + errors (blank lines are not records). */
  readonly records: number;
  readonly errors: number;
  /** Count of evaluated records by disposition id. */
  readonly dispositions: Readonly<Record<string, number>>;
  /** One `line: message` text per error record, in order, for stderr (a message over MAX_STDERR_MESSAGE_CHARS is cut). */
  readonly errorMessages: readonly string[];
}

export interface ChunkSettings extends RecordLayout {
  readonly to: OutputFormat;
  readonly full: boolean;
}

/** Processes chunks for one questionnaire and output format; build one per thread. */
export class ChunkProcessor {
  private readonly formatter: RecordFormatter;
  private readonly multi: ReadonlySet<string>;
  private readonly maxKeys: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  /** The output shows only the summary: records take the engine's summary-only path (no Result, no answers object). */
  private readonly summaryOnly: boolean;
  private readonly strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(
    private readonly q: Questionnaire,
    private readonly engine: BatchEngine,
    settings: ChunkSettings,
  ) {
    this.formatter = recordFormatter(settings.to, settings.full, (r) => engine.resultToPlain(r), q, settings);
    this.multi = new Set(q.questions.filter((x) => x.type === 'multi').map((x) => x.id));
    this.maxKeys = q.questions.length + EXTRA_KEYS_ALLOWED;
    this.summaryOnly = !settings.full && settings.to !== 'fhir';
  }

  process(task: ChunkTask): ChunkResult {
    const acc = new Accumulator(this.formatter);
    switch (task.kind) {
      case 'jsonl':
        this.jsonl(task.bytes, task.firstLine, acc);
        break;
      case 'json':
        for (let i = 0; i < task.texts.length; i++) {
          const text = task.texts[i];
          const line = task.lines[i] ?? 0;
          const element = task.first === undefined ? undefined : task.first + i;
          if (text === null || text === undefined) acc.error(line, undefined, `the element is longer than ${MAX_RECORD_MIB} MiB`, { element });
          else this.jsonDocument(text, line, task.cols?.[i] ?? 1, acc, element);
        }
        break;
      case 'csv':
        this.csv(task.bytes, task.firstLine, { header: task.header, delimiter: task.delimiter ?? ',', keep: task.keep ?? [] }, acc);
        break;
      case 'error':
        acc.error(task.line, undefined, task.message);
        break;
      default: {
        const never: never = task;
        throw new Error(`unknown chunk ${String(never)}`);
      }
    }
    return acc.finish();
  }

  private jsonl(bytes: Uint8Array, firstLine: number, acc: Accumulator): void {
    let text: string;
    try {
      text = this.strictDecoder.decode(bytes);
    } catch {
      this.jsonlLineByLine(bytes, firstLine, acc);
      return;
    }
    let line = firstLine;
    let from = 0;
    const n = text.length;
    while (from < n) {
      let to = text.indexOf('\n', from);
      if (to === -1) to = n;
      const end = to > from && text.charCodeAt(to - 1) === 0x0d ? to - 1 : to;
      const record = text.slice(from, end);
      if (record.trim() !== '') this.jsonDocument(record, line, 1, acc);
      line++;
      from = to + 1;
    }
  }

  /** The slow path, for a chunk that is not all UTF-8: each line decoded on its own, and a line that
   * is not UTF-8 is an error record (as `evaluate` refuses such a file). */
  private jsonlLineByLine(bytes: Uint8Array, firstLine: number, acc: Accumulator): void {
    let line = firstLine;
    let from = 0;
    while (from < bytes.length) {
      let to = bytes.indexOf(0x0a, from);
      if (to === -1) to = bytes.length;
      const end = to > from && bytes[to - 1] === 0x0d ? to - 1 : to;
      let record: string | undefined;
      try {
        record = this.strictDecoder.decode(bytes.subarray(from, end));
      } catch {
        acc.error(line, undefined, NOT_UTF8);
      }
      if (record !== undefined && record.trim() !== '') this.jsonDocument(record, line, 1, acc);
      line++;
      from = to + 1;
    }
  }

  /**
   * One answers document, read by the same reader as `evaluate` (src/io/answers-file.ts): the same
   * syntax checks, a repeated key refused, the same messages. `line`/`col`: where `text` starts.
   */
  private jsonDocument(text: string, line: number, col: number, acc: Accumulator, element?: number): void {
    const read = readAnswersText(text.charCodeAt(0) === 0xfeff && line === 1 ? text.slice(1) : text);
    if (!read.ok) {
      const e = read.error;
      const at = { line: line + e.line - 1, col: e.line === 1 ? col + e.col - 1 : e.col };
      const where = at.line === line ? `column ${at.col}` : `line ${at.line}, column ${at.col}`;
      acc.error(line, undefined, `${where}: ${e.message}`, { element, at: `${at.line}:${at.col}`, stderrMessage: e.message });
      return;
    }
    const doc = read.doc;
    // Counting the keys of each object is needed only when the document has more keys in all than one object may.
    if (read.keys > this.maxKeys && (this.tooManyKeys(doc) || this.tooManyKeys(isPlainObject(doc) ? doc.answers : undefined))) {
      acc.error(line, recordIdOf(doc), this.tooManyKeysMessage(), { element });
      return;
    }
    if (this.summaryOnly) {
      const s = this.engine.summariseDocument(doc, this.q);
      const id = s.recordId ?? recordIdOf(doc);
      if (s.summary === undefined) acc.error(line, id, problemsText(s.problems), { element });
      else acc.summarised(line, id, s.summary);
      return;
    }
    const parsed = this.engine.parseAnswersDocument(doc, this.q);
    const id = parsed.recordId ?? recordIdOf(doc);
    if (parsed.problems.length > 0) acc.error(line, id, problemsText(parsed.problems), { element });
    else acc.evaluated(line, id, this.engine.evaluate(this.q, parsed.answers), parsed.answers);
  }

  /**
   * A record with far more keys than the questionnaire has questions is refused before the engine
   * sees it: the engine's per-key messages (with did-you-mean hints) would cost time and memory in
   * proportion, and a worker's heap is capped (a 4 MiB line can hold 400,000 keys).
   */
  private tooManyKeys(value: unknown): boolean {
    if (!isPlainObject(value)) return false;
    let n = 0;
    for (const key in value) if (Object.hasOwn(value, key) && ++n > this.maxKeys) return true;
    return false;
  }

  private tooManyKeysMessage(): string {
    return `the record has more than ${this.maxKeys} answers (${this.q.id} has ${this.q.questions.length} questions)`;
  }

  private csv(bytes: Uint8Array, firstLine: number, columns: CsvColumns, acc: Accumulator): void {
    const text = this.decoder.decode(bytes);
    if (bytes.indexOf(0x22) === -1) {
      // No quote in the chunk: no field can hold a delimiter or a line break, so RFC 4180 reduces
      // to splitting lines and delimiters (4-5x faster than the parser; test/batch checks they agree).
      this.csvWithoutQuotes(text, firstLine, columns, acc);
      return;
    }
    // Quotes only around plain values (R's write.csv): a split and a strip, not the parser.
    const simple = splitSimplyQuotedCsv(text, columns.delimiter);
    if (simple !== undefined) {
      let line = firstLine;
      for (const record of simple) this.csvRecord(record, line++, columns, acc);
      return;
    }
    let skippedAny = false;
    // Fast path: without per-record info (csv-parse is ~40% faster so). Every line is a record
    // (blank ones are `['']`), so with no record skipped, record k starts on line firstLine + k
    // plus the LFs inside the values of the records before it.
    const rows = parseCsv(text, {
      ...CSV_OPTIONS,
      delimiter: columns.delimiter,
      on_skip: () => {
        skippedAny = true;
        return undefined;
      },
    }) as string[][];
    if (skippedAny) {
      this.csvRecordByRecord(bytes, firstLine, columns, acc);
      return;
    }
    const multiline = countLines(bytes) > rows.length;
    let line = firstLine;
    for (const record of rows) {
      this.csvRecord(record, line, columns, acc);
      line++;
      if (multiline) for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
    }
  }

  private csvWithoutQuotes(text: string, firstLine: number, columns: CsvColumns, acc: Accumulator): void {
    let line = firstLine;
    for (const record of splitCsvWithoutQuotes(text, columns.delimiter)) this.csvRecord(record, line++, columns, acc);
  }

  /**
   * The slow path, for a chunk with a record csv-parse had to skip: each record (as
   * `csvRecordEnds` cuts them) is parsed on its own, so a bad one is one error record on its own
   * line and never swallows the records after it (csv-parse, skipping a record with a stray
   * quote after a closing one, reads on as if still inside quotes).
   */
  private csvRecordByRecord(bytes: Uint8Array, firstLine: number, columns: CsvColumns, acc: Accumulator): void {
    let line = firstLine;
    let from = 0;
    for (const to of csvRecordEnds(bytes, columns.delimiter.charCodeAt(0))) {
      const piece = bytes.subarray(from, to);
      let rows: string[][] = [];
      try {
        rows = parseCsv(this.decoder.decode(piece), { relax_column_count: true, record_delimiter: CSV_OPTIONS.record_delimiter, delimiter: columns.delimiter }) as string[][];
      } catch (e) {
        acc.error(line, undefined, e instanceof Error ? csvErrorMessage(e) : String(e));
      }
      for (const record of rows) this.csvRecord(record, line, columns, acc);
      line += countLines(piece);
      from = to;
    }
  }

  private csvRecord(record: string[], line: number, columns: CsvColumns, acc: Accumulator): void {
    const header = columns.header;
    if (record.length === 1 && record[0] === '' && header.length !== 1) return; // a blank line
    const idColumn = header.indexOf('id');
    const id = idColumn === -1 ? undefined : record[idColumn] || undefined;
    const kept = columns.keep.length === 0 ? undefined : columns.keep.map((c) => record[c] ?? '');
    if (record.length !== header.length) {
      acc.error(line, id, `the row has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${header.length}`, { kept });
      return;
    }
    const raw: Record<string, unknown> = {};
    let answered = 0;
    for (let c = 0; c < header.length; c++) {
      const cell = record[c] ?? '';
      const qid = header[c]!;
      if (c === idColumn || cell === '' || qid === '') continue; // an empty cell is unanswered
      if (++answered > this.maxKeys) {
        acc.error(line, id, this.tooManyKeysMessage(), { kept });
        return;
      }
      raw[qid] = this.multi.has(qid) ? splitMulti(cell) : cell;
    }
    if (this.summaryOnly) {
      const s = this.engine.summariseAnswers(this.q, raw);
      if (s.summary === undefined) acc.error(line, id, problemsText(s.problems), { kept });
      else acc.summarised(line, id, s.summary, kept);
      return;
    }
    const normalised = this.engine.normaliseAnswers(this.q, raw);
    if (normalised.problems.length > 0) acc.error(line, id, problemsText(normalised.problems), { kept });
    else acc.evaluated(line, id, this.engine.evaluate(this.q, normalised.answers), normalised.answers, kept);
  }
}

/**
 * CSV text that holds no quote, read as csv-parse reads it with CSV_OPTIONS: one record per line
 * (LF or CRLF; a blank line is `['']`), fields split at the delimiter.
 */
export function splitCsvWithoutQuotes(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let from = 0;
  const n = text.length;
  while (from < n) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = n;
    const end = to < n && to > from && text.charCodeAt(to - 1) === 0x0d ? to - 1 : to; // CR only before LF
    records.push(text.slice(from, end).split(delimiter));
    from = to + 1;
  }
  return records;
}

/**
 * CSV text whose quotes only wrap whole fields that hold no quote, delimiter or line break (as R's
 * `write.csv` and most exports write plain values), read as csv-parse reads it with CSV_OPTIONS;
 * `undefined` as soon as any field is anything else (csv-parse then reads the chunk). A property
 * test (test/perf-equivalence/quoted-csv.test.ts) holds the two equal whenever this answers.
 */
export function splitSimplyQuotedCsv(text: string, delimiter = ','): string[][] | undefined {
  const records = splitCsvWithoutQuotes(text, delimiter);
  for (const record of records) {
    for (let i = 0; i < record.length; i++) {
      const f = record[i] as string;
      if (f.indexOf('"') === -1) continue;
      if (f.length < 2 || f.charCodeAt(0) !== 0x22 || f.indexOf('"', 1) !== f.length - 1) return undefined;
      record[i] = f.slice(1, -1);
    }
  }
  return records;
}

/** csv-parse as batch reads CSV: RFC 4180, CRLF or LF (mixed), a bad record skipped (and reported). */
export const CSV_OPTIONS = {
  relax_column_count: true,
  record_delimiter: ['\r\n', '\n'],
  skip_records_with_error: true,
};

/** A `multi` answer in a CSV cell: option values separated by `;` (`none`-style empty lists cannot be written). */
function splitMulti(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface CsvColumns {
  readonly header: readonly string[];
  readonly delimiter: string;
  readonly keep: readonly number[];
}

const MAX_RECORD_MIB = 4;

/** Keys beyond the questionnaire's questions that a record may have and still get the engine's own messages. */
const EXTRA_KEYS_ALLOWED = 100;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record id of a wrapped document, for an error record whose answers could not be used. */
function recordIdOf(doc: unknown): string | undefined {
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'answers' in doc) {
    const id = (doc as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return undefined;
}

function problemsText(problems: readonly BatchAnswerProblem[]): string {
  return problems.map((p) => p.message).join('; ');
}

function csvErrorMessage(err: CsvError | Error): string {
  const code = 'code' in err ? err.code : undefined;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed before the end of the input';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b"" c")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'characters after the closing quote of a field';
    case 'CSV_MAX_RECORD_SIZE':
      return 'the record is too large';
    default:
      return `the CSV record cannot be read (${code ?? err.message})`;
  }
}

/** Error lines on stderr are cut to this many characters (a value copied from the input may be megabytes long); the output record keeps the whole message. */
export const MAX_STDERR_MESSAGE_CHARS = 300;

function shortened(message: string): string {
  return message.length <= MAX_STDERR_MESSAGE_CHARS ? message : `${message.slice(0, MAX_STDERR_MESSAGE_CHARS)}… (${message.length} characters; in full in the output)`;
}

class Accumulator {
  private readonly out: string[] = [];
  private readonly errorMessages: string[] = [];
  private readonly dispositions: Record<string, number> = {};
  private records = 0;

  constructor(private readonly formatter: RecordFormatter) {}

  evaluated(line: number, id: string | undefined, result: Result, answers: Answers, kept?: readonly string[]): void {
    this.records++;
    this.dispositions[result.disposition] = (this.dispositions[result.disposition] ?? 0) + 1;
    this.out.push(this.formatter.result(line, id, result, answers, kept));
  }

  summarised(line: number, id: string | undefined, summary: ResultSummary, kept?: readonly string[]): void {
    this.records++;
    this.dispositions[summary.disposition] = (this.dispositions[summary.disposition] ?? 0) + 1;
    this.out.push(this.formatter.summary(line, id, summary, kept));
  }

  /**
   * An error record. `element`: its index in a JSON array; `kept`: --keep-column values; `at` and
   * `stderrMessage`: the place (`line:col`) and message for stderr when they differ from the record's.
   */
  error(line: number, id: string | undefined, message: string, more: { element?: number; kept?: readonly string[]; at?: string; stderrMessage?: string } = {}): void {
    this.records++;
    const element = more.element === undefined ? '' : `element ${more.element}: `;
    this.errorMessages.push(`${more.at ?? line}: ${element}${shortened(more.stderrMessage ?? message)}`);
    this.out.push(this.formatter.error(line, id, message, more.element, more.kept));
  }

  finish(): ChunkResult {
    return {
      out: this.formatter.formatRun(this.out),
      records: this.records,
      errors: this.errorMessages.length,
      dispositions: this.dispositions,
      errorMessages: this.errorMessages,
    };
  }
}
