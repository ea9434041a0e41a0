/**
 * batch reads CSV whose quotes only wrap plain values (as R's write.csv writes it) with a split
 * instead of csv-parse; whenever that fast path answers, it reads exactly what csv-parse reads.
 */
import { fc, test } from '@fast-check/vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect } from 'vitest';
import { CSV_OPTIONS, splitSimplyQuotedCsv } from '../../src/io/batch/process-chunk.js';

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) };
const char = fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', 'é', '1');
/** A field as a writer might put it: bare, quoted as RFC 4180 says (inner quotes doubled), or carelessly quoted. */
const field = fc.tuple(fc.string({ unit: char, maxLength: 6 }), fc.constantFrom('bare', 'rfc', 'careless')).map(([v, how]) =>
  how === 'bare' ? v : how === 'rfc' ? `"${v.replace(/"/g, '""')}"` : `"${v}"`,
);
const plainField = fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '1', '_'), maxLength: 6 }), fc.boolean()).map(([v, q]) => (q ? `"${v}"` : v));

function text(rows: string[][], delimiter: string, eol: string): string {
  return rows.map((r) => r.join(delimiter)).join(eol) + eol;
}

describe('the quoted-CSV fast path', () => {
  test.prop([fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n')], RUNS)(
    'reads what csv-parse reads, or declines',
    (rows, delimiter, eol) => {
      const t = text(rows, delimiter, eol);
      const fast = splitSimplyQuotedCsv(t, delimiter);
      if (fast === undefined) return;
      let parsed: string[][];
      try {
        parsed = parseCsv(t, { ...CSV_OPTIONS, delimiter, skip_records_with_error: false }) as string[][];
      } catch {
        throw new Error(`the fast path read ${JSON.stringify(t)} although csv-parse refuses it`);
      }
      expect(fast).toEqual(parsed);
    },
  );

  test.prop([fc.array(fc.array(plainField, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n')], RUNS)(
    'takes R-style files (plain values, some quoted)',
    (rows, eol) => {
      const t = text(rows, ',', eol);
      expect(splitSimplyQuotedCsv(t, ',')).toEqual(parseCsv(t, CSV_OPTIONS));
    },
  );
});
