/**
 * Fuzzing the `--resume` entrance: the interview (plain mode, a pretend terminal whose input
 * ends at once) started with hostile answers files from the answers fuzzer, in-process.
 * Property (harness.ts): the file is refused with a documented exit code and words (65; 66 when
 * unreadable), or accepted — the interview then starts, meets the end of its input and stops
 * with 130 ("stopped") — never 70, a stack trace or a hang.
 */
import { fc } from '@fast-check/vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeInput, expectClean, heapMb, runMain, runs, Tally } from './harness.js';
import { answersDocArb } from './answers-arbitraries.js';
import { builtFormFromDist } from './built-form.js';

// The bundled questionnaire from its built form, as the installed binary loads it (built-form.ts).
vi.mock('../../src/questionnaire/load-built.js', async (importOriginal) => builtFormFromDist(await importOriginal()));

const dir = mkdtempSync(join(tmpdir(), 'sciatica-screen-fuzz-r-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz: --resume files', () => {
  it('the interview refuses or resumes every file with a documented ending', async () => {
    const tally = new Tally('resume (interview --plain --resume)', runs(40));
    const heapStart = heapMb();
    let i = 0;
    await fc.assert(
      fc.asyncProperty(answersDocArb, async (bytes) => {
        const file = join(dir, `r${i++ % 4}.json`);
        writeFileSync(file, bytes);
        const run = await runMain(['--plain', '--resume', file], '', process.cwd(), true);
        tally.add(run);
        expectClean(run, describeInput(bytes), [130]);
        expect(run.code, describeInput(bytes)).not.toBe(0);
        if (run.code === 130) expect(run.stderr).toMatch(/stopped/);
      }),
      { numRuns: runs(40), seed: 1107 },
    );
    console.log(`fuzz resume: ${tally}; heap ${Math.round(heapStart)} → ${Math.round(heapMb())} MB`);
    expect(heapMb() - heapStart).toBeLessThan(500);
  }, 3_600_000);
});
