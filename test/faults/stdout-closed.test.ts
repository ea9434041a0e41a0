/**
 * Every command, with its standard output already closed (`sciatica-screen … | head -0`, a
 * reader that went away): no stack trace, no "internal error", not exit 70 (issue 11 item 4;
 * the fix is the "EPIPE on stdout for every command" work).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/spawn-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sciatica-screen-epipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'answers.json'), JSON.stringify({ leg_pain: 'yes', saddle_numbness: 'yes' }));

function closedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    const err: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe('stdout closed before the program writes', { timeout: 60_000 }, () => {
  for (const args of [
    ['evaluate', 'answers.json', '--format', 'json'],
    ['evaluate', 'answers.json'],
    ['validate', join(ROOT, 'questionnaires/sciatica-massage.yaml')],
    ['--help'],
    ['--version'],
  ]) {
    it(`${args.join(' ')}: no stack trace, no internal error, not 70`, async () => {
      const r = await closedStdout(args);
      expect(r.code).not.toBeNull(); // not killed by a signal
      expect(r.code).not.toBe(70);
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.stderr).not.toMatch(/internal error|EPIPE|Unhandled/);
    });
  }
});
