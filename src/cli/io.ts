/**
 * Everything a command may touch of the outside world, injected so every command runs in-process
 * in tests. Nothing below `src/cli/main.ts` reads `process.*` directly.
 */
import type { Readable, Writable } from 'node:stream';
import { EXIT, fileErrorReason } from '../errors.js';

export interface CliStdin extends Readable {
  isTTY?: boolean;
  /** A terminal in raw mode (a prompt is reading keys): Ctrl+C arrives as a key, not a signal. */
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}
export interface CliStdout extends Writable {
  isTTY?: boolean;
  columns?: number;
  hasColors?: (count?: number) => boolean;
}

export interface CliIo {
  readonly stdin: CliStdin;
  readonly stdout: CliStdout;
  readonly stderr: CliStdout;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory against which relative paths are resolved. */
  readonly cwd: string;
  /**
   * Calls `listener` on Ctrl+C (SIGINT), SIGTERM and SIGHUP instead of the default of dying at
   * once, until the returned function is called. A command that takes it must then end promptly
   * (clean up, one line, exit `exitCodeOfSignal(signal)`: 130, 143 or 129). Absent in tests that
   * do not need it.
   */
  readonly onInterrupt?: (listener: (signal: InterruptSignal) => void) => () => void;
  /** The launcher's path as started (process.argv[1]): how to word "run it again" hints. */
  readonly launcher?: string;
  /**
   * The CLI's clock (the date on a handout, `savedAt` in an answers file, a FHIR bundle's
   * timestamp). Absent: `SOURCE_DATE_EPOCH` (seconds) when set, else the system clock; see
   * src/cli/clock.ts. The engine never reads a clock.
   */
  readonly now?: () => Date;
}

/** The signals a command may handle to end cleanly. */
export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** 128 + the signal number, as a shell reports a process killed by it. */
export function exitCodeOfSignal(signal: InterruptSignal): 130 | 143 | 129 {
  return signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 130;
}

/** The bundled questionnaire, resolved from the installed package (works from any cwd). */
export const BUNDLED_QUESTIONNAIRE = new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url);

/**
 * Watches an output stream for a failed write (a closed pipe, a full disk), which Node reports as
 * an 'error' event after the write returned; unwatched, it would crash the process with a stack
 * trace. `settle()` waits until what was written has gone out or failed, and returns the first
 * failure (its `code`: `EPIPE`, `ENOSPC`, …) or undefined.
 */
export function watchOutput(stream: CliStdout): { settle(): Promise<NodeJS.ErrnoException | undefined> } {
  let failure: NodeJS.ErrnoException | undefined;
  // Never removed: a write after the failure may report again, and must not crash either.
  stream.on('error', (e: NodeJS.ErrnoException) => {
    failure ??= e;
  });
  return {
    async settle() {
      if (failure === undefined && !stream.destroyed && stream.writable) {
        await new Promise<void>((resolve) => {
          try {
            stream.write('', () => resolve());
          } catch {
            resolve();
          }
        });
      }
      // The 'error' event of a failed write comes a tick after its callback.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return failure;
    },
  };
}

/**
 * The exit code once stdout has settled: `code` when it was written or its reader went away
 * (EPIPE: a quiet end, as `| head` expects) or when the command already reported a write failure
 * (73); otherwise one line on stderr and 73 (a full disk, /dev/full).
 */
export function afterOutput(failed: NodeJS.ErrnoException | undefined, code: number, stderr: CliStdout): number {
  if (failed === undefined || failed.code === 'EPIPE' || code === EXIT.cantCreate) return code;
  stderr.write(`sciatica-screen: cannot write standard output: ${fileErrorReason(failed, 'write')}\n`);
  return EXIT.cantCreate;
}

/**
 * Help is laid out for 80 columns, or for the terminal's width when it is narrower (a wider
 * terminal gets the 80-column text, easier to read than lines of 200). So the top-level --help
 * is the same text wherever it goes, and the build writes it out once (src/build/build-dist.mjs,
 * printed by ./launch.ts without loading commander when the width is HELP_WIDTH).
 */
export const HELP_WIDTH = 80;
export function helpWidthOf(stream: CliStdout): number {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 && stream.columns < HELP_WIDTH ? stream.columns : HELP_WIDTH;
}
