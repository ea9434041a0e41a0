/**
 * A batch stopped by Ctrl+C, SIGTERM or SIGHUP, in-process (the CLI's own signal hook, called as
 * the launcher calls it; the built binary under real signals: test/faults/batch-faults.test.ts):
 * the exit code of the signal, one line saying how many records were done and what became of
 * the output — standard output keeps the results before it, an -o file is not written at all.
 * Also the command-line mistakes batch refuses before reading anything.
 */
import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo, CliStdout, InterruptSignal } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-batch-stop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `batch -` reading a pipe that stays open after `records` lines; the signal comes once they are all out. */
async function stopped(records: number, signal: InterruptSignal, args: string[] = []) {
  let listener: ((s: InterruptSignal) => void) | undefined;
  const stdin = new Readable({ read() {} });
  stdin.push('{"leg_pain":"no"}\n'.repeat(records));
  const capture = () => {
    const s = new PassThrough() as PassThrough & CliStdout;
    let text = '';
    s.on('data', (c: Buffer) => (text += c.toString()));
    return { s, text: () => text };
  };
  const out = capture();
  const err = capture();
  const io: CliIo = {
    stdin,
    stdout: out.s,
    stderr: err.s,
    env: {},
    cwd: dir,
    onInterrupt: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
  };
  const run = main(['batch', '-', ...args], io);
  // Wait until every record is evaluated (written to stdout, or counted in the -o run), then signal.
  const done = () => (args.includes('-o') ? listener !== undefined : out.text().split('\n').length > records);
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
  if (args.includes('-o')) await new Promise((r) => setTimeout(r, 300));
  listener?.(signal);
  const code = await run;
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('batch stopped by a signal', () => {
  it('SIGTERM: 143; the records already written stay on standard output, and the line says how many', async () => {
    const r = await stopped(3, 'SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 2, 3]);
    expect(r.stderr).toBe('sciatica-screen: stopped by SIGTERM after 3 records; the results before it were written\n');
  });

  it('Ctrl+C with -o: 130; the -o file is not written at all, no temporary file is left', async () => {
    const out = join(dir, 'sigint');
    await mkdir(out);
    const r = await stopped(1, 'SIGINT', ['-o', join(out, 'results.jsonl')]);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sciatica-screen: interrupted after [01] records?; \S+results\.jsonl was not written\n$/);
    expect(await readdir(out)).toEqual([]);
  });

  it('SIGHUP (the terminal closed): 129', async () => {
    const r = await stopped(1, 'SIGHUP');
    expect(r.code).toBe(129);
    expect(r.stderr).toBe('sciatica-screen: stopped by SIGHUP after 1 record; the results before it were written\n');
  });
});

describe('batch refuses before reading', () => {
  it('a folder as input: 66', async () => {
    const r = await runCli(['batch', dir, '--from', 'jsonl']);
    expect(r).toEqual({ code: 66, stdout: '', stderr: `sciatica-screen: cannot read ${dir}: it is a folder\n` });
  });

  it('CSV options with another format: 64, naming the option', async () => {
    for (const [option, value] of [
      ['--delimiter', ';'],
      ['--ignore-column', 'note'],
      ['--keep-column', 'note'],
    ] as const) {
      const r = await runCli(['batch', '-', option, value], { stdin: '{}\n' });
      expect(r).toEqual({ code: 64, stdout: '', stderr: `sciatica-screen: ${option} is for CSV input; - is read as JSONL\n` });
    }
  });
});
