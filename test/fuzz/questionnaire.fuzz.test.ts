/**
 * Fuzzing the questionnaire entrance (`validate <file>` in-process, the library's
 * `parseQuestionnaire`, and a sample through the built binary): mutations of the bundled file
 * (byte flips, deleted, duplicated and swapped lines, truncation) and hostile YAML (alias bombs,
 * deep nesting, huge scalars, tags, merge keys, odd Unicode, NUL, BOM and CRLF).
 * Property (harness.ts): 0 or a documented exit code with words, never 70, a stack trace or a hang;
 * the library returns problems with positions, never throws.
 */
import { fc } from '@fast-check/vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseQuestionnaire } from '../../src/index.js';
import { describeInput, expectClean, heapMb, runBuilt, runMain, runs, Tally } from './harness.js';
import { builtFormFromDist } from './built-form.js';

// The bundled questionnaire from its built form, as the installed binary loads it (built-form.ts).
vi.mock('../../src/questionnaire/load-built.js', async (importOriginal) => builtFormFromDist(await importOriginal()));

const BUNDLED = readFileSync(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url));
const LINES = BUNDLED.toString('utf8').split('\n');
const dir = mkdtempSync(join(tmpdir(), 'sciatica-screen-fuzz-q-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Edit = (lines: string[]) => string[];

const lineIndex = fc.nat({ max: LINES.length - 1 });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  lineIndex.map((i): Edit => (ls) => ls.filter((_, k) => k !== i % ls.length)),
  lineIndex.map((i): Edit => (ls) => ls.flatMap((l, k) => (k === i % ls.length ? [l, l] : [l]))),
  fc.tuple(lineIndex, lineIndex).map(([i, j]): Edit => (ls) => {
    const out = [...ls];
    const a = i % out.length;
    const b = j % out.length;
    [out[a], out[b]] = [out[b] as string, out[a] as string];
    return out;
  }),
  // Swap two neighbouring lines: usually two keys of one mapping.
  lineIndex.map((i): Edit => (ls) => {
    const out = [...ls];
    const a = i % (out.length - 1);
    [out[a], out[a + 1]] = [out[a + 1] as string, out[a] as string];
    return out;
  }),
  fc.tuple(lineIndex, fc.constantFrom(...hostileSnippets())).map(([i, s]): Edit => (ls) => [...ls.slice(0, i % ls.length), s, ...ls.slice(i % ls.length)]),
  fc.tuple(lineIndex, fc.string({ unit: 'binary', maxLength: 20 })).map(([i, s]): Edit => (ls) => ls.map((l, k) => (k === i % ls.length ? l + s : l))),
);

function hostileSnippets(): string[] {
  return [
    '  - id: leg_pain',
    '<<: *nothing',
    '  <<: { type: number }',
    'x: !!js/function "function(){}"',
    '    text: !custom thing',
    '    min: !!binary aGVsbG8=',
    '    values: !!set { a, b }',
    'anchor: &a [1, 2]',
    '    options: *a',
    '\u0000',
    '\uFEFF',
    '\u202Eevil\u202C: 1',
    '    id: "\uD800"',
    '%YAML 1.1',
    '---',
    '...',
    '? complex key',
    '  "\\u0000": nul',
    '\t- tab',
  ];
}

const mutationArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.array(editArb, { minLength: 1, maxLength: 4 }).map((edits) => Buffer.from(edits.reduce((ls, e) => e(ls), LINES).join('\n'))),
  fc.array(fc.tuple(fc.nat({ max: BUNDLED.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
    const b = Buffer.from(BUNDLED);
    for (const [at, byte] of flips) b[at] = byte;
    return b;
  }),
  fc.nat({ max: BUNDLED.length }).map((n) => BUNDLED.subarray(0, n)),
);

/**
 * `n` aliases of one anchor in a flow sequence: a few bytes each, so a file under the 1 MiB cap
 * holds 260 000 of them. Resolving each alias by a walk over the whole document (what the `yaml`
 * package's `Alias.resolve` does) is quadratic: minutes, not the seconds the fuzz property allows.
 */
export function manyAliases(n: number): string {
  return `id: aliases\na: &a y\nquestions: [${'*a, '.repeat(n - 1)}*a]\n`;
}

const aliasBomb = fc.integer({ min: 2, max: 12 }).map((levels) => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  lines.push(`id: bomb\nquestions: *a${levels - 1}`);
  return lines.join('\n');
});

/**
 * The big hostile documents, built once per kind and size (a run of 10 000 draws each of them
 * hundreds of times). Sizes sit on the limits of read-yaml.ts — nesting 64 (MAX_NESTING), 1 MiB
 * (MAX_QUESTIONNAIRE_BYTES), 10 000 alias nodes (MAX_ALIAS_NODES) — and far beyond them.
 */
const built = new Map<string, Buffer>();
function once(kind: string, size: number, make: (n: number) => string): fc.Arbitrary<Uint8Array> {
  return fc.constant(null).map(() => {
    const key = `${kind} ${size}`;
    let b = built.get(key);
    if (b === undefined) built.set(key, (b = Buffer.from(make(size))));
    return b;
  });
}
const sized = (kind: string, sizes: readonly number[], make: (n: number) => string): fc.Arbitrary<Uint8Array> =>
  fc.oneof(...sizes.map((n) => once(kind, n, make)));

const MIB = 1024 * 1024;
/**
 * 33 fixed documents: each is drawn about ten times in 10 000 inputs (the same bytes give the same
 * answer; repeats only test for leaks), the rest of the time goes to inputs that vary.
 */
const bigArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  sized('flow-seq', [10, 63, 64, 65, 1000, 200_000], (n) => `questions: ${'['.repeat(n)}${']'.repeat(n)}`),
  sized('flow-map', [10, 63, 64, 65, 1000, 200_000], (n) => `questions: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`),
  sized('block-map', [63, 64, 65, 1440, 3000], (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n')),
  sized('block-seq', [63, 64, 65, 1000, 3000], (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + 'x'),
  sized('scalar', [1000, MIB, MIB + 1, 2_200_000], (n) => `id: big\ntitle: ${'x'.repeat(n - 16)}\n`), // n bytes in all
  sized('comment', [MIB - BUNDLED.length - 4, MIB - BUNDLED.length - 3], (n) => `${LINES.join('\n')}\n# ${'y'.repeat(n)}\n`), // 1 MiB, 1 MiB + 1
  sized('aliases', [2001, 10_000, 10_001, 100_000, 260_000], manyAliases),
);

const hostileArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 1, arbitrary: bigArb },
  { weight: 12, arbitrary: hostileSmallArb() },
);

function hostileSmallArb(): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    aliasBomb.map((x) => Buffer.from(x)),
    fc
      .constantFrom('!!js/function', '!!binary', '!!set', '!!omap', '!!timestamp', '!custom', '!<tag:yaml.org,2002:str>', '!!python/object:os.system')
      .map((tag) => Buffer.from(LINES.join('\n').replace(/^(\s+text: )/m, `$1${tag} `))),
    fc.constant(Buffer.from(LINES.join('\n').replace(/^questions:\n/m, 'base: &base { type: yesno, unsure: true }\nquestions:\n').replace(/^(  - id: leg_pain)$/m, '$1\n    <<: *base'))),
    fc.string({ unit: 'binary', maxLength: 400 }).map((x) => Buffer.from(x)),
    fc.string({ unit: 'grapheme', maxLength: 400 }).map((x) => Buffer.from(`id: ${x}\nquestions:\n  - id: ${x}\n    text: ${x}\n`)),
    fc.constant(Buffer.from(`\uFEFF${LINES.join('\r\n')}`)),
    fc.constant(Buffer.from(LINES.join('\r'))),
    fc.constant(Buffer.from(LINES.join('\n').replace(/e/, '\u0000'))),
    fc.constant(Buffer.from('')),
    fc.constant(Buffer.from('\uFEFF')),
    fc.uint8Array({ maxLength: 2000 }),
  );
}

const inputArb = fc.oneof({ weight: 3, arbitrary: mutationArb }, { weight: 2, arbitrary: hostileArb });

describe('fuzz: questionnaire YAML', () => {
  it('validate (in-process) and parseQuestionnaire: a documented ending for every input', async () => {
    const tally = new Tally('questionnaire (validate)', runs(50));
    const heapStart = heapMb();
    let i = 0;
    await fc.assert(
      fc.asyncProperty(inputArb, async (bytes) => {
        const file = join(dir, `q${i++ % 4}.yaml`);
        writeFileSync(file, bytes);
        const parsed = parseQuestionnaire(bytes, 'fuzz.yaml');
        if (!parsed.questionnaire) expect(parsed.problems.some((p) => p.severity === 'error'), describeInput(bytes)).toBe(true);
        for (const p of parsed.problems) expect(p.line >= 1 && p.col >= 1, `${describeInput(bytes)}: ${JSON.stringify(p)}`).toBe(true);
        const run = await runMain(['validate', file], '');
        tally.add(run);
        expectClean(run, describeInput(bytes));
        // A questionnaire the library accepts, validate accepts too (warnings do not fail it).
        if (parsed.questionnaire) expect(run.code, describeInput(bytes)).toBe(0);
      }),
      { numRuns: runs(50), seed: 1101 },
    );
    console.log(`fuzz questionnaire (validate + parseQuestionnaire): ${tally}; heap ${Math.round(heapStart)} → ${Math.round(heapMb())} MB`);
    expect(heapMb() - heapStart).toBeLessThan(500);
  }, 3_600_000);

  it('the built binary, on a sample: the same endings', async () => {
    const tally = new Tally('questionnaire (binary)');
    for (const [k, bytes] of fc.sample(inputArb, { numRuns: Math.min(runs(6), 100), seed: 1102 }).entries()) {
      const file = join(dir, `bin${k}.yaml`);
      writeFileSync(file, bytes);
      const run = await runBuilt(['validate', file]);
      tally.add(run);
      expectClean(run, describeInput(bytes));
    }
    console.log(`fuzz questionnaire (built binary): ${tally}`);
  }, 3_600_000);
});

describe('a questionnaire of aliases by the hundred thousand', () => {
  // About 1.5 s of CPU (5 s of wall time seen at load 11); the quadratic check took minutes.
  it('validate (the built binary) refuses 260 000 aliases in 1 MiB within a minute, in one line', async () => {
    const file = join(dir, 'aliases.yaml');
    writeFileSync(file, manyAliases(260_000));
    const run = await runBuilt(['validate', file], '', undefined, 60_000);
    expectClean(run, 'a 1 MiB questionnaire of 260 000 aliases');
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/aliases expand to more than 10000 nodes/);
  }, 120_000);
});
