/**
 * The batch progress line on a real narrow terminal (tmux, 30 columns): redrawn in place, never a
 * new line per redraw. Before, the ~60-character line wrapped and every redraw left a row behind.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/spawn-bin.js';
import { TmuxSession } from '../e2e/tmux.js';

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-progress-'));
  input = join(dir, 'many.jsonl');
  writeFileSync(input, `${Array.from({ length: 150_000 }, (_, i) => `{"leg_pain":"no","age":${20 + (i % 60)}}`).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch progress on a narrow terminal', () => {
  it('30 columns: the progress line is redrawn in place; only the summary stays', async () => {
    const session = await TmuxSession.start(['sh', '-c', `"${process.execPath}" "${BIN}" batch "${input}" --jobs 1 > /dev/null`], { cwd: ROOT, width: 30, height: 20 });
    try {
      await session.waitFor('batch: ', { timeout: 20_000 });
      const during = await session.visible();
      const code = await session.exitCode(60_000);
      expect(code).toBe(0);
      // The progress line, while it ran, fitted in one row.
      expect(during.split('\n').filter((l) => l.trim() !== '').every((l) => l.length <= 29)).toBe(true);
      const rows = (await session.screen()).split('\n').filter((l) => l.trim() !== '');
      // -J joins the rows of one wrapped line: the summary, then the exit marker — no leftovers.
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/^batch: 150000 records read: 150000 evaluated/);
      expect(rows[1]).toBe('[exit 0]');
    } finally {
      await session.kill();
    }
  }, 90_000);
});
