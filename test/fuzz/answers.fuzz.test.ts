/**
 * Fuzzing the answers entrance (`evaluate -`, in-process, and a sample through the built binary
 * with a file): answers documents with wrong types, prototype keys (`__proto__`, `constructor`),
 * repeated keys, huge numbers, deep nesting, invalid UTF-8, UTF-16, truncation, BOM and CRLF, and
 * plain random bytes. Property (harness.ts): 0 or a documented exit code with words, never 70, a
 * stack trace or a hang; and a prototype key never changes what Object.prototype holds.
 */
import { fc } from '@fast-check/vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeInput, expectClean, heapMb, runBuilt, runMain, runs, Tally } from './harness.js';
import { answersDocArb } from './answers-arbitraries.js';
import { builtFormFromDist } from './built-form.js';

// The bundled questionnaire from its built form, as the installed binary loads it (built-form.ts).
vi.mock('../../src/questionnaire/load-built.js', async (importOriginal) => builtFormFromDist(await importOriginal()));

const dir = mkdtempSync(join(tmpdir(), 'sciatica-screen-fuzz-a-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz: answers JSON', () => {
  it('evaluate - (in-process): a documented ending for every input', async () => {
    const tally = new Tally('answers (evaluate -)', runs(60));
    const heapStart = heapMb();
    await fc.assert(
      fc.asyncProperty(answersDocArb, fc.boolean(), async (bytes, json) => {
        const run = await runMain(['evaluate', '-', ...(json ? ['--format', 'json'] : [])], bytes);
        tally.add(run);
        expectClean(run, describeInput(bytes));
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>).leg_pain).toBeUndefined();
        if (run.code === 0 && json) expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
      }),
      { numRuns: runs(60), seed: 1103 },
    );
    console.log(`fuzz answers (evaluate -): ${tally}; heap ${Math.round(heapStart)} → ${Math.round(heapMb())} MB`);
    expect(heapMb() - heapStart).toBeLessThan(500);
  }, 3_600_000);

  it('the built binary, on a sample, with a file: the same endings', async () => {
    const tally = new Tally('answers (binary)');
    for (const [k, bytes] of fc.sample(answersDocArb, { numRuns: Math.min(runs(6), 100), seed: 1104 }).entries()) {
      const file = join(dir, `a${k}.json`);
      writeFileSync(file, bytes);
      const run = await runBuilt(['evaluate', file]);
      tally.add(run);
      expectClean(run, describeInput(bytes));
    }
    console.log(`fuzz answers (built binary): ${tally}`);
  }, 3_600_000);
});
