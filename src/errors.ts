/**
 * Errors are data. Every error a user can cause is a `ScreenError` with a stable `code` and a
 * sysexits `exitCode`; anything else reaching the CLI edge is a bug (exit 70).
 */
import type { Position } from './questionnaire/model.js';

/** BSD sysexits, the one place exit codes are defined. A disposition is never an exit code. */
export const EXIT = {
  ok: 0,
  /** Bad command line. */
  usage: 64,
  /** Invalid input data (answers, batch records). */
  dataErr: 65,
  /** Input file not found or unreadable. */
  noInput: 66,
  /** Internal error: a bug. The only one that asks to be reported. */
  software: 70,
  /** Cannot write output. */
  cantCreate: 73,
  /** Invalid questionnaire. */
  config: 78,
  /** Interrupted (Ctrl+C, SIGINT): 128 + 2. */
  interrupted: 130,
  /** Stopped by SIGTERM (`kill`, a scheduler): 128 + 15. */
  terminated: 143,
  /** Stopped by SIGHUP (the terminal closed): 128 + 1. */
  hangup: 129,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem found in a questionnaire (or other input file), with a stable namespaced code
 * (e.g. `lint.unknown-question`, `yaml.duplicate-key`). Collected, never thrown one by one.
 */
export interface Problem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
}

export function problemAt(code: string, severity: Severity, message: string, pos: Position): Problem {
  return { code, severity, message, file: pos.file, line: pos.line, col: pos.col };
}

/** `file:line:col: severity: message` — the one-line form every tool understands. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity}: ${p.message}`;
}

/** An expected error: printed as one line, exits with `exitCode`, no stack trace. */
export class ScreenError extends Error {
  override readonly name = 'ScreenError';
  constructor(
    readonly code: string,
    readonly exitCode: ExitCode,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

export function isScreenError(e: unknown): e is ScreenError {
  return e instanceof ScreenError;
}

/**
 * Why reading or writing a file failed, in the words every message uses: `cannot read X: <why>`
 * / `cannot write X: <why>`. Unknown errors fall back to their own message.
 */
export function fileErrorReason(e: unknown, op: 'read' | 'write'): string {
  switch ((e as { code?: string } | undefined)?.code) {
    case 'ENOENT':
      return op === 'read' ? 'no such file' : 'the folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EEXIST':
      return 'the file already exists (use --force to replace it)';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EDANGLING':
      return 'it is a symbolic link to a file that does not exist (not replaced; name the file itself)';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EROFS':
      return 'the filesystem is read-only';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
