/**
 * A copy of the installed package (bin, dist, questionnaires, package.json) in a temporary folder
 * that a test may edit or damage; removed after the test file's run.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from './spawn-bin.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

export function packageCopy(prefix = 'screen-package-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  for (const p of ['bin', 'dist', 'questionnaires', 'package.json']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  return dir;
}
