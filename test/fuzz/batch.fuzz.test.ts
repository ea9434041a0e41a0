/**
 * Fuzzing the batch entrance (`batch - --from jsonl|csv|json`, in-process with `--jobs 1`, and a
 * sample through the built binary with a file and default jobs): records from the answers
 * fuzzer, junk and binary lines, truncation anywhere, mixed line endings (LF, CRLF, CR), a BOM,
 * CSV quoting gone wrong (unclosed quotes, line breaks and quotes in cells, wrong field counts,
 * duplicate and unknown headers), broken JSON arrays, and lines of 10 MB.
 * Property (harness.ts): 0 or a documented exit code with words, never 70, a stack trace or a hang.
 */
import { fc } from '@fast-check/vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeInput, expectClean, heapMb, runBuilt, runMain, runs, Tally } from './harness.js';
import { answersLineArb, IDS } from './answers-arbitraries.js';
import { builtFormFromDist } from './built-form.js';

// The bundled questionnaire from its built form, as the installed binary loads it (built-form.ts).
vi.mock('../../src/questionnaire/load-built.js', async (importOriginal) => builtFormFromDist(await importOriginal()));

const dir = mkdtempSync(join(tmpdir(), 'sciatica-screen-fuzz-b-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Format = 'jsonl' | 'csv' | 'json';
interface BatchInput {
  readonly format: Format;
  readonly to: Format;
  readonly bytes: Uint8Array;
}

const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
const junkLine = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('latin1')), fc.constant(''), fc.constant('   '));

function joinLines(lines: readonly string[], ends: readonly string[]): string {
  return lines.map((l, i) => l + (ends[i % ends.length] ?? '\n')).join('');
}

const jsonlText = fc
  .tuple(fc.array(fc.oneof({ weight: 5, arbitrary: answersLineArb }, { weight: 1, arbitrary: junkLine }), { maxLength: 12 }), fc.array(eol, { minLength: 1, maxLength: 4 }))
  .map(([lines, ends]) => joinLines(lines, ends));

const csvCell = fc.oneof(
  fc.constantFrom('yes', 'no', 'unsure', '', '38', '4', 'one_leg', 'both_legs', '=1+1', '-3', '@x', '\t', '"', '""', '"a,b"', '"line\nbreak"', '"unclosed', 'a"b', ',', ';', 'yes;no'),
  fc.string({ maxLength: 10 }),
);
const csvText = fc
  .tuple(
    fc.oneof(
      fc.shuffledSubarray([...IDS], { minLength: 1 }),
      fc.array(fc.oneof(fc.constantFrom(...IDS, 'id', '', ' id ', 'unknown', '__proto__'), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 }),
    ),
    fc.boolean(),
    fc.array(fc.array(csvCell, { maxLength: 12 }), { maxLength: 10 }),
    fc.array(eol, { minLength: 1, maxLength: 3 }),
  )
  .map(([header, withId, rows, ends]) => joinLines([[...(withId ? ['id'] : []), ...header].join(','), ...rows.map((r) => r.join(','))], ends));

const jsonText = fc
  .tuple(fc.array(answersLineArb, { maxLength: 8 }), fc.constantFrom(',', ',', ',\n', ' ', ',,', '\r\n,'), fc.constantFrom('[', '[', ' [\n', '{', ''), fc.constantFrom(']', ']', ']\n', '', ']]', '],'))
  .map(([docs, sep, open, close]) => `${open}${docs.join(sep)}${close}`);

/** 10 MB in one line (or one CSV cell, or one array element); built once per format. */
const huge = new Map<Format, Buffer>();
const hugeLine = (format: Format): Buffer => {
  let b = huge.get(format);
  if (b !== undefined) return b;
  const big = 'x'.repeat(10 * 1024 * 1024);
  if (format === 'csv') b = Buffer.from(`id,leg_pain\np1,${big}\np2,yes\n`);
  else if (format === 'json') b = Buffer.from(`[{"leg_pain":"${big}"},{"leg_pain":"yes"}]`);
  else b = Buffer.from(`{"leg_pain":"${big}"}\n{"leg_pain":"yes"}\n`);
  huge.set(format, b);
  return b;
};

/** Inputs for `--from format`: text of that format, then maybe damaged. */
const inputOf = (format: Format): fc.Arbitrary<BatchInput> =>
  fc
    .tuple(
      fc.constantFrom<Format>('jsonl', 'csv', 'json'),
      fc.constantFrom('none', 'none', 'none', 'bom', 'truncate', 'bytes', 'huge'),
      fc.nat(),
      fc.uint8Array({ minLength: 1, maxLength: 6 }),
    )
    .chain(([to, damage, n, junk]) =>
      (format === 'jsonl' ? jsonlText : format === 'csv' ? csvText : jsonText).map((text): BatchInput => {
        let bytes: Buffer = Buffer.from(text);
        if (damage === 'bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
        if (damage === 'truncate') bytes = bytes.subarray(0, bytes.length === 0 ? 0 : n % bytes.length);
        if (damage === 'bytes') {
          const at = bytes.length === 0 ? 0 : n % bytes.length;
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(junk), bytes.subarray(at)]);
        }
        // The 10 MB line (the same bytes each time, a second or two): about 20 times in 10 000.
        if (damage === 'huge' && n % 64 === 0) bytes = hugeLine(format);
        return { format, to, bytes };
      }),
    );

const FORMATS = ['jsonl', 'csv', 'json'] as const;
const inputArb: fc.Arbitrary<BatchInput> = fc.constantFrom(...FORMATS).chain(inputOf);

const show = (i: BatchInput): string => `--from ${i.format} --to ${i.to}, ${describeInput(i.bytes)}`;

describe('fuzz: batch records', () => {
  // One property per format, so that each gets its full count (10 000 in `npm run fuzz`).
  it.each(FORMATS)('batch - --from %s (in-process, --jobs 1): a documented ending for every input', async (format) => {
    const tally = new Tally(`batch (batch - --from ${format})`, runs(14));
    const heapStart = heapMb();
    await fc.assert(
      fc.asyncProperty(inputOf(format), async (input) => {
        const run = await runMain(['batch', '-', '--from', input.format, '--to', input.to, '--jobs', '1'], input.bytes);
        tally.add(run);
        expectClean(run, show(input));
      }),
      { numRuns: runs(14), seed: 1105 + FORMATS.indexOf(format) * 1000 },
    );
    console.log(`fuzz batch (batch - --from ${format}): ${tally}; heap ${Math.round(heapStart)} → ${Math.round(heapMb())} MB`);
    expect(heapMb() - heapStart).toBeLessThan(500);
  }, 3_600_000);

  it.each(FORMATS)('a 10 MB line in %s: a documented ending, the good record still evaluated', async (format) => {
    const run = await runMain(['batch', '-', '--from', format, '--jobs', '1'], hugeLine(format));
    expectClean(run, `10 MB ${format}`);
    expect(run.code).toBe(65);
    expect(run.stdout).toContain('"disposition"');
  }, 120_000);

  it('the built binary with a file and default jobs, on a sample: the same endings', async () => {
    const tally = new Tally('batch (binary)');
    for (const [k, input] of fc.sample(inputArb, { numRuns: Math.min(runs(6), 100), seed: 1106 }).entries()) {
      const file = join(dir, `b${k}.${input.format}`);
      writeFileSync(file, input.bytes);
      const run = await runBuilt(['batch', file, '--to', input.to]);
      tally.add(run);
      expectClean(run, show(input));
    }
    console.log(`fuzz batch (built binary): ${tally}`);
  }, 3_600_000);
});
