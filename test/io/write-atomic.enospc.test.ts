/**
 * A write error in the middle of an output (injected ENOSPC: the disk fills after N bytes) never
 * reaches the target: commit throws one line (exit 73), the old file is kept byte for byte and no
 * temporary file is left. The same on a real full disk: test/batch/batch.full-disk.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

/** Bytes the (fake) disk still takes; Infinity = no limit. */
const disk = vi.hoisted(() => ({ left: Infinity, failSync: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const take = (n: number): number => {
    const ok = Math.min(n, disk.left);
    disk.left -= ok;
    return ok;
  };
  const open: typeof real.open = async (...args: Parameters<typeof real.open>) => {
    const fh = await real.open(...args);
    return new Proxy(fh, {
      get(target, prop) {
        if (prop === 'write')
          return async (buf: Uint8Array) => {
            const n = take(buf.length);
            if (n === 0) throw enospc();
            return target.write(buf.subarray(0, n));
          };
        if (prop === 'writev')
          return async (bufs: Uint8Array[]) => {
            const all = Buffer.concat(bufs);
            const n = take(all.length);
            if (n === 0) throw enospc();
            const r = await target.write(all.subarray(0, n));
            return { bytesWritten: r.bytesWritten, buffers: bufs };
          };
        if (prop === 'sync')
          return async () => {
            if (disk.failSync) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
            return target.sync();
          };
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

const { openAtomicOutput, writeFileAtomic } = await import('../../src/io/write-atomic.js');

const dir = mkdtempSync(join(tmpdir(), 'write-atomic-enospc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  disk.left = Infinity;
  disk.failSync = false;
});

function oldFile(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, 'LAST MONTH RESULTS\n');
  return path;
}

describe('a full disk while writing', () => {
  it('streamed output (batch -o): the write that fails mid-way aborts the rename; the old file stays, no temporary file', async () => {
    const path = oldFile('stream.jsonl');
    disk.left = 5000;
    const out = await openAtomicOutput(path, 'stream.jsonl');
    for (let i = 0; i < 1000; i++) out.stream.write(`{"line":${i},"disposition":"massage_ok"}\n`);
    await expect(out.commit()).rejects.toMatchObject({ exitCode: 73, message: 'cannot write stream.jsonl: the disk is full' });
    await out.discard();
    expect(readFileSync(path, 'utf8')).toBe('LAST MONTH RESULTS\n');
    expect(readdirSync(dir).filter((n) => n.includes('stream'))).toEqual(['stream.jsonl']);
  });

  it('a small output that fails only when flushed at commit (the case that used to exit 0 with an empty file)', async () => {
    const path = oldFile('small.jsonl');
    disk.left = 0;
    const out = await openAtomicOutput(path, 'small.jsonl');
    out.stream.write('{"line":1}\n');
    await expect(out.commit()).rejects.toMatchObject({ exitCode: 73, message: 'cannot write small.jsonl: the disk is full' });
    expect(readFileSync(path, 'utf8')).toBe('LAST MONTH RESULTS\n');
    expect(readdirSync(dir).filter((n) => n.includes('small'))).toEqual(['small.jsonl']);
  });

  it('a failing fsync also aborts the rename', async () => {
    const path = oldFile('sync.jsonl');
    disk.failSync = true;
    const out = await openAtomicOutput(path, 'sync.jsonl');
    out.stream.write('{"line":1}\n');
    await expect(out.commit()).rejects.toMatchObject({ exitCode: 73, message: expect.stringMatching(/^cannot write sync\.jsonl: EIO/) });
    expect(readFileSync(path, 'utf8')).toBe('LAST MONTH RESULTS\n');
    expect(readdirSync(dir).filter((n) => n.includes('sync'))).toEqual(['sync.jsonl']);
  });

  it('writeFileAtomic (the interview --save) keeps the old file too', async () => {
    const path = oldFile('answers.json');
    disk.left = 3;
    await expect(writeFileAtomic(path, '{"answers":{}}\n', { shown: 'answers.json' })).rejects.toMatchObject({
      exitCode: 73,
      message: 'cannot write answers.json: the disk is full',
    });
    expect(readFileSync(path, 'utf8')).toBe('LAST MONTH RESULTS\n');
    expect(readdirSync(dir).filter((n) => n.includes('answers'))).toEqual(['answers.json']);
  });

  it('a partial write is completed, not cut: short writes are retried until all is written', async () => {
    const path = join(dir, 'partial.jsonl');
    disk.left = Infinity;
    const out = await openAtomicOutput(path, 'partial.jsonl');
    const text = 'x'.repeat(3 * 1024 * 1024);
    out.stream.write(text);
    await out.commit();
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
