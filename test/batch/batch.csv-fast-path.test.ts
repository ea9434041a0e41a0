// The quote-free CSV fast path reads exactly what csv-parse reads, and the record cutter cuts where it does (property tests).
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { CSV_OPTIONS, splitCsvWithoutQuotes } from '../../src/io/batch/process-chunk.js';
import { csvRecordEnds } from '../../src/io/batch/record-boundaries.js';

const quoteFreeCsv = fc
  .array(fc.constantFrom('a', 'yes', 'no', '42', ' ', ',', '\n', '\r\n', '\r', 'é', '😀', '', '-1'), { maxLength: 40 })
  .map((parts) => parts.join(''));

test.prop([quoteFreeCsv], { numRuns: 500 })('agrees with csv-parse on any quote-free text', (text) => {
  expect(splitCsvWithoutQuotes(text)).toEqual(parse(text, { ...CSV_OPTIONS }));
});

// Valid RFC 4180 text: fields quoted or not, quoted ones holding commas, "" and line breaks.
const field = fc.oneof(
  fc.constantFrom('', 'a', 'yes', '-1', ' x '),
  fc.array(fc.constantFrom('a', ',', '""', '\n', '\r\n', ' ', 'é'), { maxLength: 6 }).map((p) => `"${p.join('')}"`),
);
const validCsv = fc
  .array(fc.array(field, { minLength: 1, maxLength: 4 }).map((f) => f.join(',')), { minLength: 1, maxLength: 8 })
  .chain((rows) => fc.constantFrom('\n', '\r\n').map((eol) => rows.join(eol) + eol));

test.prop([validCsv], { numRuns: 500 })('csvRecordEnds cuts exactly where csv-parse ends its records', (text) => {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  let from = 0;
  const pieces: string[][][] = [];
  for (const to of csvRecordEnds(bytes)) {
    pieces.push(parse(decoder.decode(bytes.subarray(from, to)), { ...CSV_OPTIONS }) as string[][]);
    from = to;
  }
  expect(pieces.every((p) => p.length === 1)).toBe(true);
  expect(pieces.flat()).toEqual(parse(text, { ...CSV_OPTIONS }));
});
