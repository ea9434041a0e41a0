/**
 * Output files are never half written, are readable by the user only, and a device, FIFO or
 * symbolic link given as the target is written, not replaced.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAtomicOutput, writeFileAtomic } from '../../src/io/write-atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'write-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
}

describe('writeFileAtomic', () => {
  it('writes a new file readable by the user only, and leaves no temporary file', async () => {
    const d = folder('new');
    await writeFileAtomic(join(d, 'a.json'), '{"x":1}\n');
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('{"x":1}\n');
    expect(statSync(join(d, 'a.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(d)).toEqual(['a.json']);
  });

  it('replaces an existing file, or refuses to with noClobber (exit 73, the name as shown)', async () => {
    const d = folder('existing');
    writeFileSync(join(d, 'a.json'), 'old');
    await writeFileAtomic(join(d, 'a.json'), 'new');
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('new');
    await expect(writeFileAtomic(join(d, 'a.json'), 'newer', { noClobber: true, shown: 'a.json' })).rejects.toMatchObject({
      exitCode: 73,
      message: 'cannot write a.json: the file already exists (use --force to replace it)',
    });
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['a.json']);
  });

  it('follows a symbolic link: the target is replaced, the link stays', async () => {
    const d = folder('link');
    writeFileSync(join(d, 'real.json'), 'old');
    symlinkSync('real.json', join(d, 'link.json'));
    await writeFileAtomic(join(d, 'link.json'), 'new');
    expect(lstatSync(join(d, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'link.json'))).toBe('real.json');
    expect(readFileSync(join(d, 'real.json'), 'utf8')).toBe('new');
  });

  it('writes into a FIFO instead of renaming a file over it', async () => {
    const d = folder('fifo');
    const fifo = join(d, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reading = new Promise<string>((resolve) => {
      let got = '';
      createReadStream(fifo, 'utf8')
        .on('data', (c) => (got += String(c)))
        .on('end', () => resolve(got));
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await reading).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a folder and a missing folder with one clear line (exit 73)', async () => {
    const d = folder('refuse');
    await expect(writeFileAtomic(d, 'x', { shown: 'refuse' })).rejects.toMatchObject({ exitCode: 73, message: 'cannot write refuse: it is a folder' });
    await expect(writeFileAtomic(join(d, 'no', 'a.json'), 'x', { shown: 'no/a.json' })).rejects.toMatchObject({
      exitCode: 73,
      message: 'cannot write no/a.json: the folder does not exist',
    });
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('openAtomicOutput', () => {
  it('shows nothing under the name until commit; discard leaves nothing at all', async () => {
    const d = folder('stream');
    const out = await openAtomicOutput(join(d, 'r.jsonl'), 'r.jsonl');
    expect(out.atomic).toBe(true);
    out.stream.write('{"line":1}\n');
    expect(readdirSync(d).filter((n) => n === 'r.jsonl')).toEqual([]);
    await out.commit();
    expect(readFileSync(join(d, 'r.jsonl'), 'utf8')).toBe('{"line":1}\n');
    expect(statSync(join(d, 'r.jsonl')).mode & 0o777).toBe(0o600);

    const dropped = await openAtomicOutput(join(d, 'dropped.jsonl'), 'dropped.jsonl');
    dropped.stream.write('half');
    await dropped.discard();
    expect(readdirSync(d)).toEqual(['r.jsonl']);
  });
});
