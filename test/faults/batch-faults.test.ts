/**
 * Fault injection at the edges a user meets (issue 11 item 4), with the built binary: the output
 * folder missing or read-only, a full disk (a real 256 KiB tmpfs, and ENOSPC injected at the
 * write), the input deleted or truncated while it is read, SIGINT / SIGTERM / SIGHUP in the middle
 * of a batch, stdout closed early.
 * Property: the documented exit code and one clear line; no partial output file and no temporary
 * file left; a file that was there before is untouched.
 * Mounting needs root (as in CI); the tmpfs tests say so and are skipped elsewhere.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/spawn-bin.js';

const PRELOAD = pathToFileURL(join(ROOT, 'test/faults/enospc-preload.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'sciatica-screen-faults-'));
const mounts: string[] = [];

const RECORD = JSON.stringify({
  leg_pain: 'yes', pain_side: 'one_leg', saddle_numbness: 'no', bladder_change: 'no', bowel_change: 'no', sexual_dysfunction: 'no',
  breathless_chest_pain: 'no', calf_swelling: 'no', leg_weakness: 'none', fever: 'no', iv_drug_use: 'no', immunosuppressed: 'no',
  cancer_history: 'no', weight_loss: 'no', night_pain: 'no', trauma: 'no', osteoporosis: 'no', steroids: 'no', age: 38,
  duration: 'under_6_weeks', pain_intensity: 4, pain_trend: 'improving', numbness_leg: 'no', previously_assessed: 'yes',
  pregnant: 'no', anticoagulants: 'no', bleeding_disorder: 'no', recent_surgery: 'no', skin_problem: 'no', varicose_veins: 'no', scent_sensitivity: 'no',
});
/** Enough records that the batch is still running when a signal comes (tens of MB of output with --full). */
const BIG = join(dir, 'big.jsonl');
const SMALL = join(dir, 'small.jsonl');

function mountTmpfs(path: string, options: string): boolean {
  mkdirSync(path, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path]);
  if (r.status === 0) mounts.push(path);
  return r.status === 0;
}
const canMount = process.getuid?.() === 0 && mountTmpfs(join(dir, 'probe'), 'size=64k');

beforeAll(() => {
  writeFileSync(BIG, `${RECORD}\n`.repeat(60_000));
  writeFileSync(SMALL, `${RECORD}\n`.repeat(50));
});
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', ['-l', m]);
  rmSync(dir, { recursive: true, force: true });
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], opts: { env?: Record<string, string>; preload?: boolean; stdout?: 'pipe' | 'ignore' } = {}): { child: ChildProcess; ended: Promise<Ended> } {
  const child = spawn(process.execPath, [...(opts.preload ? ['--import', PRELOAD] : []), BIN, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...(opts.env ?? {}) },
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => out.push(c));
  child.stderr?.on('data', (c: Buffer) => err.push(c));
  const ended = new Promise<Ended>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })),
  );
  return { child, ended };
}

const run = (args: string[], opts: Parameters<typeof start>[1] = {}): Promise<Ended> => start(args, opts).ended;

/** One clear line on stderr (batch's summary line may come first), no stack trace, no "internal error". */
function expectClear(r: Ended, pattern: RegExp): void {
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.stderr).not.toMatch(/internal error|Error: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(3);
}

/** The folder holds exactly `names` (no temporary file, no partial output). */
function expectFolder(folder: string, names: string[]): void {
  expect(readdirSync(folder).sort()).toEqual([...names].sort());
}

async function waitFor(check: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('output that cannot be written', { timeout: 120_000 }, () => {
  it('-o into a folder that does not exist: 73, one line, nothing created', async () => {
    const r = await run(['batch', SMALL, '-o', join(dir, 'no-such-folder', 'out.jsonl')]);
    expect(r.code).toBe(73);
    expectClear(r, /cannot write .*no-such-folder.*out\.jsonl: the folder does not exist/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it.skipIf(!canMount)('-o into a read-only filesystem: 73, one line, nothing created', async () => {
    const ro = join(dir, 'ro');
    expect(mountTmpfs(ro, 'ro,size=64k')).toBe(true);
    const r = await run(['batch', SMALL, '-o', join(ro, 'out.jsonl')]);
    expect(r.code).toBe(73);
    expectClear(r, /cannot write .*out\.jsonl/);
    expectFolder(ro, []);
  });

  it.skipIf(!canMount)('a full disk (a real 256 KiB tmpfs): 73, no partial file, the old file untouched', async () => {
    const full = join(dir, 'full');
    expect(mountTmpfs(full, 'size=256k')).toBe(true);
    writeFileSync(join(full, 'out.jsonl'), 'the previous results\n');
    const r = await run(['batch', BIG, '--full', '--jobs', '1', '-o', join(full, 'out.jsonl'), '--force']);
    expect(r.code).toBe(73);
    expectClear(r, /cannot write .*out\.jsonl: .*(full|space)/i);
    expectFolder(full, ['out.jsonl']);
    expect(readFileSync(join(full, 'out.jsonl'), 'utf8')).toBe('the previous results\n');
  });

  it('ENOSPC injected at the first write of the output: 73, no partial file, no temporary file', async () => {
    const folder = join(dir, 'enospc');
    mkdirSync(folder);
    const r = await run(['batch', SMALL, '-o', join(folder, 'out.jsonl')], { preload: true, env: { FAULT_PATH: 'out\\.jsonl', FAULT_AFTER_BYTES: '0' } });
    expect(r.code).toBe(73);
    expectClear(r, /cannot write .*out\.jsonl: .*(full|space)/i);
    expectFolder(folder, []);
  });

  it('ENOSPC injected after 100 KB of output: 73, the old file untouched, no temporary file', async () => {
    const folder = join(dir, 'enospc-later');
    mkdirSync(folder);
    writeFileSync(join(folder, 'out.jsonl'), 'old\n');
    const r = await run(['batch', BIG, '--jobs', '1', '-o', join(folder, 'out.jsonl'), '--force'], { preload: true, env: { FAULT_PATH: 'out\\.jsonl', FAULT_AFTER_BYTES: '100000' } });
    expect(r.code).toBe(73);
    expectClear(r, /cannot write .*out\.jsonl/);
    expectFolder(folder, ['out.jsonl']);
    expect(readFileSync(join(folder, 'out.jsonl'), 'utf8')).toBe('old\n');
  });
});

describe('input that changes while it is read', { timeout: 120_000 }, () => {
  it('deleted mid-read: the open file is read to its end (0), all records written', async () => {
    const input = join(dir, 'deleted.jsonl');
    writeFileSync(input, readFileSync(BIG));
    const { child, ended } = start(['batch', input, '--jobs', '1']);
    await new Promise<void>((r) => child.stdout?.once('data', () => r()));
    unlinkSync(input);
    const r = await ended;
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').length).toBe(60_000);
  });

  it('truncated mid-read: a documented ending (0, or 65 for a record cut in half), no stack trace', async () => {
    const input = join(dir, 'truncated.jsonl');
    writeFileSync(input, readFileSync(BIG));
    const { child, ended } = start(['batch', input, '--jobs', '1']);
    await new Promise<void>((r) => child.stdout?.once('data', () => r()));
    truncateSync(input, 1_000_003);
    const r = await ended;
    expect([0, 65]).toContain(r.code);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});

describe('signals in the middle of a batch', { timeout: 120_000 }, () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal}: exit ${code}, one line, no output file, no temporary file, the old file untouched`, async () => {
      const folder = join(dir, `sig-${signal}`);
      mkdirSync(folder);
      writeFileSync(join(folder, 'out.jsonl'), 'old\n');
      const { child, ended } = start(['batch', BIG, '--full', '--jobs', '1', '-o', join(folder, 'out.jsonl'), '--force']);
      // Mid-batch: the temporary output file has appeared and results are being written to it.
      await waitFor(() => readdirSync(folder).some((f) => f.endsWith('.tmp') && statSync(join(folder, f)).size > 0));
      child.kill(signal);
      const r = await ended;
      expect(r.code).toBe(code);
      expectClear(r, signal === 'SIGINT' ? /interrupted after/ : new RegExp(`stopped by ${signal}`));
      expectFolder(folder, ['out.jsonl']);
      expect(readFileSync(join(folder, 'out.jsonl'), 'utf8')).toBe('old\n');
    });
  }
});

describe('stdout closed early (| head -1)', { timeout: 120_000 }, () => {
  it('batch stops quietly: exit 0, no error, no stack trace', async () => {
    const { child, ended } = start(['batch', BIG, '--jobs', '1']);
    await new Promise<void>((r) => child.stdout?.once('data', () => r()));
    child.stdout?.destroy();
    const r = await ended;
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(r.stderr).not.toMatch(/internal error|EPIPE/);
  });

});
