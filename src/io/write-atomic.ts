/**
 * The one writer of output files (batch `-o`, the interview's `--save`): a crash, an interrupt or
 * a write error never leaves a half file and never touches the file that was there before.
 *
 * The data goes to a temporary file in the same folder (rename is atomic only within a
 * filesystem), mode 0600 by default; at `commit` it is fsynced, closed, and only then renamed over
 * the target. If ANY write, the fsync or the close failed (a full disk: ENOSPC; EIO), `commit`
 * does not rename: it removes the temporary file and throws; the old file stays as it was.
 *
 * Targets:
 * - a new path: created at commit;
 * - an existing regular file: replaced, unless `noClobber` (then refused, exit 73, also when the
 *   file appears while the data is being written: commit links the temporary file, which fails if
 *   the name exists);
 * - a symbolic link to a regular file: the link is kept and its target replaced (same rules);
 *   a dangling link or a loop of links: refused (the link is never replaced by a file);
 * - a device, FIFO or socket (`/dev/stdout`, `/dev/full`, a named pipe): written directly, as the
 *   data comes; a write error still makes `commit` throw;
 * - a folder: refused.
 * Every error is a `ScreenError` with exit code 73 and one line naming the file as the user gave
 * it (`shown`). The API (`writeFileAtomic`, `openAtomicOutput`, `AtomicOutput`, `writeError`,
 * `tempPathFor`) is stable: other commands depend on it.
 */
import { randomUUID } from 'node:crypto';
import { link, lstat, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
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

/** What a path names, as far as writing goes. */
export interface WriteTarget {
  /** A device, FIFO or socket: written directly. */
  readonly direct: boolean;
  /** The file to create or replace (a symbolic link resolved to its target). */
  readonly file: string;
  readonly exists: boolean;
  /** Device and inode of the existing file (or device), to compare with an input. */
  readonly dev?: number;
  readonly ino?: number;
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** Where the bytes for `path` would go; throws (an errno error) for a folder, a dangling link or a loop. */
export async function resolveWriteTarget(path: string): Promise<WriteTarget> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    // ENOENT: nothing there, or a symbolic link pointing at nothing (never replace the link).
    const l = await lstat(path).catch(() => undefined);
    if (l?.isSymbolicLink()) throw errno('EDANGLING', 'dangling link');
    return { direct: false, file: path, exists: false };
  }
  if (st.isDirectory()) throw errno('EISDIR', 'is a directory');
  if (!st.isFile()) return { direct: true, file: path, exists: true, dev: st.dev, ino: st.ino };
  return { direct: false, file: await realpath(path), exists: true, dev: st.dev, ino: st.ino };
}

/** Writes `data` to `path` atomically (or directly to a device or FIFO); see the file comment. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const out = await openAtomicOutput(path, options.shown ?? path, options.mode ?? 0o600, { noClobber: options.noClobber ?? false });
  try {
    out.stream.write(data);
    await out.commit();
  } finally {
    await out.discard();
  }
}

/** A stream whose bytes appear under the target only when `commit` succeeds. */
export interface AtomicOutput {
  readonly stream: Writable;
  /** False for a device or FIFO, which is written as the stream goes. */
  readonly atomic: boolean;
  /** Ends the stream, fsyncs and renames the temporary file over the target. Throws (73) if any
   * write failed, and then leaves the target as it was and no temporary file. */
  commit(): Promise<void>;
  /** Removes the temporary file unless committed. Safe to call more than once. */
  discard(): Promise<void>;
}

export interface OpenOutputOptions {
  /** Refuse an existing file, now and at commit (exit 73). Default false. */
  readonly noClobber?: boolean;
}

/** Opens a streaming atomic output for `path` (see the file comment for devices and links). */
export async function openAtomicOutput(path: string, shown: string, mode = 0o600, options: OpenOutputOptions = {}): Promise<AtomicOutput> {
  let target: WriteTarget;
  try {
    target = await resolveWriteTarget(path);
  } catch (e) {
    throw writeError(shown, e);
  }
  if (target.direct) return openDirectOutput(path, shown);
  if (target.exists && options.noClobber) throw writeError(shown, errno('EEXIST', 'exists'));
  return openTempOutput(target.file, shown, mode, options.noClobber ?? false);
}

/**
 * A Writable over a FileHandle that remembers the first error (a failed write is never
 * forgotten, whatever happens after it), fsyncs at the end when asked, and closes the handle.
 */
class HandleStream extends Writable {
  firstError: unknown;
  readonly whenClosed: Promise<void>;

  constructor(
    private readonly fh: FileHandle,
    private readonly fsyncAtEnd: boolean,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    this.whenClosed = new Promise((resolve) => this.once('close', () => resolve()));
    // Recorded here, so that an error with nobody else listening is neither lost nor unhandled.
    this.on('error', (e) => {
      this.firstError ??= e;
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    writeAll(this.fh, [chunk]).then(() => callback(), callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    writeAll(
      this.fh,
      chunks.map((c) => c.chunk),
    ).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (!this.fsyncAtEnd) return callback();
    this.fh.sync().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.fh.close().then(
      () => callback(error),
      (e: Error) => callback(error ?? e),
    );
  }

  /** Ends the stream; resolves when the handle is closed, or rejects with the first error. */
  async finish(): Promise<void> {
    if (!this.writableEnded && !this.destroyed) this.end();
    await this.whenClosed;
    if (this.firstError !== undefined) throw this.firstError;
    if (!this.writableFinished) throw errno('EIO', 'the output was closed before all was written');
  }
}

/** Writes every byte of `buffers` (a write may be partial; a failed one rejects). */
async function writeAll(fh: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    const total = rest.reduce((n, b) => n + b.length, 0);
    const { bytesWritten } = rest.length === 1 ? await fh.write(rest[0]!) : await fh.writev(rest);
    if (bytesWritten >= total) return;
    if (bytesWritten === 0) throw errno('EIO', 'nothing could be written');
    let skip = bytesWritten;
    const next: Buffer[] = [];
    for (const b of rest) {
      if (skip >= b.length) skip -= b.length;
      else {
        next.push(skip > 0 ? b.subarray(skip) : b);
        skip = 0;
      }
    }
    rest = next;
  }
}

async function openDirectOutput(path: string, shown: string): Promise<AtomicOutput> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'w');
  } catch (e) {
    throw writeError(shown, e);
  }
  const stream = new HandleStream(fh, false);
  return {
    stream,
    atomic: false,
    async commit() {
      try {
        await stream.finish();
      } catch (e) {
        throw writeError(shown, e);
      }
    },
    async discard() {
      if (!stream.destroyed) stream.destroy();
      await stream.whenClosed;
    },
  };
}

async function openTempOutput(path: string, shown: string, mode: number, noClobber: boolean): Promise<AtomicOutput> {
  const tmp = tempPathFor(path);
  let fh: FileHandle;
  try {
    fh = await open(tmp, 'wx', mode);
  } catch (e) {
    throw writeError(shown, e);
  }
  const stream = new HandleStream(fh, true);
  let committed = false;
  let removed = false;
  const remove = async (): Promise<void> => {
    if (committed || removed) return;
    if (!stream.destroyed) stream.destroy();
    await stream.whenClosed;
    await unlink(tmp).catch(() => undefined);
    removed = true;
  };
  return {
    stream,
    atomic: true,
    async commit() {
      try {
        await stream.finish(); // every byte written, fsynced and closed — or the first error
        if (noClobber) await linkNoClobber(tmp, path);
        else await rename(tmp, path);
        committed = true;
      } catch (e) {
        await remove();
        throw writeError(shown, e);
      }
    },
    discard: remove,
  };
}

/** Gives `tmp` the name `path` unless `path` exists (link() fails with EEXIST: no window in which
 * an existing file could be replaced), then drops the temporary name. On a filesystem without hard
 * links, checks and renames (a small window remains there). */
async function linkNoClobber(tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (await lstat(path).then(() => true, () => false)) throw errno('EEXIST', 'exists');
    await rename(tmp, path);
    return;
  }
  await unlink(tmp).catch(() => undefined);
}

export function writeError(path: string, e: unknown): ScreenError {
  return new ScreenError('io.cannot-write', EXIT.cantCreate, `cannot write ${path}: ${fileErrorReason(e, 'write')}`);
}
