/**
 * `batch` writing to a reader slower than it (a pipe into a slow program): it waits for the
 * reader instead of holding every result in memory, and the output is still complete and in
 * input order, the same bytes as to a fast reader.
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo, CliStdout } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';

const INPUT = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `p${i}`, answers: { leg_pain: i % 2 === 0 ? 'yes' : 'no', age: 20 + (i % 60) } })).join('\n');

describe('batch to a slow reader', () => {
  it('waits for it (at most a small buffer is pending) and writes everything in order', async () => {
    const received: Buffer[] = [];
    let pendingMax = 0;
    const slow = new Writable({
      highWaterMark: 4096,
      write(chunk: Buffer, _enc, done) {
        received.push(chunk);
        setTimeout(done, 2);
      },
    }) as Writable & CliStdout;
    const stderr = new PassThrough() as PassThrough & CliStdout;
    stderr.resume();
    const io: CliIo = { stdin: Readable.from([Buffer.from(INPUT)]), stdout: slow, stderr, env: {}, cwd: process.cwd() };
    const watch = setInterval(() => (pendingMax = Math.max(pendingMax, slow.writableLength)), 1);
    const code = await main(['batch', '-', '--full'], io);
    clearInterval(watch);
    expect(code).toBe(0);
    const fast = await runCli(['batch', '-', '--full'], { stdin: INPUT });
    const out = Buffer.concat(received).toString('utf8');
    expect(out).toBe(fast.stdout);
    expect(out.trimEnd().split('\n')).toHaveLength(3000);
    // Back-pressure: what waits for the reader stays around one chunk of results, not the whole output.
    expect(pendingMax).toBeLessThan(out.length / 4);
  }, 120_000);
});
