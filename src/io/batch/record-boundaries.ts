/**
 * Where a buffer of input can be cut so that every piece holds whole records: the main thread
 * cuts, the workers parse. Offsets are byte offsets; a boundary is the offset just after a LF.
 */
const LF = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const TAB = 0x09;

/** The offset after the last LF in `buf`, or 0 when there is none (JSONL: one record a line). */
export function lastLineBoundary(buf: Uint8Array): number {
  return buf.lastIndexOf(LF) + 1;
}

/**
 * The offset after the last LF in `buf` that ends a CSV record, or 0 when none does. `buf` must
 * start at the start of a record. A quote opens a quoted field only at the start of a field (as
 * csv-parse reads it); inside one, `""` is an escaped quote and a LF is part of the value.
 */
export function lastCsvRecordBoundary(buf: Uint8Array, delimiter = COMMA): number {
  if (buf.indexOf(QUOTE) === -1) return lastLineBoundary(buf);
  return csvRecordBoundary(buf, false, undefined, delimiter);
}

/** The number of LF bytes in `buf[0, end)`. */
/**
 * The field delimiter of a CSV header line: the one of `,` `;` TAB that occurs most often outside
 * quotes (Excel in most European locales writes `;`); `,` when none occurs or on a tie with `,`.
 */
export function detectCsvDelimiter(headerLine: Uint8Array): 0x2c | 0x3b | 0x09 {
  const counts = { [COMMA]: 0, [SEMICOLON]: 0, [TAB]: 0 } as Record<number, number>;
  let inQuotes = false;
  for (const c of headerLine) {
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === COMMA || c === SEMICOLON || c === TAB)) counts[c] = (counts[c] ?? 0) + 1;
    else if (!inQuotes && c === LF) break;
  }
  let best: 0x2c | 0x3b | 0x09 = COMMA;
  for (const d of [SEMICOLON, TAB] as const) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

export function countLines(buf: Uint8Array, end = buf.length): number {
  let n = 0;
  let i = buf.indexOf(LF);
  while (i !== -1 && i < end) {
    n++;
    i = buf.indexOf(LF, i + 1);
  }
  return n;
}

/** The offset after the first LF in `buf` that ends a CSV record (the header), or 0. */
export function firstCsvRecordBoundary(buf: Uint8Array, delimiter = COMMA): number {
  return csvRecordBoundary(buf, true, undefined, delimiter);
}

/**
 * Where each CSV record of `buf` ends: the offset after each LF that ends a record, plus
 * `buf.length` when the last record has no final LF. `buf` must start at the start of a record.
 * A quote after the closing quote of a field spoils only its own record (reading resumes after
 * the LF that ends it); an unclosed quote runs to the end of `buf`.
 */
export function csvRecordEnds(buf: Uint8Array, delimiter = COMMA): number[] {
  const ends: number[] = [];
  csvRecordBoundary(buf, false, ends, delimiter);
  const last = ends.at(-1) ?? 0;
  if (last < buf.length) ends.push(buf.length);
  return ends;
}

/** The offset after the first (or last) LF in `buf` that ends a CSV record, or 0 when none does;
 * each such offset is appended to `all` when given. `delimiter`: the byte between fields. */
function csvRecordBoundary(buf: Uint8Array, first: boolean, all?: number[], delimiter = COMMA): number {
  let boundary = 0;
  let inQuotes = false;
  let fieldStart = true;
  const n = buf.length;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (inQuotes) {
      if (c === QUOTE) {
        if (i + 1 < n && buf[i + 1] === QUOTE) i++;
        else inQuotes = false;
      }
    } else if (c === LF) {
      boundary = i + 1;
      if (first) return boundary;
      all?.push(boundary);
      fieldStart = true;
    } else if (c === delimiter) {
      fieldStart = true;
    } else {
      if (c === QUOTE && fieldStart) inQuotes = true;
      fieldStart = false;
    }
  }
  return boundary;
}
