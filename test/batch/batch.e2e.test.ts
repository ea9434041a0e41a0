// The built binary as a user (or Hadoop/Spark) runs it: a 100k-record run, the streaming-mapper
// contract, a broken pipe, and the worker pool. Needs `npm run build` (npm test does it).
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/spawn-bin.js';

const GOOD = ['{"leg_pain":"no","age":40}', '{"leg_pain":"yes","saddle_numbness":"yes"}', '{"questionnaire":"sciatica-massage","id":"w","answers":{"leg_pain":"no"}}'];
const BAD = ['{"leg_pain":', '{"pain_intensity":99}'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-e2e-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `n` records, a bad one at every 1000th line; returns the file and the bad line numbers. */
function bigInput(n: number): { path: string; bad: number[] } {
  const lines: string[] = [];
  const bad: number[] = [];
  for (let i = 1; i <= n; i++) {
    if (i % 1000 === 0) {
      bad.push(i);
      lines.push(BAD[(i / 1000) % 2]!);
    } else lines.push(GOOD[i % 3]!);
  }
  const path = join(dir, `big-${n}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, bad };
}

describe('batch, built binary', () => {
  it('100k records with scattered bad lines: every good result, one error record per bad line, exit 65', async () => {
    const { path, bad } = bigInput(100_000);
    const r = await runBin(['batch', path]);
    expect(r.code).toBe(65);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(100_000);
    const errors: number[] = [];
    out.forEach((line, i) => {
      const rec = JSON.parse(line) as { line: number; error?: string };
      expect(rec.line).toBe(i + 1);
      if (rec.error !== undefined) errors.push(rec.line);
    });
    expect(errors).toEqual(bad);
    const summary = r.stderr.trimEnd().split('\n').at(-1);
    expect(summary).toMatch(new RegExp(`^batch: 100000 records read: 99900 evaluated \\(.+\\), 100 errors · \\d+\\.\\d\\d s · \\d+ records/s$`));
    expect(r.stderr.split('\n').filter((l) => l.startsWith(`${path}:`))).toHaveLength(100);
  });

  it('the worker pool gives the same output as one thread, in order', async () => {
    const { path } = bigInput(20_000);
    const [pooled, single] = await Promise.all([runBin(['batch', path, '--jobs', '2', '--to', 'csv']), runBin(['batch', path, '--jobs', '1', '--to', 'csv'])]);
    expect(pooled.code).toBe(65);
    expect(pooled.stdout).toBe(single.stdout);
  });

  it('pooled buffers: JSONL and CSV results written over their task bytes, --full results too big for them: same output as one thread', async () => {
    // Padded lines: a task's results fit in its own buffer (written in place); with --full they do not.
    const { path: short } = bigInput(30_000);
    const path = join(dir, 'padded.jsonl');
    writeFileSync(path, readFileSync(short, 'utf8').replaceAll('\n', `${' '.repeat(600)}\n`));
    for (const extra of [[], ['--to', 'csv'], ['--full']]) {
      const [pooled, single] = await Promise.all([runBin(['batch', path, '--jobs', '2', ...extra]), runBin(['batch', path, '--jobs', '1', ...extra])]);
      expect(pooled.code).toBe(65);
      expect(pooled.stdout.split('\n').length).toBeGreaterThanOrEqual(30_001); // + a header for CSV
      expect(pooled.stdout).toBe(single.stdout);
    }
    // Eight runs of the binary over 30,000 records: about 15 s on an idle 2-core machine, well
    // over the default 20 s limit when the machine is shared.
  }, 120_000);

  it('hostile records just under 4 MiB (400k keys; 1.4M empty objects) are error records in the worker pool, and the batch goes on', async () => {
    const budget = 4 * 1024 * 1024 - 100;
    let manyKeys = '{"k0":0';
    for (let i = 1; manyKeys.length < budget; i++) manyKeys += `,"k${i}":0`;
    manyKeys += '}';
    const manyObjects = `{"questionnaire":"sciatica-massage","answers":[${'{},'.repeat(Math.floor((budget - 60) / 3))}{}]}`;
    const path = join(dir, 'hostile.jsonl');
    writeFileSync(path, `${GOOD[0]}\n${manyKeys}\n${GOOD[1]}\n${manyObjects}\n${GOOD[2]}\n`);
    const r = await runBin(['batch', path, '--jobs', '2']);
    expect(r.stderr).not.toMatch(/internal error|memory/);
    expect(r.code).toBe(65);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; error?: string });
    expect(out.map((o) => [o.line, o.error])).toEqual([
      [1, undefined],
      [2, expect.stringMatching(/^the record has more than \d+ answers \(sciatica-massage has \d+ questions\)$/) as unknown as string],
      [3, undefined],
      [4, expect.stringMatching(/^"answers" must be/) as unknown as string],
      [5, undefined],
    ]);
  });

  it('streaming mapper (Hadoop Streaming, Spark RDD.pipe): one line out per non-blank line in, in order, nothing else on stdout', async () => {
    const input = [GOOD[0], '', GOOD[1], BAD[0], '   ', GOOD[2]].join('\n');
    const r = await runBin(['batch', '-'], { stdin: `${input}\n` });
    expect(r.code).toBe(65);
    const out = r.stdout.split('\n');
    expect(out.at(-1)).toBe('');
    expect(out.slice(0, -1).map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 3, 4, 6]);
    expect(r.stderr.split('\n')[0]).toMatch(/^<stdin>:4:\d+: unexpected end of file$/) // evaluate's reader and message;
  });

  it('a broken pipe (| head -1) ends quietly: exit 0, nothing on stderr', async () => {
    const path = join(dir, 'all-good.jsonl');
    writeFileSync(path, `${Array.from({ length: 50_000 }, (_, i) => GOOD[i % 3]).join('\n')}\n`);
    const child = spawn(process.execPath, [BIN, 'batch', path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) => {
      let got = '';
      child.stdout.on('data', (d: Buffer) => {
        got += d.toString();
        if (got.includes('\n')) {
          child.stdout.destroy(); // what `head -1` does after its line
          resolve(got.slice(0, got.indexOf('\n')));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(JSON.parse(first)).toMatchObject({ line: 1 });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('Ctrl+C (SIGINT) stops with exit 130 and one line; -o leaves neither the file nor a temporary one', async () => {
    const { path } = bigInput(400_000);
    const outDir = mkdtempSync(join(dir, 'out-'));
    const child = spawn(process.execPath, [BIN, 'batch', path, '-o', join(outDir, 'results.jsonl'), '--jobs', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Interrupt once it is under way (its first error lines show it is reading).
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stderr.includes(`${path}:`)) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/^sciatica-screen: interrupted after \d+ records; \S+\/results\.jsonl was not written$/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk is exit 73 with one line naming the output', async () => {
    const path = join(dir, 'good-20k.jsonl');
    writeFileSync(path, `${Array.from({ length: 20_000 }, (_, i) => GOOD[i % 3]).join('\n')}\n`);
    const fd = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, 'batch', path], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect({ code, stderr }).toEqual({ code: 73, stderr: 'sciatica-screen: cannot write standard output: the disk is full\n' });
  });

  it('-o naming a FIFO writes into it (renaming a file over it would replace it)', async () => {
    const fifo = join(dir, 'results.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const r = await runBin(['batch', '-', '-o', fifo], { stdin: `${GOOD[0]}\n${GOOD[1]}\n` });
    await readerDone;
    expect(r.code).toBe(0);
    expect(got.trimEnd().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 2]);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('no progress bar and no colour codes when stderr is not a terminal', async () => {
    const r = await runBin(['batch', '-'], { stdin: `${GOOD[0]}\n` });
    expect(r.stderr).not.toMatch(/\r|\x1b/);
  });
});
