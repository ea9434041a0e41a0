/**
 * `sciatica-screen validate`: what a user sees on stdout and stderr, and the exit codes
 * (0 valid, 78 invalid, 66 unreadable, 64 usage); `--format json`; the bundled default; and
 * that neither `validate` nor `--version` loads the prompt library (startup stays cheap).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runBin, ROOT } from '../helpers/spawn-bin.js';
import { loadedSources } from '../helpers/bundle-inputs.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/questionnaires/', import.meta.url));
const BUNDLED = join(ROOT, 'questionnaires', 'sciatica-massage.yaml');

describe('validate', () => {
  it.skipIf(!existsSync(BUNDLED))('checks the bundled questionnaire by default, named relative to the working directory', async () => {
    const r = await runCli(['validate'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok questionnaires\/sciatica-massage\.yaml: \d+ questions, \d+ rules, 4 outcomes\n$/);
  });

  it('checks every file given, in order, and exits 78 when any is invalid', async () => {
    const r = await runCli(['validate', 'valid/minimal.yaml', 'broken/not-numeric.yaml', 'valid/early-end.yaml'], { cwd: FIXTURES });
    expect(r.code).toBe(78);
    expect(r.stdout).toBe('ok valid/minimal.yaml: 1 question, 1 rule, 2 outcomes\nok valid/early-end.yaml: 2 questions, 1 rule, 2 outcomes\n');
    expect(r.stderr).toBe('broken/not-numeric.yaml:12:38: error: rule "infection" compares "fever" with a number, but it is a yesno question\n');
  });

  it('says in one line that a file cannot be read, exits 66, and still checks the others', async () => {
    const r = await runCli(['validate', 'nope.yaml', 'valid/minimal.yaml'], { cwd: FIXTURES });
    expect(r.code).toBe(66);
    expect(r.stderr).toBe('sciatica-screen: cannot read nope.yaml: no such file\n');
    expect(r.stdout).toBe('ok valid/minimal.yaml: 1 question, 1 rule, 2 outcomes\n');
    const dir = await runCli(['validate', 'valid'], { cwd: FIXTURES });
    expect([dir.code, dir.stderr]).toEqual([66, 'sciatica-screen: cannot read valid: it is a folder\n']);
  });

  it('reads standard input for -, to its end, and refuses it over the size cap', async () => {
    const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'));
    const ok = await runBin(['validate', '-'], { stdin: minimal });
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, 'ok <stdin>: 1 question, 1 rule, 2 outcomes\n', '']);
    const huge = await runBin(['validate', '-'], { stdin: Buffer.alloc(3 * 1024 * 1024, 0x61) });
    expect([huge.code, huge.stderr]).toEqual([78, '<stdin>:1:1: error: the file is more than 1 MiB; a questionnaire may be at most 1 MiB\n']);
  });

  it('prints one JSON document with --format json: per file ok, counts and coded problems with positions', async () => {
    const r = await runCli(['validate', '--format', 'json', 'valid/branches.yaml', 'broken/cycle.yaml', 'missing.yaml'], { cwd: FIXTURES });
    expect(r.code).toBe(66);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { files: { file: string; ok: boolean; counts: unknown; problems: Record<string, unknown>[] }[] };
    expect(doc.files.map((f) => [f.file, f.ok, f.counts])).toEqual([
      ['valid/branches.yaml', true, { questions: 3, rules: 1, outcomes: 2 }],
      ['broken/cycle.yaml', false, null],
      ['missing.yaml', false, null],
    ]);
    expect(doc.files[0]!.problems[0]).toEqual({
      code: 'info.declared-skip',
      severity: 'info',
      file: 'valid/branches.yaml',
      line: 23,
      col: 5,
      message: 'red-flag question "pain_side" may be skipped (declared: only asked when there is leg pain), e.g. on the path leg_pain → bladder_change → end',
    });
    expect(Object.keys(doc.files[1]!.problems[0]!)).toEqual(['code', 'severity', 'file', 'line', 'col', 'message']);
    expect(doc.files[1]!.problems.map((p) => p.code)).toEqual(['lint.cycle']);
    expect(doc.files[2]!.problems.map((p) => p.code)).toEqual(['input.not-found']);
    const invalidOnly = await runCli(['validate', '--format', 'json', 'broken/cycle.yaml'], { cwd: FIXTURES });
    expect(invalidOnly.code).toBe(78);
  });

  it('rejects an unknown format as a usage error (64)', async () => {
    const r = await runCli(['validate', '--format', 'xml'], { cwd: FIXTURES });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("option '--format <format>' argument 'xml' is invalid");
  });

  it('explains itself with --help', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: sciatica-screen validate [options] [files...]');
    expect(r.stdout).toContain('--format <format>');
  });
});

describe('startup', () => {
  /**
   * Runs the built binary with a preload that logs the URL of every module it loads: the CLI
   * bundle is CommonJS (src/build/build-dist.mjs), so the hook is on `require`'s resolution.
   */
  async function loadedModules(args: string[]): Promise<{ code: number | null; urls: string[] }> {
    const dir = mkdtempSync(join(tmpdir(), 'screen-startup-'));
    const log = join(dir, 'resolved.log');
    writeFileSync(log, '');
    const preload = join(dir, 'log-requires.cjs');
    writeFileSync(
      preload,
      `const Module = require('node:module');\nconst { appendFileSync } = require('node:fs');\nconst { pathToFileURL } = require('node:url');\n` +
        `const resolve = Module._resolveFilename;\nModule._resolveFilename = function (...a) {\n  const f = resolve.apply(this, a);\n  appendFileSync(${JSON.stringify(log)}, (f.startsWith('/') ? pathToFileURL(f).href : f) + '\\n');\n  return f;\n};\n`,
    );
    const r = await runBin(args, { env: { NODE_OPTIONS: `--require=${preload}` }, cwd: FIXTURES });
    return { code: r.code, urls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  }

  it('--version and validate never load @inquirer/prompts', async () => {
    for (const args of [['--version'], ['validate', 'valid/minimal.yaml']]) {
      const { code, urls } = await loadedModules(args);
      expect(code).toBe(0);
      const sources = loadedSources(urls);
      // The hook saw the program itself, so an absence below means something.
      expect(sources).toContain('src/cli/launch.ts');
      expect(sources.filter((u) => u.includes('@inquirer'))).toEqual([]);
    }
  });

  it('--version and --help load no command work: no YAML parser, engine, CSV parser or colours', async () => {
    for (const args of [['--version'], ['--help'], ['batch', '--help']]) {
      const { code, urls } = await loadedModules(args);
      expect(code).toBe(0);
      const sources = loadedSources(urls);
      expect(sources).toContain('src/cli/launch.ts');
      const heavy = sources.filter((u) => /node_modules\/(yaml|csv-parse|chalk)\/|^src\/(engine|questionnaire\/load|cli\/actions|interview)\//.test(u));
      expect(heavy).toEqual([]);
    }
  });
});
