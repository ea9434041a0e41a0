/**
 * Writes chunk results in the order their chunks were read, whatever order they finish in, with
 * back-pressure both ways: `room()` holds the reader while `maxPending` chunks are in flight, and a
 * full sink (write() false) holds the writer until 'drain'. Memory is bounded by
 * maxPending chunks plus one written chunk.
 */
import type { Writable } from 'node:stream';
import type { ChunkResult } from './process-chunk.js';

interface Slot {
  settled: boolean;
  value?: ChunkResult;
  error?: unknown;
}

export interface Framing {
  readonly head: string;
  readonly between: string;
  readonly tail: string;
}

export class OrderedOutput {
  private readonly queue: Slot[] = [];
  private waiters: (() => void)[] = [];
  private pumping = false;
  private wroteRecords = false;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly sink: Writable,
    private readonly framing: Framing,
    private readonly maxPending: number,
    private readonly onResult: (r: ChunkResult) => void,
    /** Called with a result's bytes once the sink has written them (not after a failed write). */
    private readonly written?: (out: Uint8Array) => void,
  ) {}

  /** The first error: a chunk that failed, or the sink's (set by `abort`). */
  get failed(): { error: unknown } | undefined {
    return this.failure;
  }

  start(): void {
    if (this.framing.head) this.sink.write(this.framing.head);
  }

  push(result: Promise<ChunkResult>): void {
    const slot: Slot = { settled: false };
    this.queue.push(slot);
    result.then(
      (value) => {
        slot.settled = true;
        slot.value = value;
        this.kick();
      },
      (error: unknown) => {
        slot.settled = true;
        slot.error = error;
        this.kick();
      },
    );
  }

  /** Resolves when another chunk may be pushed (or the output has failed: check `failed`). */
  async room(): Promise<void> {
    while (!this.failure && this.queue.length >= this.maxPending) await this.change();
  }

  /** Waits until every pushed chunk is written, then writes the tail (unless failed). */
  async finish(): Promise<void> {
    while (!this.failure && (this.queue.length > 0 || this.pumping)) await this.change();
    if (!this.failure && this.framing.tail) this.sink.write(this.framing.tail);
  }

  /** Stops writing: the sink is gone (EPIPE) or the batch is being abandoned. */
  abort(error: unknown): void {
    this.failure ??= { error };
    this.notify();
  }

  private kick(): void {
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (!this.failure && this.queue[0]?.settled) {
        const slot = this.queue.shift()!;
        if (slot.error !== undefined || !slot.value) {
          this.abort(slot.error);
          break;
        }
        const value = slot.value;
        this.onResult(value);
        if (value.out.length > 0) {
          if (this.wroteRecords && this.framing.between) this.sink.write(this.framing.between);
          this.wroteRecords = true;
          this.notify();
          const out = value.out;
          const ok = typeof out !== 'string' && this.written ? this.sink.write(out, (e) => e || this.written?.(out)) : this.sink.write(out);
          if (!ok) await this.drained();
        } else {
          this.notify();
        }
      }
    } finally {
      this.pumping = false;
      this.notify();
    }
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.sink.off('drain', done);
        this.sink.off('close', done);
        this.sink.off('error', done);
        resolve();
      };
      this.sink.on('drain', done);
      this.sink.on('close', done);
      this.sink.on('error', done);
      if (this.failure || this.sink.destroyed) done();
    });
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
