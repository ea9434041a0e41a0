import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswersDocument } from '../../src/engine/answers.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Result } from '../../src/engine/result.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { answerPhrase, questionLabel } from '../../src/report/answer-words.js';
import { resultToJson } from '../../src/report/json.js';
import { parse } from 'yaml';
import { VIGNETTES } from '../helpers/clinical-paths.js';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/answers/', import.meta.url));
const FIXTURES_Q = fileURLToPath(new URL('../fixtures/answers/questionnaire/', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url));
const run = (args: string[], opts: Parameters<typeof runCli>[1] = {}) => runCli(['evaluate', ...args], { cwd: FIXTURES, ...opts });
const ANSI = /\u001b\[/;

let bundled: Questionnaire;
beforeAll(async () => {
  bundled = await loadQuestionnaire(BUNDLED);
});

function expected(file: string): Result {
  const doc = JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as unknown;
  const { answers, problems } = parseAnswersDocument(doc, bundled);
  expect(problems).toEqual([]);
  return evaluate(bundled, answers);
}

describe('sciatica-screen evaluate', () => {
  it('prints the disposition in words first, then why, what to tell the therapist, and the notice', async () => {
    const r = await run(['unassessed-long-pain.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const result = expected('unassessed-long-pain.json');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(result.title);
    expect(result.disposition).toBe('see_professional_first');
    const because = result.fired.filter((f) => f.outcome === result.disposition);
    expect(because.length).toBeGreaterThan(0);
    // Written to a pipe, the text is wrapped at 80 columns; compare it with the words rejoined.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    const flat = (s: string): string => s.replace(/\s+/g, ' ');
    // Each decisive reason names the answers it fired on, in words (never ids), then its sources.
    const question = (id: string) => bundled.questions.find((q) => q.id === id)!;
    const answered = (a: Result['fired'][number]['answers']): string => Object.entries(a).map(([id, v]) => answerPhrase(question(id), v)).join('; ');
    for (const f of because) expect(flat(r.stdout)).toContain(flat(`  because: ${f.reason} (your answers: ${answered(f.answers)}) [`));
    expect(r.stdout).toContain('  tell your therapist: ');
    for (const c of result.cautions) expect(flat(r.stdout)).toContain(flat(c.text));
    expect(flat(r.stdout)).toContain(flat(`  not answered: ${questionLabel(question('night_pain'))} `));
    expect(r.stdout).not.toMatch(/night_pain|anticoagulants|previously_assessed|over_12_weeks/);
    expect(flat(r.stdout).trimEnd().endsWith(flat(result.notice))).toBe(true);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('cites each reason as [source title §section]', async () => {
    const r = await run(['unassessed-long-pain.json']);
    const f = expected('unassessed-long-pain.json').fired.find((x) => x.source.some((s) => s.section !== undefined));
    const s = f?.source.find((x) => x.section !== undefined);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`${s?.title} §${s?.section}`);
  });

  it('--format json prints the Result JSON, byte-identical to the library', async () => {
    const r = await run(['unassessed-long-pain.json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(resultToJson(expected('unassessed-long-pain.json')));
    expect((JSON.parse(r.stdout) as Result).disposition).toBe('see_professional_first');
    expect((await run(['unassessed-long-pain.json', '--format', 'json'])).stdout).toBe(r.stdout);
  });

  it('reads the answers from stdin with -', async () => {
    const text = readFileSync(`${FIXTURES}unassessed-long-pain.json`, 'utf8');
    const r = await run(['-', '--format', 'json'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(resultToJson(expected('unassessed-long-pain.json')));
  });

  it('with - at a terminal, says it is waiting for the answers (a pipe gets no such line)', async () => {
    const text = readFileSync(`${FIXTURES}unassessed-long-pain.json`, 'utf8');
    const r = await run(['-', '--format', 'json'], { stdin: text, tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Reading the answers (JSON) from the terminal; end with Ctrl+D.\n');
    expect(r.stdout).toBe(resultToJson(expected('unassessed-long-pain.json')));
  });

  it('accepts a bare map with lenient spellings', async () => {
    const r = await run(['lenient-bare-map.json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Result).disposition).toBe('massage_ok');
  });

  it('takes --questionnaire relative to the working directory', async () => {
    const r = await run(['unassessed-long-pain.json', '--questionnaire', '../../../questionnaires/sciatica-massage.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(resultToJson(expected('unassessed-long-pain.json')));
  });

  it('uses colour only when asked or on a colour terminal, and never colour alone', async () => {
    const forced = await run(['unassessed-long-pain.json'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe((await run(['unassessed-long-pain.json'])).stdout);
    const noColor = await run(['unassessed-long-pain.json'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(ANSI);
  });
});

describe('sciatica-screen evaluate: bad input', () => {
  it('bad answers: exit 65, one line per problem naming the file and the question', async () => {
    const r = await run(['bad-answers.json']);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'bad-answers.json: "pain_intensity": 14 is above the maximum 10',
        'bad-answers.json: "pain_intensty" is not a question of sciatica-massage (did you mean "pain_intensity"?)',
        'bad-answers.json: "pain_side": "both" is not one of one_leg, both_legs, alternating',
        'bad-answers.json: "leg_pain": "not sure" is not offered: expected yes or no',
        'bad-answers.json: "age": expected a number, got "forty"',
        'bad-answers.json: "fever": expected yes, no or unsure, got 3',
        'bad-answers.json: "duration": "6-12 weeks" is not one of under_6_weeks, 6_to_12_weeks, over_12_weeks',
        '',
      ].join('\n'),
    );
  });

  it('the other answer classes: below the minimum, "not sure" not offered, wrong type of list, each exit 65 naming the question', async () => {
    const r = await run(['-'], { stdin: '{"age": 12, "pain_intensity": "-1"}' });
    expect(r).toMatchObject({
      code: 65,
      stdout: '',
      stderr: '<stdin>: "age": 12 is below the minimum 16\n<stdin>: "pain_intensity": -1 is below the minimum 0\n',
    });
    expect(await run(['-'], { stdin: '{"age": "dont know"}' })).toMatchObject({
      code: 65,
      stderr: '<stdin>: "age": "dont know" is not offered: expected a number\n',
    });
    expect(await run(['-'], { stdin: '{"fever": ["yes"], "age": true}' })).toMatchObject({
      code: 65,
      stderr: '<stdin>: "fever": expected yes, no or unsure, got a list\n<stdin>: "age": expected a number, got true\n',
    });
  });

  it('a malformed answers file envelope: exit 65, every problem on its own line', async () => {
    const r = await run(['-'], { stdin: '{"questionnaire": "sciatica-massage", "version": "one", "id": 7, "anwsers": {}}' });
    expect(r).toMatchObject({
      code: 65,
      stdout: '',
      stderr: [
        '<stdin>: unknown key "anwsers" in the answers file (did you mean "answers"?)',
        '<stdin>: "version" must be a version like 1.0.0, got "one"',
        '<stdin>: "id" must be a non-empty string, got 7',
        '<stdin>: the answers file has no "answers" object',
        '',
      ].join('\n'),
    });
    expect(await run(['-'], { stdin: '{"questionnaire": "sciatica-massage", "answers": "yes"}' })).toMatchObject({
      code: 65,
      stderr: '<stdin>: "answers" must be an object of answers by question id, got "yes"\n',
    });
  });

  it('a fraction on a scale: exit 65', async () => {
    const r = await run(['-'], { stdin: '{"pain_intensity": 6.5}' });
    expect(r).toMatchObject({ code: 65, stderr: '<stdin>: "pain_intensity": 6.5 is not a whole number\n' });
  });

  it('broken JSON: exit 65 with file:line:col', async () => {
    const r = await run(['broken.json']);
    expect(r).toMatchObject({ code: 65, stdout: '', stderr: 'broken.json:5:3: trailing comma before "}"\n' });
    const s = await run(['-'], { stdin: '{"fever": yes}' });
    expect(s).toMatchObject({ code: 65, stderr: '<stdin>:1:11: unexpected "y"\n' });
    const empty = await run(['-'], { stdin: '' });
    expect(empty).toMatchObject({ code: 65, stderr: '<stdin>:1:1: the file is empty (expected a JSON object)\n' });
  });

  it('bytes that are not UTF-8, or a file too big to be answers: exit 65', async () => {
    expect(await run(['not-utf8.json'])).toMatchObject({ code: 65, stdout: '', stderr: 'not-utf8.json: not valid UTF-8 text\n' });
    const big = await run(['-'], { stdin: ' '.repeat(8 * 1024 * 1024 + 1) });
    expect(big).toMatchObject({ code: 65, stdout: '', stderr: 'sciatica-screen: <stdin>: larger than 8 MiB; this is not an answers file\n' });
  });

  it('a file without end (/dev/zero) is refused at the size cap, not read forever', async () => {
    const r = await run(['/dev/zero']);
    expect(r).toMatchObject({ code: 65, stdout: '', stderr: 'sciatica-screen: /dev/zero: larger than 8 MiB; this is not an answers file\n' });
  });

  it('a key given twice: exit 65 at the second one', async () => {
    const r = await run(['duplicate-key.json']);
    expect(r).toMatchObject({ code: 65, stderr: 'duplicate-key.json:3:3: "fever" appears twice in the same object\n' });
  });

  it('answers for another questionnaire or major version: exit 65', async () => {
    expect(await run(['other-questionnaire.json'])).toMatchObject({
      code: 65,
      stderr: 'other-questionnaire.json: the answers are for questionnaire "low-back-pain", not "sciatica-massage"\n',
    });
    expect(await run(['other-major-version.json'])).toMatchObject({
      code: 65,
      stderr: `other-major-version.json: the answers are for version 2.1.0 of sciatica-massage, but the questionnaire is version ${bundled.version} (major versions differ)\n`,
    });
  });

  it('a JSON value that is not an object: exit 65', async () => {
    const r = await run(['-'], { stdin: '["fever"]' });
    expect(r).toMatchObject({ code: 65, stderr: '<stdin>: expected a JSON object of answers by question id, got a list\n' });
  });

  it('a missing answers file: exit 66', async () => {
    const r = await run(['nope.json']);
    expect(r).toMatchObject({ code: 66, stdout: '', stderr: 'sciatica-screen: cannot read nope.json: no such file\n' });
  });

  it('an unknown format: exit 64', async () => {
    const r = await run(['unassessed-long-pain.json', '--format', 'xml']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("option '-f, --format <format>' argument 'xml' is invalid");
  });
});

describe('sciatica-screen evaluate: the questionnaire', () => {
  it('an invalid questionnaire: exit 78, its problems named as the user wrote the path', async () => {
    const r = await runCli(['evaluate', 'x.json', '--questionnaire', 'bad.yaml'], { cwd: FIXTURES_Q });
    expect(r.code).toBe(78);
    expect(r.stderr.split('\n')[0]).toMatch(/^bad\.yaml:\d+:\d+: error: /);
  });

  it('a missing questionnaire: exit 66', async () => {
    const r = await run(['unassessed-long-pain.json', '--questionnaire', 'none.yaml']);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('none.yaml');
  });
});

describe('sciatica-screen evaluate: the clinical vignettes', () => {
  interface Vignette {
    id: string;
    answers: Record<string, unknown>;
    expected: { disposition: string; cautions_include: string[] };
  }
  const vignettes = (parse(readFileSync(VIGNETTES, 'utf8')) as { vignettes: Vignette[] }).vignettes;

  it.each(vignettes.map((v) => [v.id, v] as const))('%s: the command gives the expected disposition and cautions', async (_id, v) => {
    const doc = JSON.stringify({ questionnaire: 'sciatica-massage', version: bundled.version, id: v.id, answers: v.answers });
    const r = await run(['-', '--format', 'json'], { stdin: doc });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const result = JSON.parse(r.stdout) as Result;
    expect(result.disposition).toBe(v.expected.disposition);
    for (const c of v.expected.cautions_include) expect(result.cautions.map((x) => x.id)).toContain(c);
    const text = await run(['-'], { stdin: doc });
    expect(text.stdout.split('\n')[0]).toBe(result.title);
  });
});
