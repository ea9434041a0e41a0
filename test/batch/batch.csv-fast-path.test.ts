// The quote-free CSV fast path reads exactly what csv-parse reads (property test).
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { CSV_OPTIONS, splitCsvWithoutQuotes } from '../../src/io/batch/process-chunk.js';

const quoteFreeCsv = fc
  .array(fc.constantFrom('a', 'yes', 'no', '42', ' ', ',', '\n', '\r\n', '\r', 'é', '😀', '', '-1'), { maxLength: 40 })
  .map((parts) => parts.join(''));

test.prop([quoteFreeCsv], { numRuns: 500 })('agrees with csv-parse on any quote-free text', (text) => {
  expect(splitCsvWithoutQuotes(text)).toEqual(parse(text, { ...CSV_OPTIONS }));
});
