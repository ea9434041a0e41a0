/**
 * Buffers of one size, reused for the bytes that travel between the main thread and the batch
 * workers: a task's input goes out in one, the worker writes its results back into the same
 * one, and once written to the output it returns here for the next task. Without reuse every
 * task and every result is a fresh buffer that lives until the main thread's next garbage
 * collection, which (its heap being small) comes only every few tens of MB of such buffers.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  /** `size`: bytes per buffer; `keep`: at most this many idle buffers are kept. */
  constructor(
    readonly size: number,
    private readonly keep: number,
  ) {}

  /** `length` bytes: a view of a pooled buffer when it fits in one, else a buffer of its own. */
  take(length: number): Uint8Array {
    if (length > this.size) return new Uint8Array(length);
    return new Uint8Array(this.free.pop() ?? new ArrayBuffer(this.size), 0, length);
  }

  /** Hands back bytes from `take` (or any others: only a pooled-size, attached buffer is kept). The caller must not use them again. */
  give(bytes: Uint8Array): void {
    const buffer = bytes.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength === this.size && this.free.length < this.keep && !this.free.includes(buffer)) this.free.push(buffer);
  }
}
