/**
 * Every command shown in README.md and docs/*.md runs (issue 13.17): the shell lines of their
 * ```sh / ```bash / ```console blocks that call `sciatica-screen` are run against the built CLI
 * (`sciatica-screen` is a shell function for `node bin/sciatica-screen.js`), in a scratch folder
 * holding the example files they name. A command must exit 0, except:
 * - the interview (no command word, or `interview`): without a terminal it must refuse with its
 *   one line and 64 — that proves its options parse;
 * - the lines listed in EXPECTED below, with the exit code they are shown for (an example of an
 *   error), each with the reason;
 * - a line whose comment says `not run` (deliberately not runnable, e.g. it needs a service).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/spawn-bin.js';

const run = promisify(execFile);

/** Lines shown as examples of an error, with the exit code they are meant to show. */
const EXPECTED: Readonly<Record<string, { code: number; why: string }>> = {
  'sciatica-screen validate broken/unknown-question.yaml': { code: 78, why: 'shows what an invalid questionnaire reports' },
  'sciatica-screen validate --format json valid/minimal.yaml broken/not-numeric.yaml': { code: 78, why: 'shows the JSON report of one valid and one invalid file' },
};

interface DocCommand {
  readonly file: string;
  readonly line: string;
}

async function docCommands(): Promise<DocCommand[]> {
  const files = ['README.md', ...(await readdir(join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const out: DocCommand[] = [];
  for (const file of files) {
    const text = await readFile(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/```(sh|bash|shell|console)\n([\s\S]*?)```/g)) {
      for (const raw of (m[2] as string).split('\n')) {
        const line = raw.replace(/^\$ /, '').trim();
        if (/^(npx )?sciatica-screen\b/.test(line) || line.startsWith('node bin/sciatica-screen.js')) out.push({ file, line });
      }
    }
  }
  return out;
}

/** The line without its trailing `# comment` (a `#` inside quotes is not one). */
function commandPart(line: string): { command: string; comment: string } {
  const m = /^((?:[^'"#]|'[^']*'|"[^"]*")*?)\s+#\s?(.*)$/.exec(line);
  return m ? { command: (m[1] as string).trim(), comment: m[2] as string } : { command: line, comment: '' };
}

const BASELINE = {
  leg_pain: 'yes', pain_side: 'one_leg', saddle_numbness: 'no', bladder_change: 'no', bowel_change: 'no', sexual_dysfunction: 'no',
  breathless_chest_pain: 'no', calf_swelling: 'no', leg_weakness: 'none', fever: 'no', iv_drug_use: 'no', immunosuppressed: 'no',
  cancer_history: 'no', weight_loss: 'no', night_pain: 'no', trauma: 'no', osteoporosis: 'no', steroids: 'no', age: 38,
  duration: 'under_6_weeks', pain_intensity: 4, pain_trend: 'improving', numbness_leg: 'no', previously_assessed: 'yes', pregnant: 'no',
  anticoagulants: 'no', bleeding_disorder: 'no', recent_surgery: 'no', skin_problem: 'no', varicose_veins: 'no', scent_sensitivity: 'no',
};

describe('every command in the README and docs/ runs', () => {
  let dir: string;
  let commands: DocCommand[];
  beforeAll(async () => {
    commands = await docCommands();
    dir = await mkdtemp(join(tmpdir(), 'sciatica-docs-'));
    for (const name of ['questionnaires', 'test', 'schema', 'docs']) await symlink(join(ROOT, name), join(dir, name));
    await symlink(join(ROOT, 'test/fixtures/questionnaires/valid'), join(dir, 'valid'));
    await symlink(join(ROOT, 'test/fixtures/questionnaires/broken'), join(dir, 'broken'));
    await copyFile(join(ROOT, 'questionnaires/sciatica-massage.yaml'), join(dir, 'my-questionnaire.yaml'));
    await copyFile(join(ROOT, 'questionnaires/sciatica-massage.yaml'), join(dir, 'my.yaml'));
    const doc = { questionnaire: 'sciatica-massage', answers: BASELINE };
    await writeFile(join(dir, 'answers.json'), JSON.stringify(doc));
    await writeFile(join(dir, 'answers.jsonl'), `${JSON.stringify(doc)}\n${JSON.stringify(doc)}\n`);
    const header = Object.keys(BASELINE).join(',');
    const row = Object.values(BASELINE).join(',');
    for (const name of ['records.csv', 'answers.csv', 'export.txt']) await writeFile(join(dir, name), `${header}\n${row}\n`);
    await writeFile(join(dir, 'records.jsonl'), `${JSON.stringify(BASELINE)}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the commands (README, docs/interview.md, docs/cases-format.md at least)', () => {
    const files = new Set(commands.map((c) => c.file));
    for (const f of ['README.md', 'docs/interview.md', 'docs/cases-format.md']) expect(files).toContain(f);
  });

  it('each runs as shown: exit 0 (the interview: its no-terminal line and 64; listed error examples: their code)', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const { file, line } of commands) {
      const { command, comment } = commandPart(line);
      if (/\bnot run\b/.test(comment)) continue;
      const script = `sciatica-screen() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\n${command.replace(/^npx /, '').replace(/^node bin\/sciatica-screen\.js/, 'sciatica-screen')}\nexit \${PIPESTATUS[0]}`;
      let code = 0;
      let stderr = '';
      try {
        ({ stderr } = await run('bash', ['-c', script], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir }, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }));
      } catch (e) {
        const err = e as { code?: number; stderr?: string };
        code = typeof err.code === 'number' ? err.code : -1;
        stderr = err.stderr ?? '';
      }
      const words = command.replace(/^(npx |node bin\/sciatica-screen\.js)/, '').split(/\s+/);
      const isInterview = words[0] === 'sciatica-screen' ? words[1] === undefined || words[1].startsWith('-') || words[1] === 'interview' : false;
      const expected = EXPECTED[command]?.code ?? (isInterview ? 64 : 0);
      const ok = code === expected && (!isInterview || stderr.includes('the interview needs a terminal'));
      if (!ok) failures.push(`${file}: ${command}\n  exit ${code} (expected ${expected}): ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
    }
    expect(failures).toEqual([]);
  });
});
