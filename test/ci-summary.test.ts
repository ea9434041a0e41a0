/**
 * CI's closing line (.ci/summary.mjs, called by .ci/run): it counts skipped tests, and a skipped
 * interview end-to-end suite (tmux missing) fails the run instead of passing unseen (issue 9.11).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const SUMMARY = join(ROOT, '.ci/summary.mjs');

async function summary(reportPath: string, status = '0', extra = '0'): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [SUMMARY, reportPath, status, extra]);
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

const suite = (name: string, statuses: string[]) => ({ name: join(ROOT, name), assertionResults: statuses.map((status) => ({ status })) });

describe('the closing line of CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sciatica-ci-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a green run: `tests: N passed, 0 failed, K skipped`, exit 0', async () => {
    const report = join(dir, 'green.json');
    await writeFile(report, JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 1, numTodoTests: 0, testResults: [suite('test/e2e/interview.tmux.test.ts', ['passed', 'passed']), suite('test/a.test.ts', ['passed', 'skipped'])] }));
    expect(await summary(report)).toEqual({ code: 0, stdout: 'tests: 3 passed, 0 failed, 1 skipped\n' });
  });

  it('a run where vitest failed without a failed test still fails; checks outside vitest are added', async () => {
    const report = join(dir, 'odd.json');
    await writeFile(report, JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 0, testResults: [suite('test/e2e/x.tmux.test.ts', ['passed'])] }));
    expect(await summary(report, '1')).toEqual({ code: 1, stdout: 'tests: 3 passed, 1 failed, 0 skipped\n' });
    expect(await summary(report, '0', '1')).toEqual({ code: 1, stdout: 'tests: 3 passed, 1 failed, 0 skipped\n' });
    expect(await summary(join(dir, 'missing.json'))).toEqual({ code: 1, stdout: 'tests: 0 passed, 1 failed, 0 skipped\n' });
  });

  it('the real interview e2e suite with tmux missing is skipped by vitest, and that fails CI with a line saying why', { timeout: 120_000 }, async () => {
    const report = join(dir, 'no-tmux.json');
    await run(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/e2e/interview.tmux.test.ts', '--reporter=json', `--outputFile=${report}`], {
      cwd: ROOT,
      env: { ...process.env, TMUX_BIN: join(dir, 'no-tmux-here') },
    }).catch(() => undefined);
    const r = await summary(report);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('test/e2e/interview.tmux.test.ts was skipped (is tmux installed? see test/e2e/tmux.ts): counted as 1 failed');
    expect(r.stdout).toMatch(/^tests: 0 passed, 1 failed, \d+ skipped$/m);
  });
});
