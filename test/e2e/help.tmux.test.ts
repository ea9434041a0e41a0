/**
 * `--help` in a real terminal (tmux, the built binary): laid out for 80 columns on a wide
 * terminal (the text the entry prints without loading commander, src/cli/launch.ts), and for the
 * terminal's own width on a narrower one, where no line is cut by the terminal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/spawn-bin.js';
import { hasTmux, TmuxSession } from './tmux.js';

describe.skipIf(!hasTmux())('--help in a terminal (tmux)', { timeout: 60_000 }, () => {
  let session: TmuxSession | undefined;
  afterEach(async () => {
    await session?.kill();
    session = undefined;
  });

  it('at 120 columns: the 80-column text, as in a pipe', async () => {
    session = await TmuxSession.start([process.execPath, BIN, '--help'], { cwd: ROOT, width: 120, height: 60 });
    await session.waitFor('[exit 0]');
    const piped = (await runBin(['--help'])).stdout.trimEnd();
    const shown = (await session.screen()).replace(/\n\[exit 0\]$/, '');
    expect(shown).toBe(piped);
  });

  it('at 64 columns: wrapped to 64, between words, nothing cut by the terminal', async () => {
    session = await TmuxSession.start([process.execPath, BIN, '--help'], { cwd: ROOT, width: 64, height: 80 });
    await session.waitFor('[exit 0]');
    const asShown = (await session.scrollback()).split('\n');
    const joined = (await session.screen()).split('\n');
    expect(joined).toEqual(asShown);
    expect(joined[0]).toBe('Usage: sciatica-screen [options] [command]');
    expect(joined.some((l) => l.startsWith('  evaluate'))).toBe(true);
    expect(Math.max(...joined.map((l) => l.length))).toBeLessThanOrEqual(64);
  });
});
