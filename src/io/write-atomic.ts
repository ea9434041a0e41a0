/**
 * Atomic file writes: the target is either untouched or completely written, never half.
 * Writes a temporary file in the same directory (rename is atomic only within a filesystem),
 * fsyncs it, then renames it over the target. The temporary file is removed on any error.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, unlink, link } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EXIT, ScreenError } from '../errors.js';

export interface AtomicWriteOptions {
  /** File mode of the new file. Default 0o600: health data is readable by the user only. */
  readonly mode?: number;
  /** Refuse to replace an existing file (exit 73 with a clear message). Default false. */
  readonly noClobber?: boolean;
}

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
}

/** Writes `data` to `path` atomically. Errors are `ScreenError`s with exit code 73. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    const fh = await open(tmp, 'wx', options.mode ?? 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (options.noClobber) {
      // link() fails with EEXIST if the target exists: no window where an existing file is replaced.
      await link(tmp, path);
      await unlink(tmp);
    } else {
      await rename(tmp, path);
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw writeError(path, e);
  }
}

export function writeError(path: string, e: unknown): ScreenError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'EEXIST'
      ? 'the file already exists (use --force to replace it)'
      : code === 'ENOENT'
        ? 'the folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (e instanceof Error ? e.message : String(e));
  return new ScreenError('io.cannot-write', EXIT.cantCreate, `cannot write ${path}: ${why}`);
}
