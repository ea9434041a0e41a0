/**
 * Where a command's document goes: standard output when no file is named, else the file, written
 * as every file of this program is (src/io/write-atomic.ts): atomically, mode 0600 (health data
 * is the user's alone), and never over an existing file unless `force` (exit 73 otherwise).
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../io/write-atomic.js';
import type { CliIo } from './io.js';

export interface OutputTarget {
  /** A path relative to the working directory, as the user typed it; absent or `-`: stdout. */
  readonly output?: string;
  readonly force?: boolean;
}

export async function writeOutput(io: Pick<CliIo, 'stdout' | 'cwd'>, text: string, target: OutputTarget): Promise<void> {
  if (target.output === undefined || target.output === '-') {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, target.output), text, { mode: 0o600, noClobber: target.force !== true, shown: target.output });
}
