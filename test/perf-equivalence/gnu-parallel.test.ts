/**
 * Past one machine (issue 12.4, docs/batch.md "GNU parallel"): `parallel --pipe --block … -k`
 * cuts a JSONL stream into blocks at line ends, runs `batch -` on each (here on the local cores;
 * with `-S host1,host2` on other machines) and prints their outputs in input order. The result
 * must be a single run's, line for line — except each record's `line`, which counts within its
 * block (as in a Hadoop split). GNU parallel is the Debian package `parallel`; when it is missing
 * this test installs it with apt-get (CI runs as root) and fails if it cannot.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Question } from '../../src/questionnaire/model.js';
import { BIN, ROOT } from '../helpers/spawn-bin.js';

const RECORDS = 100_000;
let dir: string;

function hasParallel(): boolean {
  try {
    return execFileSync('parallel', ['--version'], { encoding: 'utf8' }).startsWith('GNU parallel');
  } catch {
    return false;
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-parallel-'));
  if (!hasParallel()) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', 'parallel'], { stdio: 'ignore', env });
    } catch {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'parallel'], { stdio: 'ignore', env });
    }
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic pseudo-random answer for `q` (or none), from a 32-bit LCG state. */
function answerFor(q: Question, r: number): unknown {
  if (r % 7 === 0) return undefined;
  switch (q.type) {
    case 'yesno':
      return ['yes', 'no', 'no', 'no', ...(q.unsure ? ['unsure'] : [])][r % (q.unsure ? 5 : 4)];
    case 'choice':
      return q.options[r % q.options.length]!.value;
    case 'multi':
      return q.options.filter((_, i) => (r >> i) & 1).map((o) => o.value);
    case 'number':
      return (q.min ?? 0) + (r % ((q.max ?? 100) - (q.min ?? 0) + 1));
    case 'scale':
      return q.min + (r % (q.max - q.min + 1));
  }
}

/** `RECORDS` JSONL records over the bundled questionnaire, a bad one every 9,973 lines. */
async function input(): Promise<string> {
  const q = await loadQuestionnaire(join(ROOT, 'questionnaires/sciatica-massage.yaml'));
  let state = 12;
  const lines: string[] = [];
  for (let i = 1; i <= RECORDS; i++) {
    if (i % 9973 === 0) {
      lines.push(i % 2 ? '{"leg_pain":' : '{"pain_intensity":99}');
      continue;
    }
    const answers: Record<string, unknown> = {};
    for (const question of q.questions) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const a = answerFor(question, state >>> 8);
      if (a !== undefined) answers[question.id] = a;
    }
    lines.push(JSON.stringify({ questionnaire: q.id, id: `r${i}`, answers }));
  }
  const path = join(dir, 'in.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Runs `argv` with stdin from `inPath` and stdout to a file; resolves to its exit code and output. */
function run(argv: string[], inPath: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const outPath = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const fin = openSync(inPath, 'r');
    const fout = openSync(outPath, 'w');
    const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, stdio: [fin, fout, 'pipe'] });
    closeSync(fin);
    closeSync(fout);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: readFileSync(outPath, 'utf8'), err }));
  });
}

describe('batch - under GNU parallel --pipe -k', () => {
  it(`${RECORDS / 1000}k records in 8 MB blocks on the local cores: a single run's output, line for line, in order`, async () => {
    const path = await input();
    const single = await run([process.execPath, BIN, 'batch', '-', '--jobs', '1'], path);
    const spread = await run(
      ['parallel', '--will-cite', '--pipe', '--block', '8M', '-k', process.execPath, BIN, 'batch', '-', '--jobs', '1'],
      path,
    );
    expect(single.code).toBe(65); // the bad records
    const one = single.out.split('\n');
    const many = spread.out.split('\n');
    expect(many).toHaveLength(RECORDS + 1);
    expect(many).toHaveLength(one.length);
    const withoutLine = (l: string) => l.replace(/^\{"line":\d+,/, '{');
    let restarts = 0;
    for (let i = 0; i < one.length; i++) {
      if (withoutLine(many[i]!) !== withoutLine(one[i]!)) throw new Error(`line ${i + 1} differs:\n  single: ${one[i]}\n  parallel: ${many[i]}`);
      if (many[i]!.startsWith('{"line":1,')) restarts += 1;
    }
    // The input made several blocks (one `batch` each), and each block's `line` starts again at 1.
    const blocks = restarts;
    expect(blocks).toBeGreaterThan(5);
    // parallel's exit code is the number of jobs that failed: here the blocks holding a bad record (exit 65).
    const failed = Math.floor(RECORDS / 9973);
    expect(spread.code).toBeGreaterThan(0);
    expect(spread.code).toBeLessThanOrEqual(failed);
  }, 600_000);
});
