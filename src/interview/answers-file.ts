/**
 * The answers file the interview writes: exactly what `evaluate`, `batch` and `--resume` read
 * (docs/answers-format.md: `{"format", "formatVersion", "questionnaire", "version", "complete",
 * "savedAt"?, "answers": {…}}`, answers in path order, `null` for a skipped optional question;
 * `complete` when the interview has nothing left to ask; `savedAt` from the CLI's clock). Written atomically, mode 0600: health data is the user's alone.
 *
 * The file is kept while the interview goes on (`--save` rewrites it after every answer), so it
 * is written with care for what else may be at its path:
 * - the first write is an exclusive create (a file, link or anything else that appeared at the
 *   path since the start is never replaced), unless replacing was agreed (`--force`, a "yes" to
 *   "Replace it?", or `--resume` of the same file);
 * - a symbolic link is never followed: the bytes never land in a file the tool did not create;
 * - every later write first checks that the path still names the file written last time (same
 *   device and inode, not a link, and the same size and modification time: a file created at
 *   the path after ours was deleted often reuses its inode); a path that now points elsewhere is
 *   refused, not written.
 */
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import { EXIT, fileErrorReason, ScreenError } from '../errors.js';
import { tempPathFor } from '../io/write-atomic.js';
import type { Answers, Questionnaire } from '../questionnaire/model.js';
import { ANSWERS_FORMAT, ANSWERS_FORMAT_VERSION } from '../engine/answers.js';
import { nextQuestion } from '../engine/walk.js';

export function answersDocument(q: Questionnaire, answers: Answers, savedAt?: Date): string {
  const complete = nextQuestion(q, answers).done;
  const doc = {
    format: ANSWERS_FORMAT,
    formatVersion: ANSWERS_FORMAT_VERSION,
    questionnaire: q.id,
    version: q.version,
    complete,
    ...(savedAt === undefined ? {} : { savedAt: savedAt.toISOString() }),
    answers,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

interface Identity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Why a save was refused or failed: one phrase to follow "cannot save to FILE: ". */
export class SaveError extends ScreenError {
  constructor(
    readonly shown: string,
    readonly reason: string,
  ) {
    super('interview.cannot-save', EXIT.cantCreate, `cannot save to ${shown}: ${reason}`);
  }
}

/** One answers file, written again and again, that is never confused with another file. */
export class AnswersFile {
  private identity: Identity | undefined;

  /**
   * `path` absolute; `shown` as the person typed it; `mayReplace`: an existing regular file at
   * `path` may be replaced by the first write (never a link, never anything but a file).
   */
  constructor(
    readonly path: string,
    readonly shown: string,
    private mayReplace: boolean,
    /** The CLI's clock, for `savedAt`; absent: no `savedAt`. */
    private readonly now?: () => Date,
  ) {}

  /** True once a write has succeeded (the file at `path` is ours). */
  get written(): boolean {
    return this.identity !== undefined;
  }

  /** Writes the answers; a SaveError (exit 73) says why not. The temporary file never stays. */
  async write(q: Questionnaire, answers: Answers): Promise<void> {
    const tmp = tempPathFor(this.path);
    let made: Identity;
    try {
      const fh = await open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(answersDocument(q, answers, this.now?.()));
        await fh.sync();
        const st = await fh.stat();
        made = { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
      } finally {
        await fh.close();
      }
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw new SaveError(this.shown, fileErrorReason(e, 'write'));
    }
    let copied: Identity | undefined;
    try {
      copied = await this.place(tmp);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e instanceof SaveError ? e : new SaveError(this.shown, fileErrorReason(e, 'write'));
    }
    this.identity = copied ?? made;
    this.mayReplace = false;
  }

  /** Puts the written temporary file at `path`, or refuses (see the file comment). The identity
   * of the file now at `path` when it is a copy (no hard links), else undefined (it is `tmp`'s). */
  private async place(tmp: string): Promise<Identity | undefined> {
    const now = await lstat(this.path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    if (now === undefined) return this.createExclusive(tmp);
    if (now.isSymbolicLink()) {
      throw new SaveError(
        this.shown,
        this.identity ? 'it was replaced by a link since the last save; nothing was written there' : 'it is a symbolic link; name the file itself, or another file',
      );
    }
    if (!now.isFile()) throw new SaveError(this.shown, now.isDirectory() ? 'it is a folder' : 'it is not a regular file');
    if (this.identity !== undefined) {
      const id = this.identity;
      if (now.dev !== id.dev || now.ino !== id.ino || now.size !== id.size || now.mtimeMs !== id.mtimeMs) {
        throw new SaveError(this.shown, 'it was replaced by another file since the last save; nothing was written there');
      }
    } else if (!this.mayReplace) {
      throw new SaveError(this.shown, 'the file already exists (use --force to replace it)');
    }
    // rename() replaces the name, never follows it: whatever is at the path, no other file is written.
    await rename(tmp, this.path);
    return undefined;
  }

  /** The path is free: link() fails with EEXIST if anything appears there meanwhile. */
  private async createExclusive(tmp: string): Promise<Identity | undefined> {
    let copied: Identity | undefined;
    try {
      await link(tmp, this.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new SaveError(this.shown, this.identity ? 'another file appeared at its place since the last save; nothing was written there' : 'the file already exists (use --force to replace it)');
      // A filesystem without hard links: an exclusive open is just as safe for a new file.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      copied = await copyExclusive(tmp, this.path);
    }
    await unlink(tmp);
    return copied;
  }
}

/** Copies `from` to a new file `to` (never an existing one); the copy's identity. */
async function copyExclusive(from: string, to: string): Promise<Identity> {
  const src = await open(from, 'r');
  try {
    const data = await src.readFile();
    const fh = await open(to, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
      const st = await fh.stat();
      return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
    } finally {
      await fh.close();
    }
  } finally {
    await src.close();
  }
}
