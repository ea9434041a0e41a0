/**
 * The fuzzers' common ground: run the CLI in-process (`main(argv, io)`, the same function the
 * binary runs) or as the built binary, with raw bytes on stdin, a time limit per input, and the
 * one property every entrance keeps:
 *
 *   success (0), or a documented exit code with clear words on stderr — never exit 70, never a
 *   stack trace or a raw JavaScript error, never a hang (a bounded time per input), never memory
 *   growth without bound.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PassThrough, Readable } from 'node:stream';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo, CliStdout } from '../../src/cli/io.js';
import { BIN, ROOT } from '../helpers/spawn-bin.js';

export { runs } from '../properties/runs.js';

/** The exit codes README.md documents for a run that is not interrupted. */
export const DOCUMENTED = new Set([0, 64, 65, 66, 73, 78]);

/**
 * Most CPU time one input may use in-process (the worker's user + system time while it runs):
 * the bound on work, which a loaded machine does not stretch. The most a full run's input used was
 * 3.1 s (a 1 MiB questionnaire of aliases); the quadratic alias check it once met took minutes.
 */
export const PER_INPUT_CPU_MS = 30_000;

/**
 * Longest wall time one input may take before it counts as a hang (a wait that never ends). Wide:
 * under `nice -n 19` on the shared 2-core machine at load 15, an input that needs 5 s of CPU was
 * seen to take 52 s; a hang is forever.
 */
export const PER_INPUT_MS = 300_000;

export interface Run {
  readonly code: number | 'hang';
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time. */
  readonly ms: number;
  /** CPU time of this process while the input ran (in-process runs only). */
  readonly cpuMs?: number;
}

function capture(): { stream: CliStdout; text: () => string } {
  const stream = new PassThrough() as PassThrough & CliStdout;
  stream.isTTY = false;
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (c: Buffer) => {
    // Keep the start and the size: a result for a 10 MB record may be long, the property only reads stderr's words.
    if (size < 1 << 20) chunks.push(c);
    size += c.length;
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The CLI in-process, stdin given as bytes (or nothing), ended by `PER_INPUT_MS`; its CPU time measured. */
export async function runMain(argv: readonly string[], stdin: Uint8Array | string = '', cwd = process.cwd(), tty = false): Promise<Run> {
  const out = capture();
  const err = capture();
  out.stream.isTTY = tty;
  err.stream.isTTY = tty;
  const input = Readable.from(typeof stdin === 'string' ? [Buffer.from(stdin)] : stdin.length > 0 ? [Buffer.from(stdin)] : []) as CliIo['stdin'];
  input.isTTY = tty;
  const io: CliIo = { stdin: input, stdout: out.stream, stderr: err.stream, env: {}, cwd };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), PER_INPUT_MS);
  });
  const code = await Promise.race([main(argv, io), hang]);
  clearTimeout(timer);
  const cpu = process.cpuUsage(cpuStart);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out.text(), stderr: err.text(), ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * The built binary, for a sample of the inputs (the launcher, real stdin and exit codes), killed
 * after `limitMs` of wall time (then the run is a 'hang'), as a user's terminal would wait forever.
 */
export function runBuilt(argv: readonly string[], stdin: Uint8Array | string = '', cwd = ROOT, limitMs = PER_INPUT_MS): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ code: hung ? 'hang' : (code ?? -1), stdout, stderr, ms: performance.now() - start });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(typeof stdin === 'string' ? stdin : Buffer.from(stdin));
  });
}

/** Lines that betray an unhandled JavaScript error rather than words for a person. */
const RAW_ERROR = [
  /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m, // a stack frame
  /internal error/,
  /^(Type|Range|Reference|Syntax|Eval|URI|Aggregate)?Error: /m,
  /\[object Object\]/,
  /^node:internal/m,
];

/** The property, with the input shown when it fails. */
export function expectClean(run: Run, what: string, alsoAllowed: readonly number[] = []): void {
  const cpu = run.cpuMs === undefined ? '' : ` (${Math.round(run.cpuMs)} ms of CPU)`;
  const shown = `${what}\n--- exit ${run.code} after ${Math.round(run.ms)} ms${cpu}; stderr:\n${run.stderr.slice(0, 2000)}`;
  expect(run.code, shown).not.toBe('hang');
  if (run.cpuMs !== undefined) expect(run.cpuMs, shown).toBeLessThan(PER_INPUT_CPU_MS);
  expect(run.code, shown).not.toBe(70);
  expect(DOCUMENTED.has(run.code as number) || alsoAllowed.includes(run.code as number), shown).toBe(true);
  for (const re of RAW_ERROR) expect(re.test(run.stderr), `${shown}\n(matches ${re})`).toBe(false);
  if (run.code !== 0) {
    // Clear words: something said, ending in a newline, no line longer than a screenful.
    expect(run.stderr.trim().length, shown).toBeGreaterThan(0);
    expect(run.stderr.endsWith('\n'), shown).toBe(true);
    for (const line of run.stderr.split('\n')) expect(line.length, shown).toBeLessThan(4000);
  }
}

/** Describes an input for a failure message: short text as is, long or binary input by its size and start. */
export function describeInput(input: Uint8Array | string): string {
  const b = typeof input === 'string' ? Buffer.from(input) : Buffer.from(input);
  const head = JSON.stringify(b.subarray(0, 300).toString('latin1'));
  return b.length <= 300 ? `input ${head}` : `input of ${b.length} bytes starting ${head}`;
}

/** Heap in use now (MB), to bound growth over a whole fuzz run. */
export function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

/**
 * Counts of exit codes, printed at the end of a fuzz run so the figures go in docs/testing.md, and
 * progress on the way: every PROGRESS_EVERY inputs a line on the console and (FUZZ_LOG=file) in a
 * log, so a run cut short still has figures and a long one says how far it is.
 */
export class Tally {
  private readonly codes = new Map<string, number>();
  private readonly start = performance.now();
  total = 0;
  slowestMs = 0;
  slowestCpuMs = 0;
  constructor(
    private readonly name: string,
    private readonly planned = 0,
  ) {}
  add(run: Run): void {
    this.total++;
    this.slowestMs = Math.max(this.slowestMs, run.ms);
    this.slowestCpuMs = Math.max(this.slowestCpuMs, run.cpuMs ?? 0);
    const k = String(run.code);
    this.codes.set(k, (this.codes.get(k) ?? 0) + 1);
    if (this.total % PROGRESS_EVERY === 0) this.progress();
  }
  private progress(): void {
    const line = `${new Date().toISOString()} ${this.name}: ${this}${this.planned > 0 ? ` — ${this.total}/${this.planned}` : ''}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
    if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${line}\n`);
    console.log(line);
  }
  toString(): string {
    const codes = [...this.codes.entries()].sort().map(([k, v]) => `${k}: ${v}`).join(', ');
    const s = (performance.now() - this.start) / 1000;
    return `${this.total} inputs (exit ${codes}) in ${s.toFixed(0)} s, ${this.total > 0 ? ((s * 1000) / this.total).toFixed(1) : '–'} ms an input; slowest ${Math.round(this.slowestMs)} ms${this.slowestCpuMs > 0 ? ` (most CPU ${Math.round(this.slowestCpuMs)} ms)` : ''}`;
  }
}

/** How often a fuzz run reports progress (inputs). */
const PROGRESS_EVERY = 1000;
