/**
 * Where a command's document goes: standard output when no file is named, else the file, written
 * as every file of this program is (src/io/write-atomic.ts): atomically, mode 0600 (health data
 * is the user's alone), and never over an existing file unless `force` (exit 73 otherwise), and
 * never over the command's input file, even with `force` (exit 73: the answers would be lost).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT, ScreenError } from '../errors.js';
import type { CliIo } from './io.js';

export interface OutputTarget {
  /** A path relative to the working directory, as the user typed it; absent or `-`: stdout. */
  readonly output?: string;
  readonly force?: boolean;
  /** The input file (relative to the working directory), never to be written over. */
  readonly input?: string;
}

export async function writeOutput(io: Pick<CliIo, 'stdout' | 'cwd'>, text: string, target: OutputTarget): Promise<void> {
  if (target.output === undefined || target.output === '-') {
    io.stdout.write(text);
    return;
  }
  if (target.output === '') throw new ScreenError('cli.bad-option', EXIT.usage, '-o needs a file name (or leave it out to write to standard output)');
  const path = resolve(io.cwd, target.output);
  if (target.input !== undefined && target.input !== '-') {
    // Same device and inode: the same file by any name (a symbolic or hard link too).
    const [a, b] = await Promise.all([stat(resolve(io.cwd, target.input)).catch(() => undefined), stat(path).catch(() => undefined)]);
    if (a && b && a.dev === b.dev && a.ino === b.ino) {
      throw new ScreenError('io.output-is-input', EXIT.cantCreate, `cannot write ${target.output}: it is the input file (the results would replace the answers); write them to another file`);
    }
  }
  // Loaded only to write a file: it brings node:crypto and streams, which stdout output never needs.
  const { writeFileAtomic } = await import('../io/write-atomic.js');
  await writeFileAtomic(path, text, { mode: 0o600, noClobber: target.force !== true, shown: target.output });
}
