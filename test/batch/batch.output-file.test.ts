/**
 * `batch -o` as a user runs it (the built binary): a full disk (a real 256 KiB tmpfs, and
 * /dev/full), an existing file (--force), the input itself, odd targets (dangling link, loop,
 * empty name), and SIGTERM / SIGHUP / SIGINT mid-batch. Whatever happens: the old file is kept or
 * the new one is whole, no temporary file is left, one line on stderr, a documented exit code.
 * Needs root for the tmpfs (CI runs as root); a failed mount fails the suite, it is not skipped.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/spawn-bin.js';

const GOOD = '{"leg_pain":"no","age":40}';
const OLD = 'LAST MONTH RESULTS\n';

let dir: string;
let small: string;
let big: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-output-'));
  small = join(dir, 'small.jsonl');
  writeFileSync(small, `${GOOD}\n${GOOD}\n`);
  big = join(dir, 'big.jsonl');
  writeFileSync(big, `${Array.from({ length: 2000 }, () => GOOD).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function leftovers(d: string): string[] {
  return readdirSync(d).filter((n) => n.endsWith('.tmp'));
}

describe('batch -o on a full disk (a real 256 KiB tmpfs)', () => {
  let disk: string;
  beforeAll(() => {
    disk = join(dir, 'disk');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
  });
  afterAll(() => {
    execFileSync('umount', [disk]);
  });

  function fillDisk(): void {
    for (const n of readdirSync(disk)) rmSync(join(disk, n));
    writeFileSync(join(disk, 'out.jsonl'), OLD);
    // Fill the rest: 250 KiB, then 1 KiB pieces until nothing more fits.
    writeFileSync(join(disk, 'filler'), Buffer.alloc(250 * 1024));
    for (let i = 0; ; i++) {
      try {
        writeFileSync(join(disk, `filler-${i}`), Buffer.alloc(1024));
      } catch {
        break;
      }
    }
  }

  for (const [what, input] of [
    ['2 records (the results fit in one buffer, written at commit)', () => small],
    ['2,000 records (cut mid-record before)', () => big],
  ] as const) {
    it(`${what}: exit 73, one line, the old file kept, no temporary file`, async () => {
      fillDisk();
      const r = await runBin(['batch', input(), '-o', join(disk, 'out.jsonl'), '--force']);
      expect(r.code).toBe(73);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`sciatica-screen: cannot write ${join(disk, 'out.jsonl')}: the disk is full\n`);
      expect(readFileSync(join(disk, 'out.jsonl'), 'utf8')).toBe(OLD);
      expect(leftovers(disk)).toEqual([]);
    });
  }

  it('-o /dev/full: exit 73 and one line', async () => {
    for (const input of [small, big]) {
      const r = await runBin(['batch', input, '-o', '/dev/full']);
      expect(r.code).toBe(73);
      expect(r.stderr).toBe('sciatica-screen: cannot write /dev/full: the disk is full\n');
    }
  });
});

describe('batch -o and existing files', () => {
  it('refuses an existing file without --force (before reading anything); replaces it with --force', async () => {
    const out = join(dir, 'existing.jsonl');
    writeFileSync(out, OLD);
    const r = await runBin(['batch', small, '-o', out]);
    expect(r).toMatchObject({ code: 73, stdout: '' });
    expect(r.stderr).toBe(`sciatica-screen: cannot write ${out}: the file already exists (use --force to replace it)\n`);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    const f = await runBin(['batch', small, '-o', out, '--force']);
    expect(f.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('never writes onto the input file, even with --force: by name, through a symbolic link, a hard link, or stdin redirected from it', async () => {
    const input = join(dir, 'answers.jsonl');
    writeFileSync(input, `${GOOD}\n`);
    symlinkSync(input, join(dir, 'answers-link.jsonl'));
    linkSync(input, join(dir, 'answers-hard.jsonl'));
    for (const target of [input, join(dir, 'answers-link.jsonl'), join(dir, 'answers-hard.jsonl')]) {
      const r = await runBin(['batch', input, '-o', target, '--force']);
      expect(r).toMatchObject({ code: 73, stdout: '' });
      expect(r.stderr).toBe(`sciatica-screen: cannot write ${target}: it is the input file (the results would replace the answers); write them to another file\n`);
    }
    const viaStdin = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" batch - -o "${input}" --force < "${input}"`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(viaStdin.code).toBe(73);
    expect(viaStdin.stderr).toContain('it is the input file');
    expect(readFileSync(input, 'utf8')).toBe(`${GOOD}\n`);
  });

  it('a symbolic link to an existing file: refused without --force; with it, the target is replaced and the link kept', async () => {
    const target = join(dir, 'linked-target.jsonl');
    writeFileSync(target, OLD);
    const link = join(dir, 'linked.jsonl');
    symlinkSync(target, link);
    expect((await runBin(['batch', small, '-o', link])).code).toBe(73);
    expect((await runBin(['batch', small, '-o', link, '--force'])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('a dangling symbolic link is refused with one line and left as it is', async () => {
    const link = join(dir, 'dangling.jsonl');
    symlinkSync(join(dir, 'nowhere', 'x.jsonl'), link);
    for (const extra of [[], ['--force']]) {
      const r = await runBin(['batch', small, '-o', link, ...extra]);
      expect(r.code).toBe(73);
      expect(r.stderr).toBe(`sciatica-screen: cannot write ${link}: it is a symbolic link to a file that does not exist (not replaced; name the file itself)\n`);
      expect(readlinkSync(link)).toBe(join(dir, 'nowhere', 'x.jsonl'));
    }
  });

  it('a loop of symbolic links, as input or output: one clear line, no raw ELOOP', async () => {
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
    const out = await runBin(['batch', small, '-o', join(dir, 'loop-a')]);
    expect(out.code).toBe(73);
    expect(out.stderr).toBe(`sciatica-screen: cannot write ${join(dir, 'loop-a')}: a loop of symbolic links\n`);
    const inp = await runBin(['batch', join(dir, 'loop-a'), '--from', 'jsonl']);
    expect(inp.code).toBe(66);
    expect(inp.stderr).toBe(`sciatica-screen: cannot read ${join(dir, 'loop-a')}: a loop of symbolic links\n`);
  });

  it('-o "" is a usage error', async () => {
    const r = await runBin(['batch', small, '-o', '']);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('sciatica-screen: -o needs a file name (or leave it out to write to standard output)\n');
  });
});

describe('batch -o stopped by a signal mid-batch', () => {
  for (const [signal, code, words] of [
    ['SIGTERM', 143, 'stopped by SIGTERM'],
    ['SIGHUP', 129, 'stopped by SIGHUP'],
    ['SIGINT', 130, 'interrupted'],
  ] as const) {
    it(`${signal}: the temporary file is removed, the old file kept, one line, exit ${code}`, async () => {
      const d = mkdtempSync(join(dir, `sig-${signal}-`));
      const out = join(d, 'keep.jsonl');
      writeFileSync(out, OLD);
      const child = spawn(process.execPath, [BIN, 'batch', '-', '-o', out, '--force', '--jobs', '2'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      // Records keep coming and stdin stays open: the batch is surely mid-way when the signal comes.
      child.stdin.write(`${Array.from({ length: 5000 }, () => GOOD).join('\n')}\n`);
      for (let i = 0; i < 200 && leftovers(d).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(leftovers(d)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 200));
      child.kill(signal);
      const exit = await closed;
      expect(exit).toBe(code);
      expect(stderr).toMatch(new RegExp(`^sciatica-screen: ${words} after \\d+ records?; ${out.replaceAll('/', '\\/').replaceAll('.', '\\.')} was not written\\n$`));
      expect(readFileSync(out, 'utf8')).toBe(OLD);
      expect(leftovers(d)).toEqual([]);
      expect(existsSync(out)).toBe(true);
    });
  }
});
