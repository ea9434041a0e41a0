/**
 * `sciatica-screen test` with a cases file that is not what docs/cases-format.md describes: every
 * shape mistake is one `file:line:col: error:` line saying what to write (exit 65, nothing on
 * stdout); a file with a BOM is read; a file far too large, or one that never ends (/dev/zero, a
 * pipe left open), is refused after reading no more than the limit — never read whole.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { BIN } from '../helpers/spawn-bin.js';
import { BUNDLED, SHOWN } from './bundled-paths.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-cases-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a cases file in the wrong shape', () => {
  it('each mistake: its place and what is expected, in line order; exit 65', async () => {
    const f = SHOWN.fixture('wrong-shapes.cases.yaml');
    const r = await runCli(['test', SHOWN.bundled, f]);
    expect(r.stderr).toBe(
      [
        `${f}:4:5: error: case 1 must be a mapping with id, answers and expected`,
        `${f}:6:14: error: case "B": \`answers\` must be a mapping of question id to answer`,
        `${f}:7:15: error: case "B": \`expected\` must be a mapping with disposition and cautions_include`,
        `${f}:9:12: error: case "C": \`story\` must be text, not a list`,
        `${f}:11:76: error: case "C": each entry of \`cautions_include\` must be a caution id`,
        `${f}:12:9: error: case 4: \`id\` must be a non-empty string, not ""`,
        `${f}:14:30: error: case 4 expected: \`disposition\` must be a non-empty string, not a list`,
        `${f}:17:7: error: case "E": unknown key (not a plain key); expected one of id, story, answers, expected, rationale`,
        `${f}:20:5: error: case "F" has no \`expected:\` (disposition and cautions_include)`,
        '',
      ].join('\n'),
    );
    expect(r.stdout).toBe('');
    expect(r.code).toBe(65);
  });

  it('the top level: vignettes not a list, version missing, vignettes missing (after a BOM)', async () => {
    const cases: Array<[string, string, string]> = [
      ['not-list.cases.yaml', 'version: 1\nvignettes: { a: 1 }\n', 'not-list.cases.yaml:2:12: error: `vignettes` must be a list of cases'],
      ['no-version.cases.yaml', 'vignettes: []\n', 'no-version.cases.yaml:1:1: error: missing `version: 1`\nno-version.cases.yaml:1:12: error: `vignettes` is empty: a cases file needs at least one case'],
      ['bom.cases.yaml', '\uFEFFversion: 1\n', 'bom.cases.yaml:1:1: error: missing `vignettes:` (the list of cases)'],
    ];
    for (const [name, text, stderr] of cases) {
      await writeFile(join(dir, name), text);
      const r = await runCli(['test', BUNDLED, name], { cwd: dir });
      expect(r).toEqual({ code: 65, stdout: '', stderr: `${stderr}\n` });
    }
  });
});

/** The built CLI, stopped after `ms` if it has not ended by then. */
function bin(args: string[], ms: number): Promise<{ code: number | null; killed: boolean; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: ms, maxBuffer: 1 << 20 }, (e, _out, stderr) =>
      resolve({ code: e ? ((e as { code?: number }).code ?? null) : 0, killed: e?.killed === true, stderr }),
    );
  });
}

describe('a cases file too large to be one', () => {
  it('over 16 MB: one line, exit 65', async () => {
    const big = join(dir, 'big.cases.yaml');
    await writeFile(big, `version: 1\n# ${'x'.repeat(16 * 1024 * 1024)}\n`);
    const r = await runCli(['test', BUNDLED, big]);
    expect(r).toMatchObject({ code: 65, stderr: `${big}:1:1: error: the file is larger than 16 MB\n` });
  });

  it('one that never ends (/dev/zero): refused within seconds with the same line, not read until memory runs out', async () => {
    const r = await bin(['test', BUNDLED, '/dev/zero'], 30_000);
    expect(r.killed).toBe(false);
    expect(r.stderr).toBe('/dev/zero:1:1: error: the file is larger than 16 MB\n');
    expect(r.code).toBe(65);
  }, 40_000);
});
