/**
 * Runs the CLI in-process with injected streams: what a user would see on stdout and stderr,
 * and the exit code. For the built binary in a real process, see ./spawn-bin.ts.
 */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIo, CliStdout } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Pretend stdout/stderr are terminals. */
  tty?: boolean;
}

function capture(tty: boolean): { stream: CliStdout; text: () => string } {
  const stream = new PassThrough() as PassThrough & CliStdout;
  stream.isTTY = tty;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const out = capture(options.tty ?? false);
  const err = capture(options.tty ?? false);
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as CliIo['stdin'];
  stdin.isTTY = options.tty ?? false;
  const io: CliIo = {
    stdin,
    stdout: out.stream,
    stderr: err.stream,
    env: { ...(options.env ?? {}) },
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(argv, io);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out.text(), stderr: err.text() };
}
