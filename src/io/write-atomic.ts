/**
 * Writing output files so that a crash or an interrupt never leaves a half file: the data goes to
 * a temporary file in the same directory (rename is atomic only within a filesystem), is fsynced,
 * then renamed over the target. The temporary file is removed on any error.
 *
 * Two kinds of target are not renamed over, because that would replace them instead of writing
 * them: a device, FIFO or socket (`/dev/stdout`, a named pipe) is written directly, and a
 * symbolic link is followed (its target file is replaced; the link stays). A folder is refused.
 * Errors are `ScreenError`s with exit code 73, naming the file as the user gave it.
 */
import { randomUUID } from 'node:crypto';
import { link, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { EXIT, fileErrorReason, ScreenError } from '../errors.js';

export interface AtomicWriteOptions {
  /** File mode of the new file. Default 0o600: health data is readable by the user only. */
  readonly mode?: number;
  /** Refuse to replace an existing file (exit 73 with a clear message). Default false. */
  readonly noClobber?: boolean;
  /** How the file is named in messages (default: `path`). */
  readonly shown?: string;
}

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
}

/** Where the bytes for `path` go: `direct` for a device, FIFO or socket; else the file to replace
 * (a symbolic link resolved to its target; a path that does not exist yet as is). */
async function writeTarget(path: string): Promise<{ direct: boolean; file: string; exists: boolean }> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) return { direct: true, file: path, exists: true };
    return { direct: false, file: await realpath(path), exists: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { direct: false, file: path, exists: false };
    throw e;
  }
}

/** Writes `data` to `path` atomically (or directly to a device or FIFO). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const shown = options.shown ?? path;
  let target: Awaited<ReturnType<typeof writeTarget>>;
  try {
    target = await writeTarget(path);
  } catch (e) {
    throw writeError(shown, e);
  }
  if (target.exists && options.noClobber) throw writeError(shown, Object.assign(new Error('exists'), { code: 'EEXIST' }));
  if (target.direct) {
    try {
      const fh = await open(path, 'w');
      try {
        await fh.writeFile(data);
      } finally {
        await fh.close();
      }
    } catch (e) {
      throw writeError(shown, e);
    }
    return;
  }
  const tmp = tempPathFor(target.file);
  try {
    const fh = await open(tmp, 'wx', options.mode ?? 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (options.noClobber) {
      // link() fails with EEXIST if the target appeared meanwhile: no window where an existing file is replaced.
      await link(tmp, target.file);
      await unlink(tmp);
    } else {
      await rename(tmp, target.file);
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw writeError(shown, e);
  }
}

/** A stream whose bytes appear under the target only when `commit` succeeds. */
export interface AtomicOutput {
  readonly stream: Writable;
  /** False for a device or FIFO, which is written as the stream goes. */
  readonly atomic: boolean;
  /** Ends the stream, fsyncs and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file unless committed. */
  discard(): Promise<void>;
}

/** Opens a streaming atomic output for `path` (see the file comment for devices and links). */
export async function openAtomicOutput(path: string, shown: string, mode = 0o600): Promise<AtomicOutput> {
  let target: Awaited<ReturnType<typeof writeTarget>>;
  try {
    target = await writeTarget(path);
  } catch (e) {
    throw writeError(shown, e);
  }
  return target.direct ? openDirectOutput(path, shown) : openTempOutput(target.file, shown, mode);
}

function ended(stream: Writable, closed: Promise<void>): Promise<void> {
  return new Promise<void>((res, rej) => {
    stream.once('error', rej);
    stream.end(() => res());
  }).then(() => closed);
}

async function openDirectOutput(path: string, shown: string): Promise<AtomicOutput> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'w');
  } catch (e) {
    throw writeError(shown, e);
  }
  const stream = fh.createWriteStream({ highWaterMark: 1024 * 1024 });
  const closed = new Promise<void>((res) => stream.once('close', () => res()));
  return {
    stream,
    atomic: false,
    async commit() {
      try {
        await ended(stream, closed);
      } catch (e) {
        throw writeError(shown, e);
      }
    },
    async discard() {
      if (!stream.destroyed) stream.destroy();
      await closed;
    },
  };
}

async function openTempOutput(path: string, shown: string, mode: number): Promise<AtomicOutput> {
  const tmp = tempPathFor(path);
  let fh: FileHandle;
  try {
    fh = await open(tmp, 'wx', mode);
  } catch (e) {
    throw writeError(shown, e);
  }
  // flush: fsync before the handle is closed; the stream closes the handle when it ends.
  const stream = fh.createWriteStream({ highWaterMark: 1024 * 1024, flush: true });
  const closed = new Promise<void>((res) => stream.once('close', () => res()));
  let committed = false;
  return {
    stream,
    atomic: true,
    async commit() {
      try {
        await ended(stream, closed);
        await rename(tmp, path);
        committed = true;
      } catch (e) {
        throw writeError(shown, e);
      }
    },
    async discard() {
      if (committed) return;
      stream.destroy();
      await closed;
      await unlink(tmp).catch(() => undefined);
    },
  };
}

export function writeError(path: string, e: unknown): ScreenError {
  return new ScreenError('io.cannot-write', EXIT.cantCreate, `cannot write ${path}: ${fileErrorReason(e, 'write')}`);
}
