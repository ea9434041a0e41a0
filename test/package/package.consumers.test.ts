/**
 * The package as a consumer gets it: `npm pack` (with its real prepack) in a copy of the project,
 * then the tarball installed into fresh projects — an ES module one, a CommonJS one, and
 * TypeScript CommonJS ones — each of which runs and type-checks the library as a user would.
 * Issue 13 items 2, 7 and 8.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/spawn-bin.js';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
// Installs and compilers: slow on a busy machine, so generous per-test time (not a speed target).
vi.setConfig({ testTimeout: 180_000 });
let work = '';
let tarball = '';
let packed: SpawnSyncReturns<string>;
let esmProject = '';
let install: SpawnSyncReturns<string>;

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
}

function project(name: string, pkg: Record<string, unknown>): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, ...pkg }, null, 2));
  return dir;
}

/** A copy of the fresh consumer's node_modules (one network-free install serves every project). */
function withInstalledPackage(dir: string): void {
  cpSync(join(esmProject, 'node_modules'), join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
}

// The same checks in both module systems: lenient spellings of a red flag escalate, an unknown
// value is refused, never read as "no".
const CHECKS = `
  const q = await screen.loadBundledQuestionnaire();
  const out = [];
  for (const v of ['Yes', true, 'YES ', 'y', 'yes']) out.push(screen.evaluate(q, { saddle_numbness: v }).disposition);
  try { screen.evaluate(q, { saddle_numbness: 'maybe' }); out.push('accepted'); } catch (e) { out.push(e.code + ' ' + e.exitCode); }
  try { screen.evaluate(q, { sadle_numbness: 'no' }); out.push('accepted'); } catch (e) { out.push(e.code); }
  const n = screen.normaliseAnswers(q, { pain_side: 'One leg only', leg_pain: 'Y', saddle_numbness: 'n' });
  out.push(JSON.stringify(n.answers), n.problems.length);
  console.log(JSON.stringify(out));
`;
const EXPECTED = JSON.stringify([
  'emergency', 'emergency', 'emergency', 'emergency', 'emergency',
  'answers.invalid 65', 'answers.invalid',
  JSON.stringify({ leg_pain: 'yes', pain_side: 'one_leg', saddle_numbness: 'no' }), 0,
]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sciatica-pack-'));
  // A copy of the project, so the prepack's clean build never touches the dist/ other tests run.
  const copy = join(work, 'project');
  mkdirSync(copy);
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'src', 'bin', 'questionnaires', 'schema', 'docs']) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  // A stale map from an earlier build must not ship either.
  mkdirSync(join(copy, 'dist'), { recursive: true });
  writeFileSync(join(copy, 'dist/stale.js.map'), '{}');
  packed = run('npm', ['pack', '--pack-destination', work], copy);
  tarball = join(work, packed.stdout.trim().split('\n').at(-1) ?? '');

  esmProject = project('esm-consumer', { type: 'module' });
  install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], esmProject);
}, 300_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('packs, and leaves the project package.json as it was', () => {
    expect(packed.status, packed.stderr).toBe(0);
    expect(readFileSync(join(work, 'project/package.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(existsSync(join(work, 'project/.package.json.prepack'))).toBe(false);
  });

  it('ships no source maps (it ships no src/ for them to point at) and a CommonJS entry', () => {
    const list = run('tar', ['tzf', tarball], work).stdout.split('\n');
    expect(list.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(list.filter((f) => f.startsWith('package/src/'))).toEqual([]);
    expect(list).toContain('package/dist/index.cjs');
    expect(list).toContain('package/dist/index.js');
    expect(list).toContain('package/questionnaires/sciatica-massage.yaml');
  });

  it('has no install-time script, so npm does not warn the consumer', () => {
    const manifest = JSON.parse(run('tar', ['xzf', tarball, '-O', 'package/package.json'], work).stdout) as { scripts: Record<string, string> };
    for (const s of ['prepare', 'preinstall', 'install', 'postinstall']) expect(manifest.scripts[s]).toBeUndefined();
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|allowScripts/);
  });
});

describe('a consumer of the package', () => {
  it('ES module: import works; lenient red-flag answers escalate, unknown values are refused', () => {
    writeFileSync(join(esmProject, 'screen.mjs'), `import * as screen from 'sciatica-screen';\n${CHECKS}`);
    const r = run(process.execPath, ['screen.mjs'], esmProject);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(EXPECTED);
  });

  it('CommonJS: require works on this Node (20.19+ can require an ES module), with the same answers', () => {
    const dir = project('cjs-consumer', {});
    withInstalledPackage(dir);
    writeFileSync(join(dir, 'screen.js'), `const screen = require('sciatica-screen');\n(async () => {${CHECKS}})();`);
    const r = run(process.execPath, ['screen.js'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(EXPECTED);
  });

  it('CommonJS on a Node that cannot require an ES module: one clear error saying what to do', () => {
    const dir = join(work, 'cjs-consumer');
    const r = run(process.execPath, ['--no-experimental-require-module', '-e', "require('sciatica-screen')"], dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('sciatica-screen is an ES module, and this Node.js');
    expect(r.stderr).toContain("await import('sciatica-screen')");
    expect(r.stderr).not.toContain('No "exports" main defined');
  });

  const TS_CONSUMER = `
import { evaluate, loadBundledQuestionnaire, loadQuestionnaire, normaliseAnswers, BUNDLED_QUESTIONNAIRE, type SciaticaMassageDisposition } from 'sciatica-screen';

async function main(): Promise<void> {
  const q = await loadBundledQuestionnaire();
  // @ts-expect-error "Yes" is not a stored value of saddle_numbness: normalise it first
  const unchecked = { run: () => evaluate(q, { saddle_numbness: 'Yes' }) };
  // @ts-expect-error a typo in a question id
  const typo = { run: () => evaluate(q, { sadle_numbness: 'yes' }) };
  // @ts-expect-error a typo in a question id, even in raw answers
  const rawTypo = { run: () => normaliseAnswers(q, { sadle_numbness: 'Yes' }) };
  const plain = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
  // @ts-expect-error an untyped questionnaire takes only normalised answers
  const plainRaw = { run: () => evaluate(plain, { saddle_numbness: 'no' }) };
  const { answers, problems } = normaliseAnswers(q, { saddle_numbness: 'Yes', pain_side: 'One leg only' });
  const result = evaluate(q, answers);
  const disposition: SciaticaMassageDisposition = result.disposition;
  // @ts-expect-error not a disposition of the bundled questionnaire
  const wrong: typeof result.disposition = 'massage_okay';
  const literal = evaluate(q, { saddle_numbness: 'no', leg_pain: 'yes' });
  console.log(JSON.stringify([disposition, problems.length, literal.disposition !== 'massage_ok', typeof unchecked, typeof typo, typeof rawTypo, typeof plainRaw, typeof wrong]));
}
void main();
`;

  for (const module of ['commonjs', 'nodenext'] as const) {
    it(`TypeScript CommonJS project (module ${module}): compiles with literal types that catch typos, and runs`, () => {
      const dir = project(`ts-${module}-consumer`, { type: 'commonjs' });
      withInstalledPackage(dir);
      mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'), 'dir');
      if (existsSync(join(ROOT, 'node_modules/undici-types'))) symlinkSync(join(ROOT, 'node_modules/undici-types'), join(dir, 'node_modules/undici-types'), 'dir');
      writeFileSync(join(dir, 'index.ts'), TS_CONSUMER);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module, target: 'ES2022', strict: true, outDir: 'out', types: ['node'], lib: ['ES2023'] }, files: ['index.ts'] }),
      );
      const tsc = run(process.execPath, [TSC, '-p', '.'], dir);
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(readFileSync(join(dir, 'out/index.js'), 'utf8')).toContain('require("sciatica-screen")');
      const r = run(process.execPath, ['out/index.js'], dir);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual(['emergency', 0, true, 'object', 'object', 'object', 'object', 'string']);
    });
  }

  it('TypeScript with module node16 (which cannot require an ES module) fails at compile time, clearly', () => {
    const dir = project('ts-node16-consumer', { type: 'commonjs' });
    withInstalledPackage(dir);
    writeFileSync(join(dir, 'index.ts'), "import { evaluate } from 'sciatica-screen';\nconsole.log(typeof evaluate);\n");
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', strict: true, outDir: 'out', types: [], lib: ['ES2023', 'DOM'], skipLibCheck: true }, files: ['index.ts'] }));
    const tsc = run(process.execPath, [TSC, '-p', '.'], dir);
    expect(tsc.status).not.toBe(0);
    expect(tsc.stdout).toContain('TS1479');
  });
});
